import Taro from '@tarojs/taro'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { devLogin, fetchMe, fetchPersonas, logout } from '../api/auth'
import { queryKeys } from '../api/query-keys'
import { getToken } from '../api/session'
import { ROUTES } from '../constants/routes'

export const usePersonas = (enabled: boolean) =>
  useQuery({ queryKey: queryKeys.personas, queryFn: fetchPersonas, enabled })

/** The signed-in user; without a token there is nothing to ask (the page redirects instead). */
export const useMe = () => useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, enabled: getToken() !== null })

export function useDevLogin() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: devLogin,
    onSuccess: async () => {
      client.removeQueries({ queryKey: queryKeys.me })
      // reLaunch, not navigateTo: home is a tab page and the login page must leave the history.
      await Taro.reLaunch({ url: ROUTES.home })
    },
  })
}

export function useLogout() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: logout,
    // Signed out locally either way (logout() clears the token in `finally`).
    onSettled: async () => {
      client.clear()
      await Taro.reLaunch({ url: ROUTES.login })
    },
  })
}
