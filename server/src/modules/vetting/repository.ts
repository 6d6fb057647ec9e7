import { QUEUE_STATUSES, type QueueStatus, type VettingQueueQuery, type VolunteerKind } from '@qstx/shared'

type QueueSort = VettingQueueQuery['sort']
import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'

/** Rows the coordinator may see: inside the region and past the draft stage. */
export type QueueScope = { serviceRegionCode: { startsWith: string } }
export interface QueueFilter {
  kind?: VolunteerKind | undefined
  teamId?: string | undefined
}

const where = (scope: QueueScope, f: QueueFilter): Prisma.VolunteerWhereInput => ({
  ...scope,
  status: { in: [...QUEUE_STATUSES] },
  ...(f.kind ? { kind: f.kind } : {}),
  ...(f.teamId ? { teamId: f.teamId } : {}),
})

/** By default oldest first: whoever has waited longest is at the top. */
const QUEUE_ORDERS: Record<QueueSort, Prisma.VolunteerOrderByWithRelationInput[]> = {
  oldest: [{ submittedAt: 'asc' }, { id: 'asc' }],
  newest: [{ submittedAt: 'desc' }, { id: 'desc' }],
  name: [{ realName: 'asc' }, { id: 'asc' }],
}

export function listQueue(tx: Tx, scope: QueueScope, f: QueueFilter, status: QueueStatus, sort: QueueSort, skip: number, take: number) {
  return tx.volunteer.findMany({
    where: { ...where(scope, f), status },
    orderBy: QUEUE_ORDERS[sort],
    skip,
    take,
    include: { team: { select: { id: true, name: true } } },
  })
}

export function countByStatus(tx: Tx, scope: QueueScope, f: QueueFilter) {
  return tx.volunteer.groupBy({ by: ['status'], where: where(scope, f), _count: { _all: true } })
}

export function history(tx: Tx, volunteerId: string) {
  return tx.volunteerEvent.findMany({ where: { volunteerId }, orderBy: { id: 'asc' } })
}

export function userNames(tx: Tx, ids: string[]) {
  return tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })
}
