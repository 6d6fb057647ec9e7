import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { wechat } from '../platform/wechat'

// Bump the version when the notice changes materially: everyone is asked again.
const CONSENT_KEY = 'qstx.privacy-consent'
const CONSENT_VERSION = '2025-01'
/** The id of the consent button (openType="agreePrivacyAuthorization"); WeChat checks it was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

/**
 * Whether this person has agreed to the current 用户隐私保护指引, and a way to record agreement.
 *
 * On weapp WeChat keeps its own record of the agreement (the same notice, filed in the
 * mini-program's admin console): `getPrivacySetting` tells whether it is still needed — a newer
 * notice asks again even if this device agreed before — and `onNeedPrivacyAuthorization` fires when
 * a privacy API is held back; the panel then shows and the tap on the consent button releases it.
 * On H5 the consent lives in local storage only.
 */
export function usePrivacyConsent(): [boolean, () => void] {
  const [agreed, setAgreed] = useState(() => Taro.getStorageSync(CONSENT_KEY) === CONSENT_VERSION)
  const pending = useRef<((agreed: boolean, buttonId?: string) => void) | null>(null)

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return undefined
    let live = true
    wechat
      .getPrivacySetting()
      .then(({ needAuthorization }) => {
        if (!live) return
        if (needAuthorization) setAgreed(false)
        else {
          Taro.setStorageSync(CONSENT_KEY, CONSENT_VERSION)
          setAgreed(true)
        }
      })
      // Older WeChat versions lack the API: our own record stands.
      .catch(() => {})
    const unsubscribe = wechat.onNeedPrivacyAuthorization((resolve) => {
      pending.current = resolve
      setAgreed(false)
    })
    return () => {
      live = false
      unsubscribe()
      pending.current?.(false)
      pending.current = null
    }
  }, [])

  const agree = useCallback(() => {
    Taro.setStorageSync(CONSENT_KEY, CONSENT_VERSION)
    setAgreed(true)
    pending.current?.(true, PRIVACY_AGREE_BUTTON_ID)
    pending.current = null
  }, [])
  return [agreed, agree]
}
