/**
 * Care activities (care/activities.ts): what was held, where, by whom, for how many children,
 * the volunteers who served (their hours confirmed by the village director, like check-ins), and
 * photos without children's faces.
 */
import { z } from 'zod'
import { ACTIVITY_KINDS, ACTIVITY_PHOTO_MAX_BYTES, ACTIVITY_SERVICE_STATUSES } from '../care/activities'
import { CalendarDateSchema, IdSchema, PageNumberSchema, RegionCodeSchema, TextSchema } from './common'

const text = (min: number, max: number, what: string) => TextSchema.min(min, { message: `请填写${what}` }).max(max, { message: `最多${max}个字` })

export const CreateActivityBodySchema = z
  .strictObject({
    /** The village (村/社区) where it was held. */
    villageCode: RegionCodeSchema,
    heldOn: CalendarDateSchema,
    kind: z.enum(ACTIVITY_KINDS),
    title: text(2, 40, '活动名称'),
    place: text(2, 60, '活动地点'),
    organiser: text(2, 60, '组织单位'),
    content: text(0, 1000, '活动内容').optional(),
    childrenReached: z.number().int().min(0).max(10_000),
    /** Children by file (directors and coordinators, inside their region); never more than the count. */
    childIds: z.array(IdSchema).max(500).default([]),
    volunteers: z.array(z.strictObject({ volunteerId: IdSchema, minutes: z.number().int().min(10).max(720) })).max(200).default([]),
  })
  .refine((b) => b.childIds.length <= b.childrenReached, { message: '关联的儿童档案不能多于参加人数', path: ['childrenReached'] })
  .refine((b) => new Set(b.childIds).size === b.childIds.length && new Set(b.volunteers.map((v) => v.volunteerId)).size === b.volunteers.length, { message: '有重复的人员' })
  .meta({ id: 'CreateActivityBody' })
export type CreateActivityBody = z.infer<typeof CreateActivityBodySchema>

export const ActivityListQuerySchema = z.strictObject({
  regionCode: RegionCodeSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  page: PageNumberSchema,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

export const ActivitySummarySchema = z.object({
  id: IdSchema,
  villageCode: RegionCodeSchema,
  villageName: z.string(),
  heldOn: CalendarDateSchema,
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  childrenReached: z.number().int(),
  volunteers: z.number().int(),
  pendingServices: z.number().int(),
})
export const ActivityListSchema = z
  .object({ items: z.array(ActivitySummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'ActivityList' })

export const ActivityServiceSchema = z.object({
  id: IdSchema,
  volunteerName: z.string(),
  minutes: z.number().int(),
  status: z.enum(ACTIVITY_SERVICE_STATUSES),
  decisionNote: z.string().nullable(),
  points: z.number().nullable(),
})

export const ActivitySchema = ActivitySummarySchema.omit({ volunteers: true, pendingServices: true })
  .extend({
    place: z.string(),
    organiser: z.string(),
    content: z.string().nullable(),
    /** Names of linked files, for roles that may see them; otherwise only how many. */
    children: z.array(z.object({ id: IdSchema, name: z.string() })).nullable(),
    linkedChildren: z.number().int(),
    services: z.array(ActivityServiceSchema),
    photos: z.array(z.object({ id: IdSchema, createdAt: z.iso.datetime() })),
    recordedByName: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Activity' })
export type Activity = z.infer<typeof ActivitySchema>

/** A photo, base64 in JSON (the phone compresses it first); the recorder states no child's face shows. */
export const AddActivityPhotoBodySchema = z
  .strictObject({
    contentType: z.enum(['image/jpeg', 'image/png']),
    dataBase64: z.string().min(8).max(Math.ceil((ACTIVITY_PHOTO_MAX_BYTES * 4) / 3) + 4, { message: '照片不能超过1.5MB' }),
    noChildFaces: z.literal(true, { message: '请确认照片中没有儿童的面部' }),
  })
  .meta({ id: 'AddActivityPhotoBody' })

export const DecideServiceBodySchema = z
  .discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('confirm'), note: TextSchema.max(200).optional() }),
    z.strictObject({ decision: z.literal('dispute'), note: TextSchema.min(2, { message: '请写明异议原因' }).max(200) }),
  ])
  .meta({ id: 'DecideServiceBody' })

export const VolunteerOptionsQuerySchema = z.strictObject({ villageCode: RegionCodeSchema })
export const VolunteerOptionsSchema = z
  .object({ items: z.array(z.object({ volunteerId: IdSchema, name: z.string(), teamName: z.string().nullable() })) })
  .meta({ id: 'ActivityVolunteerOptions' })
