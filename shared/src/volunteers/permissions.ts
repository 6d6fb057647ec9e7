/**
 * Volunteer, team and vetting actions, merged into the one matrix in shared/permissions.ts.
 *
 * Signing up, registering a team and joining one are self-service: any signed-in person may do
 * them with or without a role (the server requires a signed-in user), so they are not role actions.
 */
import type { Role } from '../roles'

export const VOLUNTEER_ACTIONS = [
  // The vetting queue, an application, its checks and the decision.
  'volunteer.vet',
  'volunteer.suspend',
  // A team's roster (a leader: their own team only; a coordinator: teams in the region).
  'team.roster',
  // The team a leader's active role leads.
  'team.lead',
] as const
export type VolunteerAction = (typeof VOLUNTEER_ACTIONS)[number]

export const VOLUNTEER_ROLE_ACTIONS = {
  volunteer: [],
  group_leader: ['team.roster', 'team.lead'],
  coordinator: ['volunteer.vet', 'volunteer.suspend', 'team.roster'],
  child_director: [],
  supervisor: [],
  civil_affairs: [],
  admin: [],
} as const satisfies Record<Role, readonly VolunteerAction[]>
