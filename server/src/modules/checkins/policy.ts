/**
 * Who may do what to which check-in (ARCHITECTURE.md convention 4):
 *   may this role do this action → assertCan (shared/checkins/permissions, 403)
 *   which rows                   → a volunteer: check-ins of their own pairings (by user id);
 *                                  staff: pairings whose child lives inside their region. Anything
 *                                  else answers 404, like a missing record.
 *   which fields                 → views.ts: staff rows name the child; the volunteer's own rows
 *                                  carry the display name only; the honour board names no child.
 */
import { regionPrefix, type Action } from '@qstx/shared'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { assertCan, inScope } from '../../lib/policy'

/** The volunteer of this pairing, and nobody else, records its check-ins. */
export function assertOwnPairing(actor: ScopedActor, pairing: { userId: string } | undefined): asserts pairing is { userId: string } {
  if (!pairing || pairing.userId !== actor.userId) throw notFound()
}

/** An action on a check-in or pairing of `villageCode`: 403 for a role that may never, 404 outside the region. */
export function assertMayAct(actor: ScopedActor, action: Action, villageCode: string | null | undefined): void {
  assertCan(actor, action)
  if (!inScope(actor, villageCode)) throw notFound()
}

/** A director who is also the volunteer (two hats) does not confirm their own visit. */
export function assertNotOwnCheckin(actor: ScopedActor, volunteerUserId: string): void {
  if (volunteerUserId === actor.userId) throw new AppError('FORBIDDEN', '不能确认自己记录的走访')
}

/** A narrower region asked for must lie inside the actor's own; outside, nothing is there (404). */
export function listPrefix(actor: ScopedActor, regionCode?: string): string {
  if (regionCode && !inScope(actor, regionCode)) throw notFound()
  return regionPrefix(regionCode ?? actor.regionCode)
}

export { assertCan }
