import { ERROR_MESSAGES, type ErrorCode } from '@qstx/shared'

/** Codes the client itself produces when there is no usable server reply. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE'

/** The one error type pages see: `code` is stable for programs, `message` is shown to people. */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** Field-level problems from the server (`fields` of the error body): form field → Chinese message. */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message)
  }
}

export const networkError = (): ApiError => new ApiError(0, 'NETWORK_ERROR', '网络不通，请稍后再试')

export const badResponse = (status: number): ApiError =>
  new ApiError(status, 'BAD_RESPONSE', '服务器返回的数据有误，请稍后再试')

/** For error replies without a `{code, message}` body (e.g. a proxy's HTML 502 page). */
export function errorFromStatus(status: number): ApiError {
  const code: ErrorCode =
    status === 401
      ? 'UNAUTHENTICATED'
      : status === 403
        ? 'FORBIDDEN'
        : status === 404
          ? 'NOT_FOUND'
          : status === 429
            ? 'RATE_LIMITED'
            : status >= 500
              ? 'SERVICE_UNAVAILABLE'
              : 'VALIDATION_FAILED'
  return new ApiError(status, code, ERROR_MESSAGES[code])
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError
