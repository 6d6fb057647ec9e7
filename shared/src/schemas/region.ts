import { z } from 'zod'
import { REGION_LEVELS } from '../regions'
import { RegionCodeSchema } from './common'

export const RegionSchema = z
  .object({
    code: RegionCodeSchema,
    name: z.string(),
    level: z.enum(REGION_LEVELS),
    parentCode: RegionCodeSchema.nullable(),
  })
  .meta({ id: 'Region' })
export type Region = z.infer<typeof RegionSchema>

export const RegionChildrenParamsSchema = z.strictObject({ code: RegionCodeSchema })
export const RegionListResponseSchema = z.object({ items: z.array(RegionSchema) }).meta({ id: 'RegionList' })
