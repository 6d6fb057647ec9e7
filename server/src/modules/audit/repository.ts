import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'

export async function listAudit(tx: Tx, where: Prisma.AuditLogWhereInput, sort: 'newest' | 'oldest', page: number, pageSize: number) {
  const dir = sort === 'newest' ? 'desc' : 'asc'
  const [rows, total] = await Promise.all([
    tx.auditLog.findMany({ where, orderBy: [{ at: dir }, { id: dir }], skip: (page - 1) * pageSize, take: pageSize }),
    tx.auditLog.count({ where }),
  ])
  return { rows, total }
}

export function userNames(tx: Tx, ids: string[]) {
  return tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })
}
