import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  CreatedInvitationSchema,
  InvitationListResponseSchema,
  InvitationSchema,
  SessionResponseSchema,
  type CreateInvitationBody,
  type RedeemInvitationBody,
} from '@qstx/shared'
import { signInWithWechat } from './auth'
import { request } from './http'
import { startSession } from './query-client'
import { queryKeys } from './query-keys'
import { setToken } from './session'

export const fetchInvitations = async () => (await request('/api/invitations', InvitationListResponseSchema)).items

export const createInvitation = (body: CreateInvitationBody) =>
  request('/api/invitations', CreatedInvitationSchema, { method: 'POST', body })

export const revokeInvitation = (id: string) =>
  request(`/api/invitations/${encodeURIComponent(id)}/revoke`, InvitationSchema, { method: 'POST' })

/** Redeeming answers with a fresh session whose active role is the new one: it replaces any current one. */
export async function redeemInvitation(body: RedeemInvitationBody) {
  const session = await request('/api/invitations/redeem', SessionResponseSchema, { method: 'POST', body })
  setToken(session.token)
  return session
}

export const useInvitations = () => useQuery({ queryKey: queryKeys.invitations, queryFn: fetchInvitations })

export function useCreateInvitation() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.invitations }),
  })
}

export function useRevokeInvitation() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.invitations }),
  })
}

/**
 * Redeems a code and lands on home with the new role. `withWechat`: the mini-program without a
 * session signs in with WeChat first, so the role goes to that WeChat account.
 */
export const useRedeemInvitation = () =>
  useMutation({
    mutationFn: async ({ body, withWechat }: { body: RedeemInvitationBody; withWechat: boolean }) => {
      if (withWechat) await signInWithWechat()
      return redeemInvitation(body)
    },
    onSuccess: startSession,
  })
