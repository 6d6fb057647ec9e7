import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'

export function findChildVillage(tx: Tx, childId: string) {
  return tx.child.findUnique({ where: { id: childId }, select: { villageCode: true, name: true } })
}

export function insertReport(tx: Tx, data: Prisma.SafeguardingReportUncheckedCreateInput) {
  return tx.safeguardingReport.create({ data })
}

export function insertEvent(tx: Tx, data: Prisma.SafeguardingEventUncheckedCreateInput) {
  return tx.safeguardingEvent.create({ data })
}

const withEvents = {
  events: { orderBy: { at: 'asc' }, include: { actor: { select: { displayName: true } } } },
  child: { select: { name: true } },
  reporter: { select: { displayName: true } },
} as const satisfies Prisma.SafeguardingReportInclude

export function findReport(tx: Tx, id: string) {
  return tx.safeguardingReport.findUnique({ where: { id }, include: withEvents })
}
export type ReportWithEvents = NonNullable<Awaited<ReturnType<typeof findReport>>>

export function listReports(tx: Tx, where: Prisma.SafeguardingReportWhereInput, take = 200) {
  return tx.safeguardingReport.findMany({ where, include: withEvents, orderBy: { createdAt: 'desc' }, take })
}

/** Reports nobody has acknowledged or closed yet: the escalation sweep's work list. */
export function listUnacknowledged(tx: Tx) {
  return tx.safeguardingReport.findMany({
    where: { events: { none: { type: { in: ['acknowledged', 'closed'] } } } },
    include: { events: { where: { type: 'escalated' }, select: { level: true } } },
  })
}

/** Live staff holding one of `roles` in any of `regionCodes`. */
export function findRecipients(tx: Tx, roles: Prisma.RoleAssignmentWhereInput['role'], regionCodes: string[]) {
  return tx.roleAssignment.findMany({
    where: { role: roles, regionCode: { in: regionCodes }, revokedAt: null, user: { disabledAt: null } },
    select: { userId: true },
    distinct: ['userId'],
  })
}

export function regionName(tx: Tx, code: string) {
  return tx.region.findUnique({ where: { code }, select: { name: true, level: true } })
}

export function regionNames(tx: Tx, codes: string[]) {
  return tx.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })
}
