import Taro, { useDidShow } from '@tarojs/taro'
import { getToken } from '../api/session'
import { ROUTES } from '../constants/routes'

/** Pages behind sign-in: without a token, go to the login page (checked on every show, tabs included). */
export function useRequireLogin(): void {
  useDidShow(() => {
    if (!getToken()) void Taro.reLaunch({ url: ROUTES.login })
  })
}
