/**
 * The entrusted-care page of a child's file (care/entrusted.ts): the arrangement, when the yearly
 * re-assessment falls due, the follow-up after a finding, and every recorded step.
 */
import { z } from 'zod'
import { CARE_QUALITIES, ENTRUSTED_CARERS, ENTRUSTED_REASONS } from '../children/enums'
import { CARER_CAPACITIES, ENTRUSTED_EVENT_TYPES, ENTRUSTED_FOLLOW_UPS, ENTRUSTED_STEPS } from '../care/entrusted'
import { DUTY_STATUSES } from '../duty/rules'
import { EntrustedCareViewSchema } from './child-views'
import { CalendarDateSchema, IdSchema, TextSchema } from './common'

const note = (min: number) => TextSchema.min(min, { message: `请至少写${min}个字` }).max(500, { message: '最多500个字' })
const CarerRef = z.object({ carer: z.enum(ENTRUSTED_CARERS), name: z.string().nullable() })

/** The director's assessment of the carer, recorded with a home visit or contact (CreateDirectorVisitBody). */
export const EntrustedAssessmentInputSchema = z.strictObject({
  capacity: z.enum(CARER_CAPACITIES),
  quality: z.enum(CARE_QUALITIES),
  note: note(0).optional(),
})

export const EntrustedStepBodySchema = z
  .strictObject({ type: z.enum(ENTRUSTED_STEPS), on: CalendarDateSchema, note: note(2) })
  .meta({ id: 'EntrustedStepBody' })
export type EntrustedStepBody = z.infer<typeof EntrustedStepBodySchema>

/** A new carer chosen (重新选择被委托照护人), or the arrangement changed for any other reason. */
export const CarerChangeBodySchema = z
  .strictObject({
    carer: z.enum(ENTRUSTED_CARERS),
    carerName: TextSchema.min(1).max(20).nullable(),
    reason: z.enum(ENTRUSTED_REASONS).nullable().optional(),
    since: CalendarDateSchema,
    agreementOn: CalendarDateSchema.nullable().optional(),
    note: note(2),
  })
  .refine((b) => b.carer === 'none' || !!b.carerName, { message: '请填写新照护人的姓名', path: ['carerName'] })
  .meta({ id: 'CarerChangeBody' })
export type CarerChangeBody = z.infer<typeof CarerChangeBodySchema>

export const EntrustedEventSchema = z
  .object({
    id: z.string(),
    type: z.enum(ENTRUSTED_EVENT_TYPES),
    on: CalendarDateSchema,
    capacity: z.enum(CARER_CAPACITIES).nullable(),
    quality: z.enum(CARE_QUALITIES).nullable(),
    note: z.string().nullable(),
    from: CarerRef.nullable(),
    to: CarerRef.nullable(),
    byName: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'EntrustedEvent' })
export type EntrustedEvent = z.infer<typeof EntrustedEventSchema>

export const EntrustedCareSchema = z
  .object({
    childId: IdSchema,
    name: z.string(),
    villageName: z.string(),
    arrangement: EntrustedCareViewSchema.nullable(),
    /** The yearly re-assessment; null when there is no carer to assess. */
    review: z.object({ dueOn: CalendarDateSchema, status: z.enum(DUTY_STATUSES) }).nullable(),
    followUp: z.enum(ENTRUSTED_FOLLOW_UPS).nullable(),
    events: z.array(EntrustedEventSchema),
    today: CalendarDateSchema,
  })
  .meta({ id: 'EntrustedCare' })
export type EntrustedCare = z.infer<typeof EntrustedCareSchema>
