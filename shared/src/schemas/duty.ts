import { z } from 'zod'
import { DUTY_STATUSES, HEIGHTENED_REASONS } from '../duty/rules'
import { ENTRUSTED_FOLLOW_UPS } from '../care/entrusted'
import { HOLIDAY_KINDS } from '../care/holidays'
import { CalendarDateSchema, IdSchema, PageNumberSchema, RegionCodeSchema, TextSchema } from './common'
import { EntrustedAssessmentInputSchema } from './entrusted-care'

export const DIRECTOR_VISIT_KINDS = ['contact', 'home_visit'] as const
export const DIRECTOR_VISIT_KIND_LABELS = { contact: '联系（电话、见面）', home_visit: '入户走访' } as const

const DateOnly = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' })

/** One contact or home visit by the child director: the template's visit rows (date, problems, measures). */
export const CreateDirectorVisitBodySchema = z
  .strictObject({
    kind: z.enum(DIRECTOR_VISIT_KINDS),
    visitedOn: CalendarDateSchema,
    problems: TextSchema.max(1000).optional(),
    measures: TextSchema.max(1000).optional(),
    /** The carer's assessment (委托照护), for a child with an entrusted carer. */
    entrustedCare: EntrustedAssessmentInputSchema.optional(),
    /** A water-safety talk given on this visit, with what was covered (防溺水, care/water-safety.ts). */
    waterSafety: z.strictObject({ content: TextSchema.min(4, { message: '请写下讲了哪些内容（至少4个字）' }).max(500) }).optional(),
  })
  .meta({ id: 'CreateDirectorVisitBody' })
export type CreateDirectorVisitBody = z.infer<typeof CreateDirectorVisitBodySchema>

export const DirectorVisitSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(DIRECTOR_VISIT_KINDS),
    visitedOn: CalendarDateSchema,
    problems: z.string().nullable(),
    measures: z.string().nullable(),
    waterSafety: z.string().nullable(),
    byName: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'DirectorVisit' })
export const DirectorVisitListResponseSchema = z.object({ items: z.array(DirectorVisitSchema) }).meta({ id: 'DirectorVisitList' })

export const DutyCalendarQuerySchema = z.strictObject({
  /** entrusted: carers due for the yearly re-assessment or with a follow-up open; water: the near-water list. */
  status: z.enum(['overdue', 'due_soon', 'attention', 'entrusted', 'water']).optional(),
  villageCode: RegionCodeSchema.optional(),
  /** A director's own children (assigned to them, or to nobody yet), when a village shares them among several. */
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: PageNumberSchema,
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
})

export const DutyRowSchema = z
  .object({
    childId: IdSchema,
    name: z.string(),
    villageCode: RegionCodeSchema,
    villageName: z.string(),
    heightenedReasons: z.array(z.enum(HEIGHTENED_REASONS)),
    lastContactOn: DateOnly.nullable(),
    lastHomeVisitOn: DateOnly.nullable(),
    nextContactOn: DateOnly,
    nextHomeVisitOn: DateOnly,
    contactStatus: z.enum(DUTY_STATUSES),
    homeVisitStatus: z.enum(DUTY_STATUSES),
    nearWater: z.boolean(),
    /** The director the child is assigned to in a village with several (null: not assigned). */
    directorUserId: IdSchema.nullable(),
    /** The yearly re-assessment of an entrusted carer and the follow-up after a finding; null without a carer. */
    entrusted: z.object({ dueOn: DateOnly, status: z.enum(DUTY_STATUSES), followUp: z.enum(ENTRUSTED_FOLLOW_UPS).nullable() }).nullable(),
    /** A near-water child's talk before the holiday in force; null when not near water or between holidays. */
    waterSafety: z.object({ dueOn: DateOnly, status: z.enum([...DUTY_STATUSES, 'done']), lastTalkOn: DateOnly.nullable() }).nullable(),
  })
  .meta({ id: 'DutyRow' })

export const WaterWindowSchema = z.object({
  holidayKind: z.enum(HOLIDAY_KINDS),
  label: z.string(),
  opensOn: DateOnly,
  dueOn: DateOnly,
  closesOn: DateOnly,
  /** The holiday's dates are not yet checked against the published school calendar. */
  provisional: z.boolean(),
})

export const DutyCalendarResponseSchema = z
  .object({
    items: z.array(DutyRowSchema),
    total: z.number().int(),
    counts: z.object({
      overdue: z.number().int(), dueSoon: z.number().int(), heightened: z.number().int(),
      /** Carers due or overdue for re-assessment, or with a follow-up open. */
      entrusted: z.number().int(),
      /** Near-water children, and those still without this holiday's talk. */
      nearWater: z.number().int(),
      waterPending: z.number().int(),
    }),
    /** The water-safety window in force, or else the next one (`current` says which); null: no calendar entered. */
    waterWindow: WaterWindowSchema.extend({ current: z.boolean() }).nullable(),
    today: DateOnly,
  })
  .meta({ id: 'DutyCalendar' })
