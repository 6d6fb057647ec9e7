import type { Tx } from '../../db/prisma'

const sessionInclude = {
  user: { select: { id: true, displayName: true, disabledAt: true } },
  activeRole: { select: { id: true, role: true, regionCode: true, teamId: true, revokedAt: true } },
} as const

export function findSessionByTokenHash(tx: Tx, tokenHash: string) {
  return tx.session.findUnique({ where: { tokenHash }, include: sessionInclude })
}
export type SessionWithUser = NonNullable<Awaited<ReturnType<typeof findSessionByTokenHash>>>

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
