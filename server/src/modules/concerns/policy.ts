/**
 * Psychological concerns (shared/care/concerns.ts). The village's director records one for a child
 * of the village, a love parent for the child they are actively paired with (nobody else's: 404,
 * like a missing child). The file's keepers read them; the director handles them. Role first (403),
 * then the record (404).
 */
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import { assertCan, inScope } from '../../lib/policy'

export const assertMayRecord = (actor: ScopedActor): void => assertCan(actor, 'concern.record')
export const assertMayRead = (actor: ScopedActor): void => assertCan(actor, 'concern.read')
export const assertMayHandle = (actor: ScopedActor): void => assertCan(actor, 'concern.handle')

/** Staff by region; a volunteer only through an active pairing with the child. */
export function assertMayRecordFor(actor: ScopedActor, child: { villageCode: string; pairedWithActor: boolean } | null): void {
  const ok = !!child && (actor.role === 'volunteer' ? child.pairedWithActor : inScope(actor, child.villageCode))
  if (!ok) throw notFound()
}

export function assertInScope(actor: ScopedActor, villageCode: string | undefined): void {
  if (!inScope(actor, villageCode)) throw notFound()
}
