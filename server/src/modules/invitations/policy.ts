/**
 * Who may invite whom: the inviter's role decides which roles (shared INVITABLE_ROLES), the region
 * must lie inside the inviter's own, and be of the level the role lives at (a director a village).
 */
import { INVITABLE_ROLES, ROLE_REGION_LEVELS, regionLevel, type Role } from '@qstx/shared'
import type { ScopedActor } from '../../lib/actor'
import { AppError } from '../../lib/app-error'
import { assertCan, inScope, scopeWhere } from '../../lib/policy'

export function assertMayInvite(actor: ScopedActor, role: Role, regionCode: string): void {
  assertCan(actor, 'invitation.create')
  const levelFits = ROLE_REGION_LEVELS[role].includes(regionLevel(regionCode))
  if (!INVITABLE_ROLES[actor.role].includes(role) || !inScope(actor, regionCode) || !levelFits) {
    throw new AppError('INVITATION_OUT_OF_SCOPE')
  }
}

export const invitationScope = (actor: ScopedActor) => scopeWhere(actor, 'regionCode')
export { assertCan, inScope }
