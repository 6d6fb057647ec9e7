import Taro from '@tarojs/taro'
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ROUTES } from '../constants/routes'
import { isApiError } from './api-error'
import { clearToken, getToken } from './session'

// A 401 on a request that carried a session means the session is gone (expired, or signed out on
// another device): drop the token and send the person to the login page once, instead of every
// page handling it. Sign-in attempts carry no session, so their 401 (wrong password) stays on the form.
function onAuthError(error: unknown): void {
  if (!isApiError(error) || error.status !== 401 || getToken() === null) return
  clearToken()
  queryClient.clear()
  void Taro.reLaunch({ url: ROUTES.login })
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAuthError }),
  mutationCache: new MutationCache({ onError: onAuthError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Retry only when the network failed or the server hiccuped; a 4xx will not change.
      retry: (count, error) => count < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
})

/**
 * After any sign-in (persona, WeChat, desk, redeemed invitation): nothing cached for the previous
 * person may survive, and home is reached with reLaunch — it is a tab page, and the sign-in page
 * must leave the history.
 */
export async function startSession(): Promise<void> {
  queryClient.clear()
  await Taro.reLaunch({ url: ROUTES.home })
}
