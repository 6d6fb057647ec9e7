/**
 * POST /cgi-bin/stable_token and the access_token check every other server API performs.
 *
 * Stable-token semantics kept: the normal mode returns the *current* token with its remaining
 * lifetime (calling again does not rotate it); force_refresh mints a new one and the previous
 * token stops working at once. Real WeChat also caps force_refresh (20 a day, 30 s apart);
 * the fake does not, so a long-lived dev fake never locks itself out.
 */
import { TOKEN_TTL_S, asRecord, randomToken, wxError, type FakeWechatState, type WechatErrorBody } from './state'

export function stableToken(
  state: FakeWechatState,
  rawBody: unknown,
): WechatErrorBody | { access_token: string; expires_in: number } {
  const body = asRecord(rawBody)
  if (body.grant_type !== 'client_credential') return wxError(state, 40002, 'invalid grant_type')
  if (!body.appid) return wxError(state, 41002, 'appid missing')
  if (body.appid !== state.appid) return wxError(state, 40013, 'invalid appid')
  if (!body.secret) return wxError(state, 41004, 'appsecret missing')
  if (body.secret !== state.secret) return wxError(state, 40125, 'invalid appsecret')

  const now = state.now()
  const current = state.currentToken
  const expiresAt = current === undefined ? undefined : state.tokens.get(current)
  if (body.force_refresh !== true && current !== undefined && expiresAt !== undefined && expiresAt > now) {
    return { access_token: current, expires_in: Math.floor((expiresAt - now) / 1000) }
  }
  if (current !== undefined) state.tokens.delete(current)
  // Real tokens are ~136 characters of [A-Za-z0-9_-]; callers must not assume a length.
  const token = randomToken(102)
  state.tokens.set(token, now + TOKEN_TTL_S * 1000)
  state.currentToken = token
  return { access_token: token, expires_in: TOKEN_TTL_S }
}

/** Stand-in for "someone else force-refreshed": every issued token now answers 40001. */
export function invalidateTokens(state: FakeWechatState): void {
  state.tokens.clear()
  state.currentToken = undefined
}

/** undefined when `?access_token=` is good; otherwise the error WeChat would answer with. */
export function checkToken(state: FakeWechatState, query: URLSearchParams): WechatErrorBody | undefined {
  const token = query.get('access_token')
  if (!token) return wxError(state, 41001, 'access_token missing')
  const expiresAt = state.tokens.get(token)
  if (expiresAt === undefined) {
    return wxError(state, 40001, 'invalid credential, access_token is invalid or not latest')
  }
  if (expiresAt <= state.now()) return wxError(state, 42001, 'access_token expired')
  return undefined
}
