/**
 * Psychological and behavioural concerns (care/concerns.ts): recorded by a director or the paired
 * love parent; the director tells the guardians, refers, records the outcome and closes.
 */
import { z } from 'zod'
import { CONCERN_EVENT_TYPES, CONCERN_SIGNS, CONCERN_REFERRALS } from '../care/concerns'
import { CalendarDateSchema, IdSchema, TextSchema } from './common'

const setOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).min(1, { message: '请至少选择一项' }).max(values.length).refine((a) => new Set(a).size === a.length, { message: '选项重复' })

export const CreateConcernBodySchema = z
  .strictObject({
    signs: setOf(CONCERN_SIGNS),
    noticedOn: CalendarDateSchema,
    description: TextSchema.min(4, { message: '请简单描述看到的情况（至少4个字）' }).max(1000),
  })
  .meta({ id: 'CreateConcernBody' })
export type CreateConcernBody = z.infer<typeof CreateConcernBodySchema>

export const ConcernEventBodySchema = z
  .strictObject({
    type: z.enum(CONCERN_EVENT_TYPES),
    on: CalendarDateSchema,
    referredTo: z.enum(CONCERN_REFERRALS).optional(),
    note: TextSchema.min(2, { message: '请填写说明' }).max(1000),
    /** On closing: whether the child still needs more frequent visits (the special-attention flag stays). */
    keepAttention: z.boolean().optional(),
  })
  .refine((b) => b.type !== 'referred' || !!b.referredTo, { message: '请选择转介到哪里', path: ['referredTo'] })
  .refine((b) => b.type !== 'closed' || b.keepAttention !== undefined, { message: '请选择是否继续重点关注', path: ['keepAttention'] })
  .meta({ id: 'ConcernEventBody' })
export type ConcernEventBody = z.infer<typeof ConcernEventBodySchema>

export const ConcernSchema = z
  .object({
    id: IdSchema,
    signs: z.array(z.enum(CONCERN_SIGNS)),
    noticedOn: CalendarDateSchema,
    description: z.string(),
    recordedByName: z.string(),
    recordedByRole: z.enum(['child_director', 'volunteer']),
    status: z.enum(['open', 'referred', 'closed']),
    events: z.array(z.object({
      id: z.string(), type: z.enum(CONCERN_EVENT_TYPES), on: CalendarDateSchema, referredTo: z.enum(CONCERN_REFERRALS).nullable(),
      note: z.string(), byName: z.string(), createdAt: z.iso.datetime(),
    })),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Concern' })
export type Concern = z.infer<typeof ConcernSchema>

export const ConcernListSchema = z
  .object({ childId: IdSchema, name: z.string(), specialAttention: z.boolean(), items: z.array(ConcernSchema) })
  .meta({ id: 'ConcernList' })

/** What the recorder sees back: the concern is on file and the director knows (a volunteer sees no more). */
export const ConcernCreatedSchema = z.object({ id: IdSchema, attentionRaised: z.boolean() }).meta({ id: 'ConcernCreated' })
