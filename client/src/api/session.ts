import Taro from '@tarojs/taro'

// Taro storage is wx storage on weapp and localStorage on H5: one code path for both.
const TOKEN_KEY = 'qstx.session.token'

export function getToken(): string | null {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY)
  return typeof token === 'string' && token !== '' ? token : null
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token)
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY)
}
