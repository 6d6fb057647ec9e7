import type { Tx } from '../../db/prisma'

const select = { code: true, name: true, level: true, parentCode: true } as const

export function findRegion(tx: Tx, code: string) {
  return tx.region.findUnique({ where: { code }, select })
}

export function listChildRegions(tx: Tx, parentCode: string) {
  return tx.region.findMany({ where: { parentCode }, select, orderBy: { code: 'asc' } })
}
