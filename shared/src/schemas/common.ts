import { z } from 'zod'
import { ERROR_CODES, type ErrorCode } from '../errors'
import { REGION_CODE_PATTERN } from '../regions'

/**
 * Text a person typed, trimmed. PostgreSQL cannot store NUL (\u0000) in text, nobody types the
 * other control characters (tab and line breaks stay allowed), and a lone UTF-16 surrogate cannot
 * be encoded at all (it would be saved as "�", silently changed): a field holding any of
 * them is a validation error here, never a failed or altered write. Every text field of a request
 * is built from this.
 */
const UNSAVEABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u
export const TextSchema = z.string().trim().refine((s) => !UNSAVEABLE.test(s), { message: '含有无法保存的控制字符，请删除后重试' })
/** Optional free text with its length limit in the message people see. */
export const text = (max: number) => TextSchema.max(max, { message: `最多${max}个字` })

/**
 * The dates this programme can meet: a grandmother's birth in the 1900s to a plan's end date.
 * PostgreSQL has no year 0 and JavaScript's Date drifts before 1 AD, so a year-0000 date is refused
 * here rather than failing the write. For request fields; replies keep plain ISO formats.
 */
const EARLIEST = '1900-01-01'
const LATEST = '2099-12-31'
const YEAR_RANGE_MESSAGE = '日期应在1900年至2099年之间'
const inRange = (isoDay: string) => isoDay >= EARLIEST && isoDay <= LATEST
export const CalendarDateSchema = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }).refine(inRange, { message: YEAR_RANGE_MESSAGE })
/** A moment sent by a client (ISO 8601), in the same years. */
export const InstantSchema = (options: { offset?: boolean; message?: string } = {}) =>
  z.iso.datetime({ offset: options.offset, message: options.message ?? '时间格式不正确' }).refine((d) => inRange(d.slice(0, 10)), { message: YEAR_RANGE_MESSAGE })
/** A page number in a query: bounded, so OFFSET stays a small integer whatever a client sends. */
export const PageNumberSchema = z.coerce.number().int().min(1).max(10_000).default(1)

export const IdSchema = z.uuid().meta({ id: 'Id', description: 'UUID of a record' })

export const RegionCodeSchema = z
  .string()
  .regex(REGION_CODE_PATTERN, { message: '地区代码应为12位数字' })
  .meta({ id: 'RegionCode', description: '12-digit administrative division code', example: '450102001001' })

export const PaginationQuerySchema = z.strictObject({
  page: PageNumberSchema,
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
