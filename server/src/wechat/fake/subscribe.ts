/**
 * One-time subscribe messages: the user's "accept" taps and POST /cgi-bin/message/subscribe/send.
 *
 * `/__fake/subscribe` plays wx.requestSubscribeMessage answered with "accept": each accept allows
 * exactly one send of that template to that user, and accepts add up. A send is checked in the
 * real order: token (by the router) → touser 40003 → template_id 40037 → data 47003 → grant 43101.
 * Field rules are written independently of the client's fitTemplateValue on purpose, so a bug
 * in one is caught by the other.
 */
import {
  FakeInputError,
  asRecord,
  deriveOpenid,
  optionalString,
  wxError,
  type FakeMessage,
  type FakeWechatState,
  type WechatErrorBody,
} from './state'

const len = (value: string): number => Array.from(value).length
const HAN = /\p{Script=Han}/u

/** Rules per field kind (WeChat 订阅消息参数值内容限制). Every kind also refuses an empty value. */
const FIELD_RULES: Record<string, (value: string) => boolean> = {
  thing: (v) => len(v) <= 20,
  phrase: (v) => len(v) <= 5 && /^\p{Script=Han}+$/u.test(v),
  // Chinese (or mixed) names up to 10 characters; purely Latin names up to 20.
  name: (v) => len(v) <= (HAN.test(v) ? 10 : 20),
  character_string: (v) => len(v) <= 32 && /^[\x21-\x7e]+$/.test(v),
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  number: (v) => len(v) <= 32 && /^\d+(\.\d+)?$/.test(v),
  symbol: (v) => len(v) <= 5 && /^[^\p{L}\p{N}\s]+$/u.test(v),
  phone_number: (v) => /^[\d+\-() ]{1,17}$/.test(v),
  car_number: (v) => len(v) <= 8,
  // "15:01", "2019年10月1日 15:01", "2019-10-01 15:01", ranges joined with "~".
  time: (v) => len(v) <= 40 && /\d{1,2}:\d{2}/.test(v),
  // "2019年10月1日", "2019-10-01", optionally with a time.
  date: (v) => len(v) <= 40 && /\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}/.test(v),
  amount: (v) => /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
}

export interface SubscribeRequest {
  openid?: string
  /** The H5 dev build knows its device, not its openid; this resolves like /__fake/login-code. */
  deviceId?: string
  templateIds: string[]
}

export function grantSubscription(state: FakeWechatState, request: SubscribeRequest): { openid: string; granted: Record<string, number> } {
  const openid = request.openid ?? (request.deviceId ? deriveOpenid(state.appid, request.deviceId) : undefined)
  if (!openid) throw new FakeInputError('openid or deviceId is required')
  const mine = state.grants.get(openid) ?? new Map<string, number>()
  state.grants.set(openid, mine)
  for (const id of request.templateIds) mine.set(id, (mine.get(id) ?? 0) + 1)
  return { openid, granted: Object.fromEntries(mine) }
}

export function subscribeRequestFrom(body: Record<string, unknown>): SubscribeRequest {
  const { templateIds } = body
  if (!Array.isArray(templateIds) || templateIds.length === 0 || !templateIds.every((id) => typeof id === 'string' && id)) {
    throw new FakeInputError('templateIds must be a non-empty array of strings')
  }
  const request: SubscribeRequest = { templateIds: templateIds as string[] }
  const openid = optionalString(body, 'openid')
  const deviceId = optionalString(body, 'deviceId')
  if (openid) request.openid = openid
  if (deviceId) request.deviceId = deviceId
  return request
}

/** The first field problem as WeChat words it, or undefined when the data is acceptable. */
function dataProblem(data: Record<string, unknown>, expectedKeys: string[] | undefined): string | undefined {
  for (const key of expectedKeys ?? []) {
    if (!(key in data)) return `argument invalid! data.${key}.value is empty`
  }
  for (const [key, field] of Object.entries(data)) {
    const value = asRecord(field).value
    if (typeof value !== 'string' || value === '') return `argument invalid! data.${key}.value is empty`
    const kind = /^([a-z_]+?)\d+$/.exec(key)?.[1]
    const rule = kind === undefined ? undefined : FIELD_RULES[kind]
    if (!rule) return `argument invalid! data.${key} is not a valid key`
    if (!rule(value)) return `argument invalid! data.${key}.value invalid`
  }
  return undefined
}

export function sendSubscribeMessage(state: FakeWechatState, rawBody: unknown): WechatErrorBody | object {
  const body = asRecord(rawBody)
  const { touser, template_id: templateId, page } = body
  if (typeof touser !== 'string' || !state.knownOpenids.has(touser)) return wxError(state, 40003, 'invalid openid')
  if (typeof templateId !== 'string' || templateId === '') return wxError(state, 40037, 'invalid template id')
  const expectedKeys = state.templates?.[templateId]
  if (state.templates && !expectedKeys) return wxError(state, 40037, 'invalid template id')
  if (page !== undefined && typeof page !== 'string') return wxError(state, 41030, 'invalid page')

  const miniprogramState = body.miniprogram_state ?? 'formal'
  const lang = body.lang ?? 'zh_CN'
  if (!['developer', 'trial', 'formal'].includes(String(miniprogramState))) {
    return wxError(state, 47003, 'argument invalid! miniprogram_state invalid')
  }
  if (!['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(String(lang))) return wxError(state, 47003, 'argument invalid! lang invalid')

  const data = body.data
  if (data === null || typeof data !== 'object' || Array.isArray(data) || Object.keys(data).length === 0) {
    return wxError(state, 47003, 'argument invalid! data is empty')
  }
  const problem = dataProblem(data as Record<string, unknown>, expectedKeys)
  if (problem) return wxError(state, 47003, problem)

  const grants = state.grants.get(touser)
  const left = grants?.get(templateId) ?? 0
  if (left <= 0) return wxError(state, 43101, 'user refuse to accept the msg')
  grants?.set(templateId, left - 1)

  const message: FakeMessage = {
    touser,
    template_id: templateId,
    data: data as FakeMessage['data'],
    miniprogram_state: String(miniprogramState),
    lang: String(lang),
    sentAt: new Date(state.now()).toISOString(),
  }
  if (typeof page === 'string') message.page = page
  state.messages.push(message)
  return { errcode: 0, errmsg: 'ok', msgid: state.messages.length }
}

export function listMessages(state: FakeWechatState, touser: string | null): { items: FakeMessage[] } {
  return { items: touser ? state.messages.filter((m) => m.touser === touser) : [...state.messages] }
}
