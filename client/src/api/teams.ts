import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { JoinedTeamSchema, RegisteredTeamSchema, TeamRosterSchema, TeamSchema, type RegisterTeamBody } from '@qstx/shared'
import { switchActiveRole } from './auth'
import { request } from './http'
import { queryKeys } from './query-keys'

export const fetchMyTeam = () => request('/api/teams/mine', TeamSchema)
export const fetchRoster = (teamId: string) => request(`/api/teams/${encodeURIComponent(teamId)}/members`, TeamRosterSchema)
export const joinTeam = (code: string) => request('/api/teams/join', JoinedTeamSchema, { method: 'POST', body: { code } })

/**
 * Registers the team. The new group_leader role is active at once for a person without a role;
 * someone who already has one (e.g. an approved volunteer) is switched to it, since the roster and
 * the join code belong to the leader role.
 */
export async function registerTeam(body: RegisterTeamBody, activeRoleId: string | null) {
  const team = await request('/api/teams', RegisteredTeamSchema, { method: 'POST', body })
  if (activeRoleId !== null && activeRoleId !== team.roleAssignmentId) await switchActiveRole(team.roleAssignmentId)
  return team
}

/** The team my active leader role leads (its code and member counts). */
export const useMyTeam = (enabled = true) => useQuery({ queryKey: queryKeys.myTeam, queryFn: fetchMyTeam, enabled })

export const useRoster = (teamId: string | undefined) =>
  useQuery({ queryKey: queryKeys.teamRoster(teamId ?? ''), queryFn: () => fetchRoster(teamId!), enabled: !!teamId, staleTime: 0 })

export function useRegisterTeam() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ body, activeRoleId }: { body: RegisterTeamBody; activeRoleId: string | null }) => registerTeam(body, activeRoleId),
    onSuccess: (team) => {
      // The role changed: nothing cached for the previous role survives (as when switching on 我的).
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] })
      void client.invalidateQueries({ queryKey: queryKeys.me })
      client.setQueryData(queryKeys.myTeam, team)
    },
  })
}

export function useJoinTeam() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: joinTeam,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.myVolunteer }),
  })
}
