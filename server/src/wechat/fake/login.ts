/**
 * wx.login and jscode2session.
 *
 * A device calls wx.login and gets a short-lived code; the server trades it for the openid.
 * `/__fake/login-code` plays the device's part. Real behaviour kept here:
 * codes live 5 minutes and work once; wrong appid → 40013, wrong secret → 40125; at most 100
 * logins per user per minute → 45011; users WeChat considers high-risk are refused with 40226.
 * (Real WeChat answers a *reused* code with 40163 "code been used"; the project treats every
 * unusable code the same way, so the fake answers 40029 for both, as the architecture specifies.)
 */
import { randomBytes } from 'node:crypto'
import {
  CODE_TTL_MS,
  LOGIN_LIMIT_PER_MINUTE,
  deriveOpenid,
  optionalString,
  randomToken,
  wxError,
  type FakeWechatState,
  type WechatErrorBody,
} from './state'

export interface LoginCodeRequest {
  /** Use this exact openid (tests that need a known identity). */
  openid?: string
  unionid?: string
  /** Stands for the phone: same device → same openid. Neither given → a brand-new user. */
  deviceId?: string
}

export function mintLoginCode(state: FakeWechatState, request: LoginCodeRequest = {}): { code: string } {
  const openid = request.openid ?? deriveOpenid(state.appid, request.deviceId ?? randomToken(16))
  const code = randomToken(24) // 32 characters, like a real wx.login code
  const entry: { openid: string; unionid?: string; expiresAt: number } = {
    openid,
    expiresAt: state.now() + CODE_TTL_MS,
  }
  if (request.unionid) entry.unionid = request.unionid
  state.loginCodes.set(code, entry)
  return { code }
}

export function loginCodeRequestFrom(body: Record<string, unknown>): LoginCodeRequest {
  const request: LoginCodeRequest = {}
  const openid = optionalString(body, 'openid')
  const unionid = optionalString(body, 'unionid')
  const deviceId = optionalString(body, 'deviceId')
  if (openid) request.openid = openid
  if (unionid) request.unionid = unionid
  if (deviceId) request.deviceId = deviceId
  return request
}

/** GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code */
export function jscode2session(
  state: FakeWechatState,
  query: URLSearchParams,
): WechatErrorBody | { openid: string; session_key: string; unionid?: string } {
  const appid = query.get('appid')
  const secret = query.get('secret')
  const jsCode = query.get('js_code')
  if (!appid) return wxError(state, 41002, 'appid missing,')
  if (appid !== state.appid) return wxError(state, 40013, 'invalid appid,')
  if (!secret) return wxError(state, 41004, 'appsecret missing,')
  if (secret !== state.secret) return wxError(state, 40125, 'invalid appsecret,')
  if (query.get('grant_type') !== 'authorization_code') return wxError(state, 40002, 'invalid grant_type,')
  if (!jsCode) return wxError(state, 41008, 'missing code,')

  const now = state.now()
  const entry = state.loginCodes.get(jsCode)
  if (!entry || entry.expiresAt <= now) {
    state.loginCodes.delete(jsCode)
    return wxError(state, 40029, 'invalid code,')
  }

  // Sliding one-minute window per user. A refused call leaves the code usable: the device can
  // retry with it a little later, within its 5 minutes.
  const recent = (state.loginTimes.get(entry.openid) ?? []).filter((t) => t > now - 60_000)
  if (recent.length >= LOGIN_LIMIT_PER_MINUTE) {
    state.loginTimes.set(entry.openid, recent)
    return wxError(state, 45011, 'api minute-quota reach limit  mustslower  retry next minute,')
  }

  state.loginCodes.delete(jsCode) // single use, whatever happens next
  if (state.riskyOpenids.has(entry.openid)) return wxError(state, 40226, 'high risk user, login denied,')

  recent.push(now)
  state.loginTimes.set(entry.openid, recent)
  state.knownOpenids.add(entry.openid)
  // A fresh session_key per login, as WeChat may rotate it on each wx.login.
  const reply: { openid: string; session_key: string; unionid?: string } = {
    session_key: randomBytes(16).toString('base64'), // 24 characters, like the real one
    openid: entry.openid,
  }
  if (entry.unionid) reply.unionid = entry.unionid
  return reply
}
