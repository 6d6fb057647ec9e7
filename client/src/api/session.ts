import Taro from '@tarojs/taro'
import { MeResponseSchema, type MeResponse } from '@qstx/shared'

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

/** What rememberMe kept for this session, if it still reads as a MeResponse (an older app's may not). */
export function rememberedMe(): MeResponse | undefined {
  const raw: unknown = Taro.getStorageSync(ME_KEY)
  if (typeof raw !== 'string' || raw === '') return undefined
  try {
    const parsed = MeResponseSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
