/** The audit trail is read by civil affairs and admins, each only for their own region. */
import type { ScopedActor } from '../../lib/actor'
import { assertCan, scopeWhere } from '../../lib/policy'

export function auditScope(actor: ScopedActor) {
  assertCan(actor, 'audit.read')
  return scopeWhere(actor, 'regionCode')
}
