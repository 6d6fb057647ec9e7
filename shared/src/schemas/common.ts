import { z } from 'zod'
import { ERROR_CODES, type ErrorCode } from '../errors'
import { REGION_CODE_PATTERN } from '../regions'

/**
 * Text a person typed, trimmed. PostgreSQL cannot store NUL (\u0000) in text, and nobody types the
 * other control characters (tab and line breaks stay allowed): a field holding them is a validation
 * error here, never a failed write. Every text field of a request is built from this.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
export const TextSchema = z.string().trim().refine((s) => !CONTROL_CHARACTERS.test(s), { message: '含有无法保存的控制字符，请删除后重试' })
/** Optional free text with its length limit in the message people see. */
export const text = (max: number) => TextSchema.max(max, { message: `最多${max}个字` })

/**
 * The dates this programme can meet: a grandmother's birth in the 1900s to a plan's end date.
 * PostgreSQL has no year 0 and JavaScript's Date drifts before 1 AD, so a year-0000 date is refused
 * here rather than failing the write.
 */
const EARLIEST = '1900-01-01'
const LATEST = '2099-12-31'
const YEAR_RANGE_MESSAGE = '日期应在1900年至2099年之间'
export const CalendarDateSchema = z.iso
  .date({ message: '日期格式应为 YYYY-MM-DD' })
  .refine((d) => d >= EARLIEST && d <= LATEST, { message: YEAR_RANGE_MESSAGE })
/** A moment sent by a client (ISO 8601), in the same years. */
export const InstantSchema = (options?: { offset?: boolean }) =>
  z.iso.datetime(options).refine((d) => d.slice(0, 10) >= EARLIEST && d.slice(0, 10) <= LATEST, { message: YEAR_RANGE_MESSAGE })

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
