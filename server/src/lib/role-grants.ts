/**
 * Roles that come from the programme itself rather than an invitation: `volunteer` when a sign-up
 * is approved, `group_leader` when a team is registered. Written inside the caller's transaction.
 */
import type { Role } from '@qstx/shared'
import type { Tx } from '../db/prisma'

/** Grants the role; an earlier, revoked grant of the same role and region comes back to life. */
export function grantRole(tx: Tx, input: { userId: string; role: Role; regionCode: string; teamId?: string | null }) {
  const { userId, role, regionCode } = input
  const teamId = input.teamId ?? null
  return tx.roleAssignment.upsert({
    where: { userId_role_regionCode: { userId, role, regionCode } },
    create: { userId, role, regionCode, teamId },
    update: { revokedAt: null, teamId },
  })
}

/** Revokes every live assignment of this role; returns their ids (for the audit trail). */
export async function revokeRole(tx: Tx, userId: string, role: Role, at: Date): Promise<string[]> {
  const live = await tx.roleAssignment.findMany({ where: { userId, role, revokedAt: null }, select: { id: true } })
  if (live.length) await tx.roleAssignment.updateMany({ where: { id: { in: live.map((a) => a.id) } }, data: { revokedAt: at } })
  return live.map((a) => a.id)
}

/**
 * Makes the new role the active one of the person's open sessions that have none (or whose role
 * was just taken away), so an approved volunteer or a new leader can go on at once instead of
 * signing in again. Sessions wearing another live role are left as they are.
 */
export function activateWhereRoleless(tx: Tx, userId: string, assignmentId: string) {
  return tx.session.updateMany({
    where: { userId, revokedAt: null, OR: [{ activeRoleId: null }, { activeRole: { revokedAt: { not: null } } }] },
    data: { activeRoleId: assignmentId },
  })
}
