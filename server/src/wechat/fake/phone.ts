/**
 * The phone-number button and POST /wxa/business/getuserphonenumber.
 * `/__fake/phone-code` plays the user tapping the button and allowing: it yields the code that
 * `e.detail.code` would carry. Codes live 5 minutes and work once, like the real ones.
 */
import {
  CODE_TTL_MS,
  FakeInputError,
  asRecord,
  optionalString,
  randomToken,
  wxError,
  type FakeWechatState,
  type WechatErrorBody,
} from './state'

export interface PhoneCodeRequest {
  /** Mainland number without country code, e.g. '13800138000'. */
  phoneNumber: string
  countryCode?: string
}

export function mintPhoneCode(state: FakeWechatState, request: PhoneCodeRequest): { code: string } {
  const countryCode = request.countryCode ?? '86'
  const pure = request.phoneNumber.replace(/^\+?86[\s-]?/, '').replace(/[\s-]/g, '')
  if (!/^\d{5,15}$/.test(pure)) throw new FakeInputError('phoneNumber must be digits, e.g. 13800138000')
  const code = randomToken(32)
  state.phoneCodes.set(code, {
    // WeChat puts the country code into phoneNumber only for numbers outside mainland China.
    phoneNumber: countryCode === '86' ? pure : `+${countryCode} ${pure}`,
    purePhoneNumber: pure,
    countryCode,
    expiresAt: state.now() + CODE_TTL_MS,
  })
  return { code }
}

export function phoneCodeRequestFrom(body: Record<string, unknown>): PhoneCodeRequest {
  const phoneNumber = optionalString(body, 'phoneNumber')
  if (!phoneNumber) throw new FakeInputError('phoneNumber is required')
  const countryCode = optionalString(body, 'countryCode')
  return countryCode ? { phoneNumber, countryCode } : { phoneNumber }
}

export function getUserPhoneNumber(state: FakeWechatState, rawBody: unknown): WechatErrorBody | object {
  const code = asRecord(rawBody).code
  const entry = typeof code === 'string' ? state.phoneCodes.get(code) : undefined
  if (typeof code === 'string') state.phoneCodes.delete(code)
  if (!entry || entry.expiresAt <= state.now()) return wxError(state, 40029, 'invalid code,')
  return {
    errcode: 0,
    errmsg: 'ok',
    phone_info: {
      phoneNumber: entry.phoneNumber,
      purePhoneNumber: entry.purePhoneNumber,
      countryCode: entry.countryCode,
      watermark: { timestamp: Math.floor(state.now() / 1000), appid: state.appid },
    },
  }
}
