import Taro from '@tarojs/taro'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ROLE_LABELS } from '@qstx/shared'
import { devLogin, fetchMe, fetchPersonas, logout, signInWithPassword, signInWithWechat, switchActiveRole } from '../api/auth'
import { startSession } from '../api/query-client'
import { queryKeys } from '../api/query-keys'
import { getToken, rememberMe, rememberedMe } from '../api/session'
import { ROUTES } from '../constants/routes'

export const usePersonas = (enabled: boolean) =>
  useQuery({ queryKey: queryKeys.personas, queryFn: fetchPersonas, enabled })

/**
 * The signed-in user; without a token there is nothing to ask (the page redirects instead). It
 * starts from what this phone remembered of the session and asks the server at once: a volunteer
 * who opens the app in a village without signal still reaches her pairings and the check-in form
 * (which waits to send), instead of an error page.
 */
export const useMe = () =>
  useQuery({
    queryKey: queryKeys.me,
    queryFn: fetchMe,
    enabled: getToken() !== null,
    initialData: rememberedMe,
    initialDataUpdatedAt: 0,
  })

export const useDevLogin = () => useMutation({ mutationFn: devLogin, onSuccess: startSession })

export const useWechatSignIn = () => useMutation({ mutationFn: signInWithWechat, onSuccess: startSession })

export const usePasswordSignIn = () => useMutation({ mutationFn: signInWithPassword, onSuccess: startSession })

/** Switches the active role: every cached list belonged to the old role's scope, so all of it goes. */
export function useSwitchRole() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: switchActiveRole,
    onSuccess: (me) => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] })
      client.setQueryData(queryKeys.me, me)
      rememberMe(me)
      if (me.activeRole) void Taro.showToast({ title: `已切换为${ROLE_LABELS[me.activeRole.role]}（${me.activeRole.regionName}）`, icon: 'none' })
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
