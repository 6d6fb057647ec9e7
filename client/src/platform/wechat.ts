/**
 * The one adapter for WeChat-only capabilities. Pages call `wechat.*` and never `Taro.login` & co.
 * directly, so the H5 build can stand in for WeChat: in the demo, H5 asks the server's dev bridge
 * (a fake WeChat) for login codes, with a random device id standing for one WeChat user.
 */
import Taro from '@tarojs/taro'
import { DevWechatCodeResponseSchema, type DevWechatCodeBody } from '@qstx/shared'
import { ApiError } from '../api/api-error'
import { request } from '../api/http'

export type SubscribeResult = Record<string, 'accept' | 'reject' | 'ban' | 'filter'>

export interface PrivacySetting {
  /** true while the user has not yet agreed to the current 用户隐私保护指引. */
  needAuthorization: boolean
  privacyContractName: string
}

/** `e.detail` of a Button with openType="getPhoneNumber". */
export interface PhoneNumberEventDetail {
  code?: string
  errMsg: string
}

/**
 * Called when WeChat holds back a privacy API until the person agrees (wx.onNeedPrivacyAuthorization);
 * call `resolve(true)` after a tap on the button with openType="agreePrivacyAuthorization" whose id
 * is `buttonId`, or `resolve(false)` when they decline.
 */
export type NeedPrivacyListener = (resolve: (agreed: boolean, buttonId?: string) => void) => void

export interface WechatCapabilities {
  phoneNumberButton: boolean
  subscribeMessage: boolean
  fuzzyLocation: boolean
  shareToChat: boolean
}

export interface FuzzyLocation {
  latitude: number
  longitude: number
}

export interface WechatAdapter {
  /**
   * What this platform can really do, so pages offer only buttons that work: the getPhoneNumber
   * button, subscribe messages, the fuzzy location and sharing to a chat exist only inside WeChat.
   * The server's dev bridge covers wx.login for H5 but none of these, and a pretend button would
   * mislead: H5 says what happens instead (components/WechatOnlyNote) — the number is typed, results
   * are read on the page, no location is kept, links are copied.
   */
  readonly capabilities: WechatCapabilities
  /** A wx.login code for the server's code2session (valid 5 minutes, single use). */
  login(): Promise<string>
  /** The code to exchange for the phone number; throws when the person declined. */
  phoneNumberCode(detail: PhoneNumberEventDetail): string
  /** Must be called from a tap handler; each accepted template allows one message. */
  requestSubscribeMessage(tmplIds: string[]): Promise<SubscribeResult>
  getPrivacySetting(): Promise<PrivacySetting>
  /** Registers the one listener for WeChat's privacy prompt (a later call replaces it); returns an unsubscribe. */
  onNeedPrivacyAuthorization(listener: NeedPrivacyListener): () => void
  makePhoneCall(phoneNumber: string): Promise<void>
  getFuzzyLocation(): Promise<FuzzyLocation>
}

// WeChat allows one listener; pages come and go, so the adapter keeps the current one. A prompt
// that arrives while no page with the consent panel is open waits for the next one.
type PrivacyResolve = Parameters<NeedPrivacyListener>[0]
let privacyListener: NeedPrivacyListener | null = null
let waitingPrivacyPrompt: PrivacyResolve | null = null
let privacyHooked = false

const weapp: WechatAdapter = {
  capabilities: { phoneNumberButton: true, subscribeMessage: true, fuzzyLocation: true, shareToChat: true },
  async login() {
    try {
      const { code } = await Taro.login()
      return code
    } catch {
      // wx.login fails when WeChat's servers cannot be reached: the same situation as a lost request.
      throw new ApiError(0, 'NETWORK_ERROR', '无法连接微信，请检查网络后重试')
    }
  },
  phoneNumberCode(detail) {
    if (!detail.code) throw new Error('未获得手机号授权')
    return detail.code
  },
  async requestSubscribeMessage(tmplIds) {
    const res = await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })
    const result: SubscribeResult = {}
    for (const id of tmplIds) {
      const value = (res as unknown as Record<string, unknown>)[id]
      if (value === 'accept' || value === 'reject' || value === 'ban' || value === 'filter') result[id] = value
    }
    return result
  },
  getPrivacySetting() {
    // Taro types this API as callback-only.
    return new Promise((resolve, reject) => {
      Taro.getPrivacySetting({
        success: ({ needAuthorization, privacyContractName }) => resolve({ needAuthorization, privacyContractName }),
        fail: (res) => reject(new Error(res.errMsg)),
      })
    })
  },
  onNeedPrivacyAuthorization(listener) {
    privacyListener = listener
    if (!privacyHooked && typeof Taro.onNeedPrivacyAuthorization === 'function') {
      privacyHooked = true
      Taro.onNeedPrivacyAuthorization((resolve) => {
        const answer: PrivacyResolve = (agreed, buttonId) =>
          resolve(agreed ? { event: 'agree', buttonId } : { event: 'disagree' })
        if (!privacyListener) {
          waitingPrivacyPrompt = answer
          return
        }
        resolve({ event: 'exposureAuthorization' })
        privacyListener(answer)
      })
    }
    if (waitingPrivacyPrompt) {
      const answer = waitingPrivacyPrompt
      waitingPrivacyPrompt = null
      listener(answer)
    }
    return () => {
      if (privacyListener === listener) privacyListener = null
    }
  },
  async makePhoneCall(phoneNumber) {
    await Taro.makePhoneCall({ phoneNumber })
  },
  async getFuzzyLocation() {
    const { latitude, longitude } = await Taro.getFuzzyLocation({ type: 'wgs84' })
    return { latitude, longitude }
  },
}

// One random id per browser profile = one fake WeChat user; tests may preset it in localStorage.
const DEVICE_ID_KEY = 'qstx.fake-wechat.device-id'

function deviceId(): string {
  const saved = window.localStorage.getItem(DEVICE_ID_KEY)
  if (saved) return saved
  const id =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  window.localStorage.setItem(DEVICE_ID_KEY, id)
  return id
}

const unsupported = (what: string) => new Error(`H5 不支持${what}，请在微信小程序中使用`)

const h5: WechatAdapter = {
  capabilities: { phoneNumberButton: false, subscribeMessage: false, fuzzyLocation: false, shareToChat: false },
  async login() {
    // The server's dev bridge (exists only outside production) asks the fake WeChat for a code.
    const body: DevWechatCodeBody = { deviceId: deviceId() }
    const { code } = await request('/api/dev/wechat/code', DevWechatCodeResponseSchema, { method: 'POST', body })
    return code
  },
  phoneNumberCode() {
    throw unsupported('获取微信手机号')
  },
  requestSubscribeMessage() {
    return Promise.reject(unsupported('订阅消息'))
  },
  getPrivacySetting() {
    return Promise.reject(unsupported('微信隐私授权查询'))
  },
  onNeedPrivacyAuthorization() {
    // No WeChat privacy gate in a browser: the app's own consent panel is the only one.
    return () => {}
  },
  async makePhoneCall(phoneNumber) {
    // The browser (or the phone's dialer) handles tel: links.
    window.location.href = `tel:${phoneNumber}`
  },
  getFuzzyLocation() {
    return Promise.reject(unsupported('微信定位'))
  },
}

export const wechat: WechatAdapter = process.env.TARO_ENV === 'h5' ? h5 : weapp
