/**
 * The one module through which the server reaches WeChat (or the fake in ./fake-server.ts).
 *
 * Every WeChat failure — a non-zero `errcode`, a network error, a timeout, a non-JSON reply —
 * surfaces as a thrown `WechatError{errcode, errmsg}` so callers map a single type to AppError.
 * Network-level trouble is reported as errcode -1, the same code WeChat uses for "system busy",
 * because the caller's answer is identical: try again later.
 *
 * Nothing here logs. Error messages name the API path only, never the query string, because the
 * query carries the secret, login codes and the access token.
 */
export { fitTemplateValue, fitTemplateData, templateFieldKind, TEMPLATE_FIELD_KINDS } from './template-fields'
export type { TemplateFieldKind } from './template-fields'

export class WechatError extends Error {
  override readonly name = 'WechatError'
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    /** API path (no query) that failed, for logs. */
    readonly api = '',
  ) {
    super(`WeChat ${api || 'API'} failed: ${errcode} ${errmsg}`)
  }
}

/** errcodes meaning "this access_token is no good": invalid / not latest, malformed, expired. */
const TOKEN_REJECTED = new Set([40001, 40014, 42001])

export interface WechatClientOptions {
  /** e.g. https://api.weixin.qq.com, or the fake's url. */
  baseUrl: string
  appid: string
  secret: string
  fetch?: typeof fetch
  /** Clock for the token cache (ms since epoch). */
  now?: () => number
  /** Per-request timeout; WeChat usually answers in well under a second. */
  timeoutMs?: number
}

export interface Code2SessionResult {
  openid: string
  /** Secret to decrypt wx data; store server-side only, never log or send to the client. */
  sessionKey: string
  unionid?: string
}

export interface PhoneInfo {
  phoneNumber: string
  purePhoneNumber: string
  countryCode: string
  watermark: { timestamp: number; appid: string }
}

export type MiniprogramState = 'developer' | 'trial' | 'formal'
export type SubscribeLang = 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW'

export interface SubscribeMessageInput {
  touser: string
  templateId: string
  /** Page opened from the message card, e.g. 'pages/home/index?id=1'. No personal data here. */
  page?: string
  /** Field values by key (`thing1`, `time2` …); pass through fitTemplateData first. */
  data: Record<string, string>
  miniprogramState?: MiniprogramState
  lang?: SubscribeLang
}

export type SecCheckSuggest = 'pass' | 'review' | 'risky'
export interface MsgSecCheckInput {
  openid: string
  /** 1 资料 · 2 评论 · 3 论坛 · 4 社交日志 */
  scene: 1 | 2 | 3 | 4
  content: string
}
export interface MsgSecCheckResult {
  suggest: SecCheckSuggest
  /** 100 normal; 10001 ad, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 20012 vulgar, 21000 other. */
  label: number
  traceId: string
}

interface WechatReply {
  errcode?: number
  errmsg?: string
}

interface CachedToken {
  token: string
  /** Refresh from this instant on (a little before WeChat's expiry). */
  refreshAt: number
}

export class WechatClient {
  private readonly baseUrl: string
  private readonly fetchImpl: typeof fetch
  private readonly now: () => number
  private readonly timeoutMs: number
  private cached: CachedToken | undefined
  /** Single flight: concurrent callers share one stable_token request instead of racing. */
  private tokenInFlight: Promise<string> | undefined

  constructor(private readonly options: WechatClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.fetchImpl = options.fetch ?? fetch
    this.now = options.now ?? Date.now
    this.timeoutMs = options.timeoutMs ?? 5000
  }

  /** wx.login code → identity. Errors: 40029 invalid code, 45011 rate limit, 40226 high-risk user, -1 busy. */
  async code2Session(jsCode: string): Promise<Code2SessionResult> {
    const reply = await this.request<{ openid: string; session_key: string; unionid?: string }>(
      'GET',
      '/sns/jscode2session',
      { appid: this.options.appid, secret: this.options.secret, js_code: jsCode, grant_type: 'authorization_code' },
    )
    const result: Code2SessionResult = { openid: reply.openid, sessionKey: reply.session_key }
    if (reply.unionid) result.unionid = reply.unionid
    return result
  }

  /** Button `openType="getPhoneNumber"` code → phone. Errors: 40029 invalid code, -1 busy. */
  async getPhoneNumber(code: string): Promise<PhoneInfo> {
    const reply = await this.withToken<{ phone_info: PhoneInfo }>('/wxa/business/getuserphonenumber', { code })
    return reply.phone_info
  }

