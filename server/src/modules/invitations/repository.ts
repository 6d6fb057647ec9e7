import type { Role } from '@qstx/shared'
import type { Tx } from '../../db/prisma'

export function insertInvitation(tx: Tx, data: { codeHash: string; role: Role; regionCode: string; note: string | null; createdById: string; createdAt: Date; expiresAt: Date }) {
  return tx.invitation.create({ data })
}

export function listInvitations(tx: Tx, where: { regionCode: { startsWith: string } }) {
  return tx.invitation.findMany({ where, orderBy: { createdAt: 'desc' }, take: 200 })
}

export function findInvitation(tx: Tx, id: string) {
  return tx.invitation.findUnique({ where: { id } })
}

export function findInvitationByCodeHash(tx: Tx, codeHash: string) {
  return tx.invitation.findUnique({ where: { codeHash } })
}

/** Single use under concurrency: only one caller's conditional update matches. */
export async function claimInvitation(tx: Tx, id: string, userId: string, now: Date): Promise<boolean> {
  const { count } = await tx.invitation.updateMany({
    where: { id, redeemedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { redeemedAt: now, redeemedById: userId },
  })
  return count === 1
}

export async function revokeInvitation(tx: Tx, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.invitation.updateMany({ where: { id, redeemedAt: null, revokedAt: null }, data: { revokedAt: now } })
  return count === 1
}

export function createUser(tx: Tx, data: { displayName: string; username: string; passwordHash: string }) {
  return tx.user.create({ data, select: { id: true } })
}

export function findUser(tx: Tx, id: string) {
  return tx.user.findUnique({ where: { id }, select: { id: true, username: true } })
}

export function setCredentials(tx: Tx, id: string, data: { username: string; passwordHash: string; displayName?: string }) {
  return tx.user.update({ where: { id }, data })
}

/** Grants the role; an earlier, revoked grant of the same role and region comes back to life. */
export function grantRole(tx: Tx, userId: string, role: Role, regionCode: string) {
  return tx.roleAssignment.upsert({
    where: { userId_role_regionCode: { userId, role, regionCode } },
    create: { userId, role, regionCode },
    update: { revokedAt: null },
  })
}

export function regionNames(tx: Tx, codes: string[]) {
  return tx.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })
}

export function regionExists(tx: Tx, code: string) {
  return tx.region.count({ where: { code } }).then((n) => n > 0)
}
