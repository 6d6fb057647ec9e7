import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'
import type { GuardianWrite } from './columns'
import { childInclude } from './file'
import type { FieldChange } from './file'

type Scope = { villageCode: { startsWith: string } }

export function findChild(tx: Tx, id: string) {
  return tx.child.findUnique({ where: { id }, include: childInclude })
}

/** The few columns a check needs before deciding anything. */
export function findChildHead(tx: Tx, id: string) {
  return tx.child.findUnique({ where: { id }, select: { id: true, villageCode: true, version: true, closedAt: true, idNumberIndex: true, idNumberLast4: true, name: true } })
}

export function findChildByIdIndex(tx: Tx, idNumberIndex: string) {
  return tx.child.findUnique({ where: { idNumberIndex }, select: { id: true, villageCode: true, idNumberLast4: true } })
}

/** Locks the file's row until the transaction ends: transfers and edits of one child queue up. */
export async function lockChild(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "children" WHERE "id" = ${id}::uuid FOR UPDATE`
}

export function insertChild(tx: Tx, data: Prisma.ChildUncheckedCreateInput) {
  return tx.child.create({ data, select: { id: true } })
}

/** Optimistic concurrency: only an edit made on the current version applies. */
export async function updateChild(tx: Tx, id: string, version: number, data: Prisma.ChildUncheckedUpdateInput): Promise<boolean> {
  const { count } = await tx.child.updateMany({ where: { id, version, closedAt: null }, data: { ...data, version: { increment: 1 } } })
  return count === 1
}

export async function replaceGuardians(tx: Tx, childId: string, guardians: GuardianWrite[]): Promise<void> {
  await tx.childGuardian.deleteMany({ where: { childId } })
  if (guardians.length) await tx.childGuardian.createMany({ data: guardians.map((g) => ({ ...g, childId })) })
}

export function closeChild(tx: Tx, id: string, data: { closedAt: Date; closedReason: Prisma.ChildUncheckedUpdateInput['closedReason']; closedNote: string | null }) {
  return tx.child.updateMany({ where: { id, closedAt: null }, data: { ...data, updatedAt: data.closedAt, version: { increment: 1 } } }).then((r) => r.count === 1)
}

/** The file changes village; the work phone on it was the old director's, so it is cleared for the new one to fill in. */
export function moveChild(tx: Tx, id: string, from: string, to: string, at: Date) {
  return tx.child
    .updateMany({ where: { id, villageCode: from }, data: { villageCode: to, directorWorkPhone: null, updatedAt: at, version: { increment: 1 } } })
    .then((r) => r.count === 1)
}

export interface HistoryWrite {
  childId: string
  at: Date
  kind: 'created' | 'updated' | 'transferred' | 'closed' | 'year_completed' | 'year_archived'
  actorUserId: string | null
  actorName: string | null
  changes?: FieldChange[]
  fromVillageCode?: string
  toVillageCode?: string
  year?: number
  note?: string | null
}

export function insertHistory(tx: Tx, rows: HistoryWrite[]) {
  return tx.childHistory.createMany({ data: rows.map((r) => ({ ...r, changes: (r.changes ?? []) as unknown as Prisma.InputJsonValue })) })
}

export function listHistory(tx: Tx, childId: string) {
  return tx.childHistory.findMany({ where: { childId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 500 })
}

export const deskSelect = {
  id: true, name: true, gender: true, birthDate: true, idNumberLast4: true, villageCode: true, categories: true,
  difficultyKinds: true, riskLevel: true, nearWater: true, specialAttention: true, priorityReasons: true,
  needs: true, interests: true, consentGivenBy: true, consentDate: true, closedAt: true,
} as const satisfies Prisma.ChildSelect

/** A page of the desk list; `scope` (the actor's region) is required, filters narrow it; counts stop at `countUpTo`. */
export async function listChildren(tx: Tx, scope: Scope, filters: Prisma.ChildWhereInput, page: number, pageSize: number, countUpTo: number) {
  const where: Prisma.ChildWhereInput = { AND: [scope, filters] }
  const [rows, total] = await Promise.all([
    tx.child.findMany({ where, select: deskSelect, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip: (page - 1) * pageSize, take: pageSize }),
    tx.child.count({ where, take: countUpTo }),
  ])
  return { rows, total }
}

/** Active files of one village that existed during `year` (for the hand-over). */
export function villageChildrenOfYear(tx: Tx, villageCode: string, yearStart: Date, yearEnd: Date) {
  return tx.child.findMany({
    where: { villageCode, createdAt: { lt: yearEnd }, OR: [{ closedAt: null }, { closedAt: { gte: yearStart } }] },
    include: childInclude,
    orderBy: { id: 'asc' },
  })
}

// ── yearly records ─────────────────────────────────────────────────────────────────────────────

export function findYearRecord(tx: Tx, childId: string, year: number) {
  return tx.childYearRecord.findUnique({ where: { childId_year: { childId, year } } })
}

export function listYearRecords(tx: Tx, childId: string) {
  return tx.childYearRecord.findMany({ where: { childId }, orderBy: { year: 'desc' }, select: { year: true, villageCode: true, completedAt: true, archivedAt: true } })
}

export function yearRecordsOf(tx: Tx, childIds: string[], year: number) {
  return tx.childYearRecord.findMany({ where: { childId: { in: childIds }, year }, select: { childId: true, completedAt: true, archivedAt: true } })
}

export function upsertYearRecord(tx: Tx, childId: string, year: number, data: { villageCode: string; snapshot: Prisma.InputJsonValue; completedAt?: Date | null; completedById?: string | null; archivedAt?: Date | null; archivedById?: string | null }) {
  return tx.childYearRecord.upsert({ where: { childId_year: { childId, year } }, create: { childId, year, ...data }, update: data })
}

/** Freezes completed records of the year as they are; only rows not yet archived change. */
export function archiveCompleted(tx: Tx, childIds: string[], year: number, at: Date, by: string) {
  return tx.childYearRecord.updateMany({ where: { childId: { in: childIds }, year, archivedAt: null, completedAt: { not: null } }, data: { archivedAt: at, archivedById: by } })
}

// ── transfers ──────────────────────────────────────────────────────────────────────────────────

export function pendingTransferOf(tx: Tx, childId: string) {
  return tx.childTransfer.findFirst({ where: { childId, status: 'pending' }, select: { id: true } })
}

export function insertTransfer(tx: Tx, data: Prisma.ChildTransferUncheckedCreateInput) {
  return tx.childTransfer.create({ data })
}

export function findTransfer(tx: Tx, id: string) {
  return tx.childTransfer.findUnique({ where: { id }, include: { child: { select: { id: true, name: true, villageCode: true, idNumberLast4: true } } } })
}

/** Transfers touching the actor's region on either side (held here, or asked for here). */
export function listTransfers(tx: Tx, prefix: string) {
  return tx.childTransfer.findMany({
    where: { OR: [{ fromVillageCode: { startsWith: prefix } }, { toVillageCode: { startsWith: prefix } }] },
    include: { child: { select: { id: true, name: true, villageCode: true, idNumberLast4: true } } },
    orderBy: { requestedAt: 'desc' },
    take: 200,
  })
}

/** Decides a pending transfer; false when someone else decided (or cancelled) it first. */
export function decideTransfer(tx: Tx, id: string, data: { status: 'accepted' | 'declined' | 'cancelled'; decidedById: string; decidedAt: Date; declineReason?: string | null }) {
  return tx.childTransfer.updateMany({ where: { id, status: 'pending' }, data }).then((r) => r.count === 1)
}

// ── names ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Region names are reference data loaded from the national table and never edited at run time,
 * so they are remembered per process: a file read should not pay a query for its village's name.
 */
const regionNameCache = new Map<string, string>()
export async function regionNames(tx: Tx, codes: string[]): Promise<Map<string, string>> {
  const missing = [...new Set(codes)].filter((c) => !regionNameCache.has(c))
  if (missing.length) {
    const rows = await tx.region.findMany({ where: { code: { in: missing } }, select: { code: true, name: true } })
    if (regionNameCache.size > 50_000) regionNameCache.clear()
    for (const r of rows) regionNameCache.set(r.code, r.name)
  }
  return new Map(codes.map((c) => [c, regionNameCache.get(c) ?? c]))
}

export function villageDirectorName(tx: Tx, villageCode: string) {
  return tx.roleAssignment
    .findFirst({ where: { role: 'child_director', regionCode: villageCode, revokedAt: null, user: { disabledAt: null } }, orderBy: { createdAt: 'asc' }, select: { user: { select: { displayName: true } } } })
    .then((r) => r?.user.displayName ?? null)
}