  /** One send consumes one user "accept". Errors: 43101 not subscribed, 47003 bad field, 40003 bad openid. */
  async sendSubscribeMessage(input: SubscribeMessageInput): Promise<{ msgid?: number }> {
    const data = Object.fromEntries(Object.entries(input.data).map(([key, value]) => [key, { value }]))
    const reply = await this.withToken<{ msgid?: number }>('/cgi-bin/message/subscribe/send', {
      touser: input.touser,
      template_id: input.templateId,
      page: input.page,
      data,
      miniprogram_state: input.miniprogramState ?? 'formal',
      lang: input.lang ?? 'zh_CN',
    })
    return reply.msgid === undefined ? {} : { msgid: reply.msgid }
  }

  /** Text moderation (version 2). The openid must belong to a user who used the app recently. */
  async msgSecCheck(input: MsgSecCheckInput): Promise<MsgSecCheckResult> {
    const reply = await this.withToken<{ trace_id: string; result: { suggest: SecCheckSuggest; label: number } }>(
      '/wxa/msg_sec_check',
      { version: 2, openid: input.openid, scene: input.scene, content: input.content },
    )
    return { suggest: reply.result.suggest, label: Number(reply.result.label), traceId: reply.trace_id }
  }

  /** A valid access token, from cache while it is fresh. */
  async getAccessToken(): Promise<string> {
    if (this.cached && this.now() < this.cached.refreshAt) return this.cached.token
    return this.fetchToken(false)
  }

  /** Forget the cached token (e.g. after rotating the secret). */
  clearAccessToken(): void {
    this.cached = undefined
  }

  private fetchToken(forceRefresh: boolean): Promise<string> {
    this.tokenInFlight ??= this.requestToken(forceRefresh).finally(() => {
      this.tokenInFlight = undefined
    })
    return this.tokenInFlight
  }

  private async requestToken(forceRefresh: boolean): Promise<string> {
    const { appid, secret } = this.options
    const reply = await this.request<{ access_token: string; expires_in: number }>('POST', '/cgi-bin/stable_token', {}, {
      grant_type: 'client_credential',
      appid,
      secret,
      force_refresh: forceRefresh,
    })
    // Refresh 5 minutes early (or halfway, for a short remaining life) so a token never expires
    // between our check and WeChat's.
    const margin = Math.min(300, reply.expires_in / 2)
    this.cached = { token: reply.access_token, refreshAt: this.now() + (reply.expires_in - margin) * 1000 }
    return reply.access_token
  }

  /**
   * After WeChat rejected `rejected`: if someone else already replaced it, use theirs; otherwise
   * force a new one. Forcing is rate-limited by WeChat (and each force invalidates the previous
   * token), so concurrent failures must share one refresh rather than each forcing their own.
   */
  private async tokenAfterRejection(rejected: string): Promise<string> {
    if (this.tokenInFlight) await this.tokenInFlight.catch(() => undefined)
    if (this.cached && this.cached.token !== rejected && this.now() < this.cached.refreshAt) return this.cached.token
    this.cached = undefined
    return this.fetchToken(true)
  }

  /** POST with ?access_token=; on a rejected token refresh once (force_refresh) and retry once. */
  private async withToken<T>(path: string, body: unknown): Promise<T> {
    const token = await this.getAccessToken()
    try {
      return await this.request<T>('POST', path, { access_token: token }, body)
    } catch (error) {
      if (!(error instanceof WechatError) || !TOKEN_REJECTED.has(error.errcode)) throw error
      const fresh = await this.tokenAfterRejection(token)
      return this.request<T>('POST', path, { access_token: fresh }, body)
    }
  }

  private async request<T>(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string>,
    body?: unknown,
  ): Promise<T & WechatReply> {
    const url = `${this.baseUrl}${path}?${new URLSearchParams(query).toString()}`
    let response: Response
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (error) {
      throw new WechatError(-1, describeNetworkError(error, this.timeoutMs), path)
    }
    let reply: T & WechatReply
    try {
      // Read the body under the same timeout; a stalled body otherwise hangs forever.
      reply = JSON.parse(await response.text()) as T & WechatReply
    } catch (error) {
      const reason = isTimeout(error) ? `timed out after ${this.timeoutMs} ms` : 'reply is not JSON'
      throw new WechatError(-1, `HTTP ${response.status}, ${reason}`, path)
    }
    if (!response.ok) throw new WechatError(-1, `HTTP ${response.status}`, path)
    if (reply === null || typeof reply !== 'object') throw new WechatError(-1, 'reply is not a JSON object', path)
    // Success replies either omit errcode (jscode2session, stable_token) or carry 0.
    if (reply.errcode !== undefined && reply.errcode !== 0) {
      throw new WechatError(Number(reply.errcode), String(reply.errmsg ?? ''), path)
    }
    return reply
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
}

/** A short reason without the URL (which carries secrets). */
function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (isTimeout(error)) return `timed out after ${timeoutMs} ms`
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined
  const code = cause?.code ?? (error instanceof Error ? error.name : 'unknown')
  return `network error (${code})`
}
