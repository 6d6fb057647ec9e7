/**
 * A team's roster: its leader (the team their active group_leader role names) and the
 * coordinators whose region contains the team's service area. Others — another team's leader
 * included — get 404, as if the team did not exist.
 */
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import { assertCan, inScope } from '../../lib/policy'
import type { TeamRow } from './repository'

export function assertMayViewRoster(actor: ScopedActor, team: TeamRow | null): asserts team is TeamRow {
  if (!team) throw notFound()
  const allowed = actor.role === 'group_leader' ? actor.teamId === team.id : inScope(actor, team.serviceRegionCode)
  if (!allowed) throw notFound()
}

export { assertCan }
