import { z } from 'zod'
import { DUTY_STATUSES, HEIGHTENED_REASONS } from '../duty/rules'
import { CalendarDateSchema, IdSchema, PageNumberSchema, RegionCodeSchema, TextSchema } from './common'

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
    byName: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'DirectorVisit' })
export const DirectorVisitListResponseSchema = z.object({ items: z.array(DirectorVisitSchema) }).meta({ id: 'DirectorVisitList' })

export const DutyCalendarQuerySchema = z.strictObject({
  status: z.enum(['overdue', 'due_soon', 'attention']).optional(),
  villageCode: RegionCodeSchema.optional(),
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
  })
  .meta({ id: 'DutyRow' })

export const DutyCalendarResponseSchema = z
  .object({
    items: z.array(DutyRowSchema),
    total: z.number().int(),
    counts: z.object({ overdue: z.number().int(), dueSoon: z.number().int(), heightened: z.number().int() }),
    today: DateOnly,
  })
  .meta({ id: 'DutyCalendar' })
