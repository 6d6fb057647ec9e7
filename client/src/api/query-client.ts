import Taro from '@tarojs/taro'
import { QueryCache, QueryClient } from '@tanstack/react-query'
import { ROUTES } from '../constants/routes'
import { isApiError } from './api-error'
import { clearToken } from './session'

// A 401 anywhere means the session is gone (expired, or signed out on another device): drop the
// token and send the person to the login page once, instead of every page handling it.
function onQueryError(error: unknown): void {
  if (!isApiError(error) || error.status !== 401) return
  clearToken()
  queryClient.clear()
  void Taro.reLaunch({ url: ROUTES.login })
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onQueryError }),
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
