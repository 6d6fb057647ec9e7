/**
 * Staff administration: civil affairs and admins manage the roles of people inside their region.
 * A role assignment or user outside the region answers 404 (no existence oracle).
 */
import type { ScopedActor } from '../../lib/actor'
import { assertCan, inScope, scopeWhere } from '../../lib/policy'

export const staffScope = (actor: ScopedActor) => scopeWhere(actor, 'regionCode')
export { assertCan, inScope }
