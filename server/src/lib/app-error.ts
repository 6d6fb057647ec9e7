import { ERROR_MESSAGES, type ErrorCode } from '@qstx/shared'

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  WECHAT_CODE_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PERSONA_NOT_FOUND: 404,
  SIGN_IN_FAILED: 401,
  INVITATION_INVALID: 400,
  INVITATION_OUT_OF_SCOPE: 403,
  USERNAME_TAKEN: 409,
  CREDENTIALS_REQUIRED: 400,
  CONFLICT: 409,
  VOLUNTEER_PROFILE_MISSING: 404,
  VOLUNTEER_INCOMPLETE: 400,
  VOLUNTEER_NOT_EDITABLE: 409,
  VOLUNTEER_STATUS_CONFLICT: 409,
  VOLUNTEER_NOT_PAIRABLE: 409,
  ID_NUMBER_TAKEN: 409,
  VETTING_CHECKS_INCOMPLETE: 400,
  TEAM_CODE_INVALID: 400,
  TEAM_ALREADY_JOINED: 409,
  TEAM_ALREADY_LED: 409,
  CHILD_ALREADY_REGISTERED: 409,
  CHILD_CLOSED: 409,
  ARCHIVED_YEAR: 409,
  TRANSFER_PENDING: 409,
  PAIRING_STATE_CONFLICT: 409,
  PAIRING_CHILD_TAKEN: 409,
  PAIRING_CAPACITY_FULL: 409,
  PAIRING_CONSENT_MISSING: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  CONTENT_RISKY: 400,
  CHECKIN_PAIRING_NOT_ACTIVE: 409,
  CHECKIN_ALREADY_DECIDED: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  WECHAT_RATE_LIMITED: 429,
  WECHAT_USER_RISKY: 403,
  SERVICE_UNAVAILABLE: 503,
  WECHAT_BUSY: 503,
  WECHAT_ERROR: 502,
}

/**
 * The one error type services throw. The error handler turns it into `{ code, message }` with the
 * status for its code; `message` defaults to the Chinese sentence in shared/errors.ts.
 */
export class AppError extends Error {
  readonly statusCode: number
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
    this.statusCode = STATUS[code] ?? 500
  }
}

/** Out-of-scope records answer exactly like missing ones: no existence oracle (OWASP API1). */
export const notFound = () => new AppError('NOT_FOUND')
