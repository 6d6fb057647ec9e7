import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'

// Bump the version when the notice changes materially: everyone is asked again.
const CONSENT_KEY = 'qstx.privacy-consent'
const CONSENT_VERSION = '2025-01'

/** Whether this device has agreed to the current 用户隐私保护指引, and a way to record agreement. */
export function usePrivacyConsent(): [boolean, () => void] {
  const [agreed, setAgreed] = useState(() => Taro.getStorageSync(CONSENT_KEY) === CONSENT_VERSION)
  const agree = useCallback(() => {
    Taro.setStorageSync(CONSENT_KEY, CONSENT_VERSION)
    setAgreed(true)
  }, [])
  return [agreed, agree]
}
