/**
 * In-memory state of the fake WeChat server, plus the small helpers every endpoint shares.
 * Everything a test may want to inspect or arrange lives here, in plain Maps and arrays.
 */
import { createHash, randomBytes } from 'node:crypto'

export interface FakeWechatOptions {
  appid: string
  secret: string
  /** 0 (default) picks a free port. */
  port?: number
  host?: string
  /** Clock (ms since epoch); tests move it to expire codes, tokens and rate windows. */
  now?: () => number
  /** msg_sec_check: content containing one of these is "risky" (label 20006, 违法犯罪). */
  riskyWords?: string[]
  /** msg_sec_check: content containing one of these is "review" (label 20008, 欺诈). */
  reviewWords?: string[]
  /**
   * Optional template catalogue: templateId → field keys. When given, unknown template ids get
   * 40037 and missing keys 47003, as on a real account; when absent any id and keys are accepted.
   */
  templates?: Record<string, string[]>
}

/** Make the next request to `path` fail (errcode) and/or answer late (delayMs) — for fault tests. */
export interface FailSpec {
  path: string
  errcode?: number
  errmsg?: string
  delayMs?: number
}

export interface LoginCode {
  openid: string
  unionid?: string
  expiresAt: number
}

export interface PhoneCode {
  phoneNumber: string
  purePhoneNumber: string
  countryCode: string
  expiresAt: number
}

export interface FakeMessage {
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
  miniprogram_state: string
  lang: string
  sentAt: string
}

export interface FakeWechatState {
  readonly appid: string
  readonly secret: string
  readonly now: () => number
  loginCodes: Map<string, LoginCode>
  phoneCodes: Map<string, PhoneCode>
  /** openids that completed jscode2session — the only users subscribe/send and msg_sec_check know. */
  knownOpenids: Set<string>
  riskyOpenids: Set<string>
  /** openid → timestamps of recent jscode2session successes (sliding one-minute window). */
  loginTimes: Map<string, number[]>
  /** access_token → expiry (ms). Invalidated tokens are deleted. */
  tokens: Map<string, number>
  currentToken: string | undefined
  /** openid → templateId → sends still allowed (one per "accept" tap). */
  grants: Map<string, Map<string, number>>
  messages: FakeMessage[]
  failNext: FailSpec[]
  /** pathname → number of requests, so tests can assert e.g. a single stable_token call. */
  hits: Map<string, number>
  riskyWords: string[]
  reviewWords: string[]
  templates: Record<string, string[]> | undefined
}

export const CODE_TTL_MS = 5 * 60_000
export const TOKEN_TTL_S = 7200
export const LOGIN_LIMIT_PER_MINUTE = 100

export function createState(options: FakeWechatOptions): FakeWechatState {
  return {
    appid: options.appid,
    secret: options.secret,
    now: options.now ?? Date.now,
    loginCodes: new Map(),
    phoneCodes: new Map(),
    knownOpenids: new Set(),
    riskyOpenids: new Set(),
    loginTimes: new Map(),
    tokens: new Map(),
    currentToken: undefined,
    grants: new Map(),
    messages: [],
    failNext: [],
    hits: new Map(),
    riskyWords: options.riskyWords ?? ['赌博', '毒品'],
    reviewWords: options.reviewWords ?? ['私下转账'],
    templates: options.templates,
  }
}

/** Forget every user, code, token, grant and message; keep appid/secret and word lists. */
export function resetState(state: FakeWechatState): void {
  for (const key of ['loginCodes', 'phoneCodes', 'loginTimes', 'tokens', 'grants', 'hits'] as const) state[key].clear()
  state.knownOpenids.clear()
  state.riskyOpenids.clear()
  state.currentToken = undefined
  state.messages.length = 0
  state.failNext.length = 0
}

/**
 * The openid WeChat would give the user of `deviceId`: stable per app and device, 28 characters
 * starting with 'o', like real openids. Same device → same openid, so a re-login finds the account.
 */
export function deriveOpenid(appid: string, deviceId: string): string {
  const hash = createHash('sha256').update(`${appid}\0${deviceId}`).digest('base64url')
  return `o${hash.slice(0, 27)}`
}

export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url')
}

/** WeChat appends a request id to every errmsg ("invalid code, rid: 6512ab3c-1f2e3d4c-5b6a7988"). */
export function rid(now: number): string {
  const part = () => randomBytes(4).toString('hex')
  return `${Math.floor(now / 1000).toString(16).padStart(8, '0')}-${part()}-${part()}`
}

export interface WechatErrorBody {
  errcode: number
  errmsg: string
}

export function wxError(state: FakeWechatState, errcode: number, message: string): WechatErrorBody {
  return { errcode, errmsg: `${message} rid: ${rid(state.now())}` }
}

/** Raised by /__fake endpoints for bad test input; answered as HTTP 400 (real endpoints never do that). */
export class FakeInputError extends Error {}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || value === '') throw new FakeInputError(`${key} must be a non-empty string`)
  return value
}
