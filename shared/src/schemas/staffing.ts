/**
 * Director staffing and training (care/staffing.ts): which villages need another director, each
 * director's training this year, the training record (培训档案), and who keeps which child.
 */
import { z } from 'zod'
import { CalendarDateSchema, IdSchema, RegionCodeSchema, TextSchema } from './common'

export const STAFFING_FLAGS = ['no_director', 'needs_extra_director'] as const

export const StaffingQuerySchema = z.strictObject({ regionCode: RegionCodeSchema.optional() })

export const StaffingVillageSchema = z.object({
  code: RegionCodeSchema,
  name: z.string(),
  /** Open files of the village (served children). */
  children: z.number().int(),
  directors: z.number().int(),
  needed: z.number().int(),
  flag: z.enum(STAFFING_FLAGS).nullable(),
})

export const StaffingDirectorSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  villageCode: RegionCodeSchema,
  villageName: z.string(),
  /** Children this director is assigned in the village. */
  assigned: z.number().int(),
  trainedThisYear: z.boolean(),
  lastTrainedOn: CalendarDateSchema.nullable(),
})

export const StaffingSchema = z
  .object({
    regionCode: RegionCodeSchema,
    year: z.number().int(),
    villages: z.array(StaffingVillageSchema),
    directors: z.array(StaffingDirectorSchema),
    /** A village's own page only: its children and who keeps each (for sharing them out). */
    assignments: z.array(z.object({ childId: IdSchema, name: z.string(), directorUserId: IdSchema.nullable() })).nullable(),
  })
  .meta({ id: 'Staffing' })
export type Staffing = z.infer<typeof StaffingSchema>

/** One training attended by several directors at once (a county's yearly training). */
export const RecordTrainingBodySchema = z
  .strictObject({
    userIds: z.array(IdSchema).min(1, { message: '请选择参加培训的儿童主任' }).max(500),
    trainedOn: CalendarDateSchema,
    course: TextSchema.min(2, { message: '请填写培训名称' }).max(60),
    organiser: TextSchema.min(2, { message: '请填写组织单位' }).max(60),
    hours: z.number().min(0.5).max(200),
  })
  .meta({ id: 'RecordTrainingBody' })
export type RecordTrainingBody = z.infer<typeof RecordTrainingBodySchema>

export const TrainingSchema = z.object({
  id: IdSchema,
  trainedOn: CalendarDateSchema,
  course: z.string(),
  organiser: z.string(),
  hours: z.number(),
  recordedByName: z.string(),
})
export const DirectorTrainingsSchema = z
  .object({ userId: IdSchema, name: z.string(), items: z.array(TrainingSchema) })
  .meta({ id: 'DirectorTrainings' })

export const AssignDirectorBodySchema = z
  .strictObject({ directorUserId: IdSchema.nullable() })
  .meta({ id: 'AssignDirectorBody' })
