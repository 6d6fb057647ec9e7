import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { VolunteerProfileSchema, type VolunteerFieldsBody, type VolunteerProfile } from '@qstx/shared'
import { isApiError } from './api-error'
import { request } from './http'
import { queryKeys } from './query-keys'
import { getToken } from './session'

/** My application (ID number and phone masked); null when I have not started one. */
export async function fetchMyVolunteer(): Promise<VolunteerProfile | null> {
  try {
    return await request('/api/volunteers/me', VolunteerProfileSchema)
  } catch (error) {
    // Not having signed up is a normal state, not an error to show.
    if (isApiError(error) && error.code === 'VOLUNTEER_PROFILE_MISSING') return null
    throw error
  }
}

/**
 * 'draft': PUT …/me/draft — while the application is a draft or waits for more information (the
 * first save creates it). 'edit': PATCH …/me — a submitted or approved profile, which must stay complete.
 */
export type SaveMode = 'draft' | 'edit'

export const saveVolunteer = (mode: SaveMode, body: VolunteerFieldsBody) =>
  mode === 'draft'
    ? request('/api/volunteers/me/draft', VolunteerProfileSchema, { method: 'PUT', body })
    : request('/api/volunteers/me', VolunteerProfileSchema, { method: 'PATCH', body })

export const submitVolunteer = () => request('/api/volunteers/me/submit', VolunteerProfileSchema, { method: 'POST' })

export const withdrawVolunteer = (reason: string) =>
  request('/api/volunteers/me/withdraw', VolunteerProfileSchema, { method: 'POST', body: { reason } })

export const useMyVolunteer = (enabled = true) =>
  useQuery({ queryKey: queryKeys.myVolunteer, queryFn: fetchMyVolunteer, enabled: enabled && getToken() !== null })

/** Every write answers with the new profile: put it in the cache instead of asking again. */
function useProfileMutation<V>(fn: (variables: V) => Promise<VolunteerProfile>, opts: { roleMayChange?: boolean } = {}) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (profile) => {
      client.setQueryData(queryKeys.myVolunteer, profile)
      // Withdrawing or a re-vetted identity takes the volunteer role away: home must ask again.
      if (opts.roleMayChange) void client.invalidateQueries({ queryKey: queryKeys.me })
    },
  })
}

export const useSaveVolunteer = () =>
  useProfileMutation(({ mode, body }: { mode: SaveMode; body: VolunteerFieldsBody }) => saveVolunteer(mode, body), { roleMayChange: true })
export const useSubmitVolunteer = () => useProfileMutation(submitVolunteer)
export const useWithdrawVolunteer = () => useProfileMutation(withdrawVolunteer, { roleMayChange: true })
