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

export function assertHandles(actor: ScopedActor, reportRegion: string): void {
  assertCan(actor, 'safeguarding.handle')
  if (!inScope(actor, reportRegion)) throw notFound()
}

/**
 * May the reporter name this child on file? Staff inside the child's region may. Volunteers name
 * children they are paired with once pairings exist; until then they describe the child in words.
 */
export function mayNameChild(actor: ScopedActor | null, childVillage: string): boolean {
  return !!actor && isStaffRole(actor.role) && inScope(actor, childVillage)
}
