import { z } from 'zod'
import { ERROR_CODES, type ErrorCode } from '../errors'
import { REGION_CODE_PATTERN } from '../regions'

export const IdSchema = z.uuid().meta({ id: 'Id', description: 'UUID of a record' })

export const RegionCodeSchema = z
  .string()
  .regex(REGION_CODE_PATTERN, { message: '地区代码应为12位数字' })
  .meta({ id: 'RegionCode', description: '12-digit administrative division code', example: '450102001001' })

export const PaginationQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

export const ErrorResponseSchema = z
  .object({
    code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    /** Field-level problems for forms: path → Chinese message. */
    fields: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'ErrorResponse' })
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>
