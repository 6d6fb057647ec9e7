import Taro from '@tarojs/taro'
import type { z } from 'zod'
import { ErrorResponseSchema } from '@qstx/shared'
import { ApiError, badResponse, errorFromStatus, networkError } from './api-error'
import { getToken } from './session'

export { ApiError } from './api-error'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

interface RequestOptions {
  method?: Method
  /** Sent as JSON (as query string for GET). */
  body?: Record<string, unknown>
  /** Extra request headers, e.g. the Idempotency-Key a queued check-in keeps for every resend. */
  headers?: Record<string, string>
}

// H5 is served by the API server itself, so '' keeps requests same-origin (/api/...). A weapp has
// no origin of its own: TARO_APP_API_BASE (config/index.ts) names the server, e.g. https://host.
const API_BASE = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? '')

// Older phones on village signal: fail within 20 s instead of WeChat's default 60 s.
const TIMEOUT_MS = 20_000

/** What we use of a reply; `data` is untrusted until a schema has parsed it. */
interface RawReply {
  statusCode: number
  data: unknown
}

async function send(path: string, { method = 'GET', body, headers }: RequestOptions): Promise<RawReply> {
  const token = getToken()
  const header: Record<string, string> = { ...headers, Accept: 'application/json' }
  if (token) header.Authorization = `Bearer ${token}`
  // wx.request always sends a JSON content type; an empty JSON body makes Fastify answer 400.
  const data = body ?? (method === 'GET' ? undefined : {})
  if (data !== undefined && method !== 'GET') header['Content-Type'] = 'application/json'
  try {
    return await Taro.request({ url: `${API_BASE}${path}`, method, data, header, timeout: TIMEOUT_MS, dataType: 'json' })
  } catch {
    // Taro rejects only when no HTTP reply arrived at all (offline, DNS, timeout, aborted): status 0,
    // NETWORK_ERROR — apart from every HTTP answer, which keeps its status (offline/outbox-core outcomeOf).
    throw networkError()
  }
}

function toError(status: number, data: unknown): ApiError {
  const parsed = ErrorResponseSchema.safeParse(data)
  return parsed.success
    ? new ApiError(status, parsed.data.code, parsed.data.message, parsed.data.fields)
    : errorFromStatus(status)
}

/** Every API call goes through here: the reply is checked against the shared schema before use. */
export async function request<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.output<S>> {
  const res = await send(path, options)
  if (res.statusCode < 200 || res.statusCode >= 300) throw toError(res.statusCode, res.data)
  const parsed = schema.safeParse(res.data)
  if (!parsed.success) throw badResponse(res.statusCode)
  return parsed.data
}

/** For endpoints that answer 204 No Content. */
export async function requestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  const res = await send(path, options)
  if (res.statusCode < 200 || res.statusCode >= 300) throw toError(res.statusCode, res.data)
}

/** A GET's filters as its query string wants them: only the set values (an `undefined` would be sent as the word). */
export function queryOf(filters: object): Record<string, string | number> {
  const query: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(filters) as Array<[string, string | number | undefined]>) if (value !== undefined && value !== '') query[key] = value
  return query
}
