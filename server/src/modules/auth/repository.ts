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

export function findUser(tx: Tx, id: string) {
  return tx.user.findUnique({ where: { id }, select: { id: true, displayName: true } })
}
