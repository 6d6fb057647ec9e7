import { z } from 'zod'
import {
  ESCALATION_LEVELS, HANDLER_EVENT_TYPES, REFERRAL_TARGETS, REPORT_EVENT_TYPES, REPORT_KINDS, REPORT_STATUSES, URGENCIES,
} from '../safeguarding'
import { RoleSchema } from './auth'
import { IdSchema, InstantSchema, RegionCodeSchema, TextSchema } from './common'

export const HotlineListResponseSchema = z
  .object({ items: z.array(z.object({ number: z.string(), label: z.string(), then: z.string().optional() })) })
  .meta({ id: 'HotlineList' })
export const HotlinesQuerySchema = z.strictObject({ regionCode: RegionCodeSchema.optional() })

/**
 * A report names a child on file (childId) or, for a child without a file, a name as free text;
 * either way the village (regionCode) routes it to the people responsible there.
 */
export const CreateReportBodySchema = z
  .strictObject({
    childId: IdSchema.optional(),
    childName: TextSchema.min(1).max(40).optional(),
    regionCode: RegionCodeSchema.optional(),
    kind: z.enum(REPORT_KINDS),
    urgency: z.enum(URGENCIES),
    seen: TextSchema.min(2, { message: '请简单写下看到或听到的情况' }).max(2000),
    seenAt: InstantSchema({ offset: true }),
    place: TextSchema.max(200).optional(),
  })
  .refine((b) => b.childId || (b.childName && b.regionCode), {
    message: '请选择孩子，或填写孩子的姓名和所在村', path: ['childName'],
  })
  .meta({ id: 'CreateReportBody' })
export type CreateReportBody = z.infer<typeof CreateReportBodySchema>

/** The answer to a new report: it is on file and `notified` people were told. */
export const CreatedReportSchema = z
  .object({ id: IdSchema, status: z.literal('received'), notified: z.number().int() })
  .meta({ id: 'CreatedReport' })

export const MyReportSchema = z
  .object({ id: IdSchema, kind: z.enum(REPORT_KINDS), urgency: z.enum(URGENCIES), createdAt: z.iso.datetime(), status: z.enum(REPORT_STATUSES) })
  .meta({ id: 'MyReport' })
export const MyReportListResponseSchema = z.object({ items: z.array(MyReportSchema) }).meta({ id: 'MyReportList' })

export const ReportEventSchema = z
  .object({
    id: IdSchema,
    type: z.enum(REPORT_EVENT_TYPES),
    at: z.iso.datetime(),
    actorName: z.string().nullable(),
    actorRole: RoleSchema.nullable(),
    referredTo: z.enum(REFERRAL_TARGETS).nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ReportEvent' })

export const ReportSummarySchema = z
  .object({
    id: IdSchema,
    kind: z.enum(REPORT_KINDS),
    urgency: z.enum(URGENCIES),
    createdAt: z.iso.datetime(),
    regionCode: RegionCodeSchema,
    regionName: z.string(),
    childId: IdSchema.nullable(),
    childName: z.string(),
    status: z.enum(REPORT_STATUSES),
    acknowledged: z.boolean(),
    escalationLevel: z.enum(ESCALATION_LEVELS),
  })
  .meta({ id: 'ReportSummary' })
export const ReportListResponseSchema = z.object({ items: z.array(ReportSummarySchema) }).meta({ id: 'ReportList' })
export const ReportListQuerySchema = z.strictObject({ open: z.enum(['true', 'false']).optional() })

/** The handler's view: everything, including who reported (handlers only). */
export const ReportDetailSchema = ReportSummarySchema.extend({
  seen: z.string(),
  seenAt: z.iso.datetime(),
  place: z.string().nullable(),
  reporter: z.object({ name: z.string(), role: RoleSchema.nullable() }),
  events: z.array(ReportEventSchema),
}).meta({ id: 'ReportDetail' })

export const AddReportEventBodySchema = z
  .strictObject({
    type: z.enum(HANDLER_EVENT_TYPES),
    referredTo: z.enum(REFERRAL_TARGETS).optional(),
    note: TextSchema.max(2000).optional(),
  })
  .refine((b) => b.type !== 'referred' || b.referredTo, { message: '请选择转介的部门', path: ['referredTo'] })
  .refine((b) => !['assessed', 'measure', 'note', 'closed'].includes(b.type) || (b.note && b.note.length > 0), { message: '请填写说明', path: ['note'] })
  .meta({ id: 'AddReportEventBody' })
export type AddReportEventBody = z.infer<typeof AddReportEventBodySchema>
