import type { Role } from '@qstx/shared'
import type { Tx } from '../../db/prisma'

export function listDemoUsers(tx: Tx) {
  return tx.user.findMany({
    where: { username: { startsWith: 'demo.' }, disabledAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, username: true, displayName: true, roles: { where: { revokedAt: null }, take: 1, orderBy: { createdAt: 'asc' } } },
  })
}

export function findUserByUsername(tx: Tx, username: string) {
  return tx.user.findUnique({
    where: { username },
    select: { id: true, disabledAt: true, roles: { where: { revokedAt: null }, take: 1, orderBy: { createdAt: 'asc' } } },
  })
}

export function findAssignment(tx: Tx, role: Role, regionCode: string) {
  return tx.roleAssignment.findFirst({
    where: { role, regionCode, revokedAt: null, user: { disabledAt: null } },
    orderBy: { createdAt: 'asc' },
  })
}

export async function createUserWithRole(tx: Tx, displayName: string, role: Role, regionCode: string) {
  const user = await tx.user.create({ data: { displayName } })
  return tx.roleAssignment.create({ data: { userId: user.id, role, regionCode } })
}

export function regionNames(tx: Tx, codes: string[]) {
  return tx.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })
}
