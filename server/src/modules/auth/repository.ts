import type { Tx } from '../../db/prisma'

import type { Role } from '@qstx/shared'

export interface SessionWithUser {
  id: string
  userId: string
  lastSeenAt: Date
  expiresAt: Date
  revokedAt: Date | null
  user: { id: string; displayName: string; disabledAt: Date | null }
  activeRole: { id: string; role: Role; regionCode: string; teamId: string | null; revokedAt: Date | null } | null
}

/**
 * Every signed-in request starts here, so it is one indexed query (session ⋈ user ⟕ active role)
 * rather than the three round trips a Prisma include costs.
 */
export async function findSessionByTokenHash(tx: Tx, tokenHash: string): Promise<SessionWithUser | null> {
  const rows = await tx.$queryRaw<Array<Record<string, unknown>>>`
    SELECT s.id, s."userId", s."lastSeenAt", s."expiresAt", s."revokedAt",
           u."displayName", u."disabledAt",
           r.id AS "roleId", r.role::text AS role, r."regionCode", r."teamId", r."revokedAt" AS "roleRevokedAt"
      FROM sessions s
      JOIN users u ON u.id = s."userId"
      LEFT JOIN role_assignments r ON r.id = s."activeRoleId"
     WHERE s."tokenHash" = ${tokenHash}`
  const row = rows[0]
  if (!row) return null
  return {
    id: row.id as string,
    userId: row.userId as string,
    lastSeenAt: row.lastSeenAt as Date,
    expiresAt: row.expiresAt as Date,
    revokedAt: (row.revokedAt as Date | null) ?? null,
    user: { id: row.userId as string, displayName: row.displayName as string, disabledAt: (row.disabledAt as Date | null) ?? null },
    activeRole: row.roleId
      ? { id: row.roleId as string, role: row.role as Role, regionCode: row.regionCode as string, teamId: (row.teamId as string | null) ?? null, revokedAt: (row.roleRevokedAt as Date | null) ?? null }
      : null,
  }
}

export function insertSession(tx: Tx, data: { tokenHash: string; userId: string; activeRoleId: string | null; expiresAt: Date; createdAt: Date }) {
  return tx.session.create({ data: { ...data, lastSeenAt: data.createdAt } })
}

export function touchSession(tx: Tx, id: string, at: Date) {
  return tx.session.update({ where: { id }, data: { lastSeenAt: at } })
}

export function revokeSession(tx: Tx, id: string, at: Date) {
  return tx.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } })
}

export function listActiveRoles(tx: Tx, userId: string) {
  return tx.roleAssignment.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, role: true, regionCode: true, teamId: true },
  })
}

export function regionNames(tx: Tx, codes: string[]) {
  return tx.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })
}

export function findUserWithRoles(tx: Tx, id: string) {
  return tx.user.findUnique({
    where: { id },
    select: {
      displayName: true,
      roles: { where: { revokedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, role: true, regionCode: true } },
    },
  })
}

export function findUserByOpenid(tx: Tx, openid: string, unionid?: string) {
  return tx.user.findFirst({
    where: unionid ? { OR: [{ unionid }, { openid }] } : { openid },
    select: { id: true, disabledAt: true, openid: true, unionid: true },
  })
}

export function createWechatUser(tx: Tx, openid: string, unionid?: string) {
  return tx.user.create({ data: { displayName: '微信用户', openid, unionid: unionid ?? null }, select: { id: true, disabledAt: true, openid: true, unionid: true } })
}

export function findUserByUsername(tx: Tx, username: string) {
  return tx.user.findUnique({
    where: { username },
    select: { id: true, passwordHash: true, failedLogins: true, lockedUntil: true, disabledAt: true },
  })
}

/** Atomic, so two wrong guesses at the same moment both count. */
export function countFailedLogin(tx: Tx, id: string) {
  return tx.user.update({ where: { id }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } })
}

export function setLockout(tx: Tx, id: string, lockedUntil: Date | null) {
  return tx.user.update({ where: { id }, data: { lockedUntil, failedLogins: 0 } })
}

export function findOwnAssignment(tx: Tx, userId: string, id: string) {
  return tx.roleAssignment.findFirst({ where: { id, userId, revokedAt: null } })
}

export function setActiveRole(tx: Tx, sessionId: string, activeRoleId: string) {
  return tx.session.update({ where: { id: sessionId }, data: { activeRoleId } })
}
