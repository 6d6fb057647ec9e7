/**
 * The coordinator's side of a sign-up: the queue, one application (ID number and phone masked to
 * the last 4), the recorded checks and the decision. Every decision carries a reason the
 * volunteer sees.
 */
import { z } from 'zod'
import { VETTING_DECISIONS } from '../volunteers/lifecycle'
import { CRIMINAL_RECORD_RESULTS, type VolunteerStatus } from '../volunteers/options'
import { CalendarDateSchema, IdSchema, PageNumberSchema, RegionCodeSchema, TextSchema } from './common'
import { ReasonSchema, statusCountsSchema, VolunteerKindSchema, VolunteerStatusSchema, volunteerCoreFields } from './volunteers'

const VettingDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' })
/** Drafts are the volunteer's own until submitted: the queue never shows them. */
export const QUEUE_STATUSES = ['submitted', 'info_requested', 'approved', 'rejected', 'suspended', 'withdrawn'] as const satisfies readonly VolunteerStatus[]
export type QueueStatus = (typeof QUEUE_STATUSES)[number]

export const VettingQueueQuerySchema = z.strictObject({
  status: z.enum(QUEUE_STATUSES).default('submitted'),
  kind: VolunteerKindSchema.optional(),
  teamId: IdSchema.optional(),
  /** Oldest first (who has waited longest), newest first, or by name: the desk table's order. */
  sort: z.enum(['oldest', 'newest', 'name']).default('oldest'),
  page: PageNumberSchema,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type VettingQueueQuery = z.infer<typeof VettingQueueQuerySchema>

export const CriminalRecordResultSchema = z.enum(CRIMINAL_RECORD_RESULTS).meta({ id: 'CriminalRecordResult' })

export const VettingChecksSchema = z
  .object({
    identityVerified: z.boolean(),
    identityVerifiedOn: VettingDate.nullable(),
    criminalRecordResult: CriminalRecordResultSchema.nullable(),
    criminalRecordCheckedOn: VettingDate.nullable(),
    trainingCompletedOn: VettingDate.nullable(),
    trainingCourse: z.string().nullable(),
    interviewNote: z.string().nullable(),
  })
  .meta({ id: 'VettingChecks' })

export const VettingQueueItemSchema = z
  .object({
    id: IdSchema,
    realName: z.string().nullable(),
    kind: VolunteerKindSchema.nullable(),
    status: VolunteerStatusSchema,
    serviceRegionCode: RegionCodeSchema.nullable(),
    serviceRegionName: z.string().nullable(),
    team: z.object({ id: IdSchema, name: z.string() }).nullable(),
    submittedAt: z.iso.datetime().nullable(),
    statusChangedAt: z.iso.datetime().nullable(),
    /** Badges for the list: which checks are done. */
    checks: z.object({ identityVerified: z.boolean(), criminalRecordResult: CriminalRecordResultSchema.nullable(), trainingCompleted: z.boolean() }),
  })
  .meta({ id: 'VettingQueueItem' })

export const VettingQueueSchema = z
  .object({
    items: z.array(VettingQueueItemSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Per status, with the same kind/team filters: the tabs' numbers. Drafts are never counted. */
    counts: statusCountsSchema(QUEUE_STATUSES),
  })
  .meta({ id: 'VettingQueue' })

export const VettingEventSchema = z
  .object({
    at: z.iso.datetime(),
    type: z.string(),
    fromStatus: VolunteerStatusSchema.nullable(),
    toStatus: VolunteerStatusSchema.nullable(),
    reason: z.string().nullable(),
    actorName: z.string().nullable(),
  })
  .meta({ id: 'VettingEvent' })

export const VettingApplicationSchema = z
  .object({
    ...volunteerCoreFields,
    /** Whole years, from the birth date inside the ID number. */
    age: z.number().int().nullable(),
    checks: VettingChecksSchema,
    history: z.array(VettingEventSchema),
  })
  .meta({ id: 'VettingApplication' })
export type VettingApplication = z.infer<typeof VettingApplicationSchema>

/** Checks are recorded piece by piece, as they happen; only the fields sent change. */
export const RecordChecksBodySchema = z
  .strictObject({
    identityVerified: z.boolean().optional(),
    identityVerifiedOn: CalendarDateSchema.optional(),
    criminalRecordResult: CriminalRecordResultSchema.optional(),
    criminalRecordCheckedOn: CalendarDateSchema.optional(),
    trainingCompletedOn: CalendarDateSchema.optional(),
    trainingCourse: TextSchema.min(2, { message: '请填写培训课程名称' }).max(60, { message: '最多60个字' }).optional(),
    interviewNote: TextSchema.max(500, { message: '最多500个字' }).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: '请至少填写一项核查结果' })
  .meta({ id: 'RecordChecksBody' })
export type RecordChecksBody = z.infer<typeof RecordChecksBodySchema>

export const DecisionBodySchema = z
  .strictObject({ decision: z.enum(VETTING_DECISIONS), reason: ReasonSchema })
  .meta({ id: 'VettingDecisionBody' })
export type DecisionBody = z.infer<typeof DecisionBodySchema>

export const SuspendBodySchema = z.strictObject({ reason: ReasonSchema }).meta({ id: 'SuspendVolunteerBody' })
