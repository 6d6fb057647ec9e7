import type { ActivityKind, CheckinStatus, Prisma, Role } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'

export function insertActivity(tx: Tx, data: {
  villageCode: string; heldOn: Date; kind: ActivityKind; title: string; place: string; organiser: string; content: string | null
  childrenReached: number; recordedById: string; recordedRole: Role; createdAt: Date
}) {
  return tx.activity.create({ data, select: { id: true } })
}

export const linkChildren = (tx: Tx, activityId: string, childIds: string[]) =>
  tx.activityChild.createMany({ data: childIds.map((childId) => ({ activityId, childId })) })

export const insertServices = (tx: Tx, activityId: string, services: Array<{ volunteerId: string; minutes: number }>) =>
  tx.activityService.createMany({ data: services.map((s) => ({ activityId, volunteerId: s.volunteerId, minutes: s.minutes })) })

export const openChildren = (tx: Tx, ids: string[]) =>
  tx.child.findMany({ where: { id: { in: ids }, closedAt: null }, select: { id: true, villageCode: true } })

export const volunteersByIds = (tx: Tx, ids: string[]) =>
  tx.volunteer.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, serviceRegionCode: true, teamId: true } })

/** Approved volunteers who may be named at an activity of `villageCode` (policy volunteerFits narrows further). */
export function volunteerCandidates(tx: Tx, where: Prisma.VolunteerWhereInput) {
  return tx.volunteer.findMany({
    where: { status: 'approved', ...where },
    select: { id: true, realName: true, status: true, serviceRegionCode: true, teamId: true, team: { select: { name: true } } },
    orderBy: [{ realName: 'asc' }, { id: 'asc' }],
    take: 500,
  })
}

const listWhere = (prefix: string, q: { year?: number | undefined; kind?: ActivityKind | undefined }): Prisma.ActivityWhereInput => ({
  villageCode: { startsWith: prefix },
  ...(q.kind ? { kind: q.kind } : {}),
  ...(q.year ? { heldOn: { gte: new Date(`${q.year}-01-01T00:00:00Z`), lte: new Date(`${q.year}-12-31T00:00:00Z`) } } : {}),
})

export async function page(tx: Tx, prefix: string, q: { year?: number | undefined; kind?: ActivityKind | undefined; page: number; pageSize: number }) {
  const where = listWhere(prefix, q)
  const [items, total] = await Promise.all([
    tx.activity.findMany({
      where, orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }], skip: (q.page - 1) * q.pageSize, take: q.pageSize,
      select: { id: true, villageCode: true, heldOn: true, kind: true, title: true, childrenReached: true, services: { select: { status: true } } },
    }),
    tx.activity.count({ where }),
  ])
  return { items, total }
}

export function findActivity(tx: Tx, id: string) {
  return tx.activity.findUnique({
    where: { id },
    include: {
      recordedBy: { select: { displayName: true } },
      children: { select: { child: { select: { id: true, name: true, villageCode: true } } } },
      services: { select: { id: true, minutes: true, status: true, decisionNote: true, points: true, volunteer: { select: { realName: true } } }, orderBy: { id: 'asc' } },
      photos: { select: { id: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
    },
  })
}

export const activityHead = (tx: Tx, id: string) => tx.activity.findUnique({ where: { id }, select: { id: true, villageCode: true, _count: { select: { photos: true } } } })

export const insertPhoto = (tx: Tx, data: { activityId: string; contentType: string; data: Uint8Array<ArrayBuffer>; byteSize: number; createdById: string; createdAt: Date }) =>
  tx.activityPhoto.create({ data, select: { id: true } })

export const findPhoto = (tx: Tx, activityId: string, id: string) =>
  tx.activityPhoto.findFirst({ where: { id, activityId }, select: { contentType: true, data: true } })

export function findService(tx: Tx, activityId: string, id: string) {
  return tx.activityService.findFirst({
    where: { id, activityId },
    select: { id: true, minutes: true, volunteer: { select: { userId: true } }, activity: { select: { villageCode: true, title: true } } },
  })
}

export async function decideIfPending(tx: Tx, id: string, data: { status: Exclude<CheckinStatus, 'pending'>; decidedAt: Date; decidedById: string; decisionNote: string | null; points: number | null }) {
  const { count } = await tx.activityService.updateMany({ where: { id, status: 'pending' }, data })
  return count === 1
}

/** A volunteer's service at activities by status, for their record page (checkins/reads.ts). */
export async function serviceTotals(tx: Tx, volunteerId: string) {
  const rows = await tx.activityService.groupBy({ by: ['status'], where: { volunteerId }, _count: { _all: true }, _sum: { minutes: true, points: true } })
  const of = (s: CheckinStatus) => rows.find((r) => r.status === s)
  return {
    minutes: of('confirmed')?._sum.minutes ?? 0,
    points: of('confirmed')?._sum.points ?? 0,
    confirmed: of('confirmed')?._count._all ?? 0,
    pending: of('pending')?._count._all ?? 0,
  }
}
