import Taro from '@tarojs/taro'

// Taro storage is wx storage on weapp and localStorage on H5: one code path for both.
const TOKEN_KEY = 'qstx.session.token'
// The last /api/me of this session: home opens from it where the village has no signal.
const ME_KEY = 'qstx.session.me'

export function getToken(): string | null {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY)
  return typeof token === 'string' && token !== '' ? token : null
}

export function setToken(token: string): void {
  Taro.removeStorageSync(ME_KEY)
  Taro.setStorageSync(TOKEN_KEY, token)
}

export function clearToken(): void {
  Taro.removeStorageSync(ME_KEY)
  Taro.removeStorageSync(TOKEN_KEY)
}

/** Keeps who is signed in (name, roles, regions: nothing the server does not show them) for offline starts. */
export function rememberMe(me: unknown): void {
  Taro.setStorageSync(ME_KEY, JSON.stringify(me))
}

/** What rememberMe kept for this session, unchecked (the caller parses it with its schema). */
export function rememberedMe(): unknown {
  const raw: unknown = Taro.getStorageSync(ME_KEY)
  if (typeof raw !== 'string' || raw === '') return undefined
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}
