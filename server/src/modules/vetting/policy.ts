/**
 * Who vets whom: a coordinator, for applications whose service area lies inside their region.
 * Drafts stay the volunteer's own until submitted. Anything else answers 404, like a missing
 * record (no existence oracle).
 */
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import { assertCan, inScope, scopeWhere } from '../../lib/policy'

export const vettingScope = (actor: ScopedActor) => scopeWhere(actor, 'serviceRegionCode')

export function assertMayOpen<T extends { status: string; serviceRegionCode: string | null }>(actor: ScopedActor, v: T | null): asserts v is T & { serviceRegionCode: string } {
  if (!v || v.status === 'draft' || !inScope(actor, v.serviceRegionCode)) throw notFound()
}

export { assertCan }
