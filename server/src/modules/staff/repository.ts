import type { Tx } from '../../db/prisma'

export function listAssignments(tx: Tx, where: { regionCode: { startsWith: string } }) {
  return tx.roleAssignment.findMany({
    where: { ...where, revokedAt: null, role: { notIn: ['volunteer', 'group_leader'] } },
    orderBy: [{ regionCode: 'asc' }, { createdAt: 'asc' }],
    take: 500,
    select: { id: true, role: true, regionCode: true, createdAt: true, user: { select: { id: true, displayName: true, disabledAt: true } } },
  })
}

export function findAssignment(tx: Tx, id: string) {
  return tx.roleAssignment.findUnique({ where: { id } })
}

export function revokeAssignment(tx: Tx, id: string, at: Date) {
  return tx.roleAssignment.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } })
}

export function userRegions(tx: Tx, userId: string) {
  return tx.roleAssignment.findMany({ where: { userId }, select: { regionCode: true } })
}

export function disableUser(tx: Tx, id: string, at: Date) {
  return tx.user.updateMany({ where: { id, disabledAt: null }, data: { disabledAt: at } })
}

export function regionNames(tx: Tx, codes: string[]) {
  return tx.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })
}
