/**
 * Safeguarding access. Anyone signed in may report — the law obliges everyone in contact with
 * children. Handling (reading reports, the reporter's identity, recording steps) is for the staff
 * roles inside the report's region; reporters see only the stage of their own reports.
 */
import { isStaffRole } from '@qstx/shared'
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import { assertCan, inScope, scopeWhere } from '../../lib/policy'

export function handlerScope(actor: ScopedActor) {
  assertCan(actor, 'safeguarding.handle')
  return scopeWhere(actor, 'regionCode')
}

/**
 * Asked before the report is looked up, so a role that may never handle reports gets the same 403
 * for an existing id as for a random one: the answer must not tell that a report exists.
 */
export const assertMayHandle = (actor: ScopedActor): void => assertCan(actor, 'safeguarding.handle')

/** Then the report's region: outside it, 404 like a missing id. */
export function assertHandles(actor: ScopedActor, reportRegion: string): void {
  assertMayHandle(actor)
  if (!inScope(actor, reportRegion)) throw notFound()
}

/**
 * May the reporter name this child on file? Staff inside the child's region may. Volunteers name
 * children they are paired with once pairings exist; until then they describe the child in words.
 */
export function mayNameChild(actor: ScopedActor | null, childVillage: string): boolean {
  return !!actor && isStaffRole(actor.role) && inScope(actor, childVillage)
}
