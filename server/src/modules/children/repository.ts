import type { ChildListQuery, HistoryKind } from '@qstx/shared'
import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'
import { empty, intLiteral, jsonRows, one, type Queryable, sql, type Sql } from '../../db/sql'
import { auditInsert, type AuditContext, type AuditEntry } from '../../lib/audit'
import type { GuardianWrite } from './columns'
import { childInclude } from './file'
import type { ChildFileRow, FieldChange } from './file'
import { livePairingColumn, livePairingSql } from './pairing'
import type { DeskRowSource } from './views'

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
  kind: HistoryKind
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

// ── the hot reads: one statement each (ARCHITECTURE.md, "Hot paths") ────────────────────────────
// The children table is aliased `c` throughout, so policy's scope (childScopeSql) and pairing.ts's
// conditions drop in as they are. Rows come back as JSON (db/sql.ts jsonRows); `date` columns are
// cast to text and enum arrays to text[] all the same, as the row types say.

/** The village's name beside the row (regions are reference data; the code when it is not loaded). */
const villageName = sql`coalesce((SELECT r.name FROM regions r WHERE r.code = c."villageCode"), c."villageCode") AS "villageName"`

const fileColumns = sql`c.id, c.version, c."villageCode", c.name, c."displayName", c.gender, c.ethnicity, c."birthDate"::text AS "birthDate",
  c."idNumberEnc", c."idNumberLast4", c."addressEnc", c."addressMasked", c."hukouType", c.categories::text[] AS categories, c."difficultyKinds"::text[] AS "difficultyKinds",
  c."singleParentFamily", c."schoolStage", c."schoolGrade", c."schoolName", c.boarding, c.guardianship, c."healthStatus", c."healthDetail", c."disabilityGrade",
  c."psychBehaviour", c.assistance, c."educationAid", c."medicalAid", c."otherAid", c."fatherStatus", c."fatherAwaySince"::text AS "fatherAwaySince",
  c."motherStatus", c."motherAwaySince"::text AS "motherAwaySince", c."incomePerCapita", c."familySubsidies", c."socialSupport", c."entrustedCarer",
  c."entrustedReason", c."entrustedCareQuality", c."entrustedCarerName", c."entrustedSince"::text AS "entrustedSince",
  c."entrustedAgreementOn"::text AS "entrustedAgreementOn", c."parentContactFrequency", c."parentContactModes", c."entrustedAssessedOn"::text AS "entrustedAssessedOn",
  c."entrustedFollowUp", c."careGiven", c."otherNotes", c."filedByName", c."filedAt"::text AS "filedAt", c."riskLevel",
  c."riskAssessedAt"::text AS "riskAssessedAt", c."riskAssessor", c."nearWater", c."specialAttention"::text[] AS "specialAttention",
  c."priorityReasons"::text[] AS "priorityReasons", c.interests, c.needs, c."serviceTips", c."directorWorkPhone", c."consentGivenBy", c."consentRelation",
  c."consentDate"::text AS "consentDate", c."consentMethod", c."closedAt", c."closedReason", c."closedNote", c."createdAt", c."updatedAt",
  (SELECT coalesce(json_agg(json_build_object('id', g.id, 'relation', g.relation, 'name', g.name, 'phoneEnc', g."phoneEnc", 'phoneMasked', g."phoneMasked", 'healthy', g.healthy,
     'healthDetail', g."healthDetail", 'occupation', g.occupation) ORDER BY g.ordinal), '[]') FROM child_guardians g WHERE g."childId" = c.id) AS guardians`

/** The village's child director (the longest-serving one still active), for the volunteer's card. */
const directorName = sql`(SELECT u."displayName" FROM role_assignments ra JOIN users u ON u.id = ra."userId"
  WHERE ra.role = 'child_director' AND ra."regionCode" = c."villageCode" AND ra."revokedAt" IS NULL AND u."disabledAt" IS NULL
  ORDER BY ra."createdAt" LIMIT 1) AS "directorName"`

export type FileSqlRow = ChildFileRow & { villageName: string; paired: boolean; directorName?: string | null }

/**
 * One file with its guardians, village name and pairing status, and its audit row written by the
 * same statement — only when the file is found under `where`, so a file is never served without
 * its audit row and a miss (or a file out of reach) writes none.
 */
export async function readFile(db: Queryable, o: { id: string; where: Sql; audit: [AuditContext, AuditEntry]; withDirector?: boolean }) {
  // The row as one JSON value, as jsonRows (db/sql.ts) sends rows — written out here, because a
  // data-modifying WITH (the audit row) may only stand at the top of a statement.
  const found = await one<{ file: FileSqlRow }>(db, sql`WITH file AS (
      SELECT ${fileColumns}, ${villageName}, ${livePairingSql} AS paired${o.withDirector ? sql`, ${directorName}` : empty}
        FROM children c WHERE c.id = ${o.id}::uuid AND ${o.where}),
    audit AS (${auditInsert(...o.audit, sql`EXISTS (SELECT 1 FROM file)`)})
    SELECT to_json(f) AS file FROM file f`)
  return found?.file
}

/** Without the village's name: the list takes it from the process's region names (regionNames), which saved a tenth of its statement. */
export type DeskSqlRow = DeskRowSource & { paired: boolean }

/**
 * The desk table's orders (ChildListQuery.sort), each ending in the id so a page is stable. Written
 * out per key, never built from the request: only these texts reach the database. The CTE sees the
 * `children` columns and the outer query the same names from `hits` (birthDate as text sorts alike).
 */
const DESK_ORDERS: Record<ChildListQuery['sort'], Sql> = {
  name: sql`c.name, c.id`,
  '-name': sql`c.name DESC, c.id DESC`,
  age: sql`c."birthDate" DESC, c.name, c.id`,
  '-age': sql`c."birthDate", c.name, c.id`,
  village: sql`c."villageCode", c.name, c.id`,
  '-village': sql`c."villageCode" DESC, c.name, c.id`,
}

export interface DeskQuery {
  /** The scope and the filters, as the indexes answer them best. */
  where: Sql
  /** The same rows, written for reading the county's (name) index in order (reads.ts listFilters). */
  walk: Sql
  sort: ChildListQuery['sort']
  page: number
  pageSize: number
  countUpTo: number
  /** false when the filters' values decide the plan (reads.ts listFilters). */
  prepared: boolean
  /**
   * What the same filters matched a moment ago (reads.ts): 'broad' — at least `countUpTo`, so the
   * page is read by the walk and not counted; 'narrow' — fewer, so the matches are gathered and
   * sorted without the walk's branch (a village's list: an eighth of the statement's time went to
   * the branch that never runs), and read again the general way should they now reach `countUpTo`.
   */
  known?: 'broad' | 'narrow'
}

const NAME_ORDERS: ReadonlySet<ChildListQuery['sort']> = new Set(['name', '-name'])

/**
 * A page of the desk list and the number of matches up to `countUpTo`, in one statement; a page past
 * the end still answers the count (the LEFT JOIN), with no rows. The matches are first found by the
 * indexes (`m`, at most `countUpTo`, with their sort keys: for a region alone an index-only scan).
 * When there are fewer, their ids are sorted and only the page's files are read; when there
 * are more (a broad filter over a county), the page is read by walking the county's (name) index
 * and testing each file — about pageSize / share rows, where sorting every match would read
 * thousands: the planner cannot see that choice itself, since it estimates the county-tagged GIN
 * tokens as independent and expects a handful of matches (9,267 found where 18 were expected, on
 * the province dataset). Only the branch the count chose runs (an InitPlan filter).
 */
export async function deskPage(db: Queryable, d: DeskQuery) {
  const order = DESK_ORDERS[d.sort]
  const columns = sql`c.id, c.name, c.gender, c."birthDate"::text AS "birthDate", c."idNumberLast4", c."villageCode", c.categories::text[] AS categories,
             c."difficultyKinds"::text[] AS "difficultyKinds", c."riskLevel", c."nearWater", c."specialAttention"::text[] AS "specialAttention",
             c."priorityReasons"::text[] AS "priorityReasons", c.needs, c.interests, c."consentGivenBy", c."consentDate"::text AS "consentDate", c."closedAt"`
  const window = sql`ORDER BY ${order} LIMIT ${intLiteral(d.pageSize)} OFFSET ${intLiteral((d.page - 1) * d.pageSize)}`
  // Other orders have no county index to walk: the broad case sorts every match, as the few case does.
  const broad = NAME_ORDERS.has(d.sort) ? d.walk : d.where
  if (d.known === 'broad') {
    const page = await jsonRows<DeskSqlRow>(db, sql`SELECT c.*, ${livePairingColumn} AS paired
      FROM (SELECT ${columns} FROM children c WHERE ${broad} ${window}) c ORDER BY ${order}`, { prepared: d.prepared })
    return { rows: page, total: d.countUpTo }
  }
  const matches = sql`m AS MATERIALIZED (SELECT c.id, c.name, c."birthDate", c."villageCode" FROM children c WHERE ${d.where} LIMIT ${intLiteral(d.countUpTo)})`
  if (d.known === 'narrow') {
    const found = await jsonRows<DeskSqlRow & { total: number }>(db, sql`WITH ${matches}
      SELECT ${columns}, ${livePairingColumn} AS paired, (SELECT count(*)::int FROM m) AS total
        FROM children c WHERE c.id IN (SELECT c.id FROM m c ${window}) ORDER BY ${order}`, { prepared: d.prepared })
    const total = found[0]?.total
    // No row: a page past the end, or no match at all (now). Either way the general statement says which.
    if (total !== undefined && total < d.countUpTo) return { rows: found, total }
    return deskPage(db, { ...d, known: undefined })
  }
  const found = await jsonRows<DeskSqlRow & { total: number }>(db, sql`WITH ${matches},
         n AS (SELECT count(*)::int AS total FROM m),
         hits AS ((SELECT ${columns} FROM children c WHERE c.id IN (SELECT c.id FROM m c ${window}) AND (SELECT total FROM n) < ${intLiteral(d.countUpTo)} ORDER BY ${order})
                  UNION ALL
                  (SELECT ${columns} FROM children c WHERE (SELECT total FROM n) >= ${intLiteral(d.countUpTo)} AND ${broad} ${window}))
    SELECT c.*, ${livePairingColumn} AS paired, n.total
      FROM n LEFT JOIN hits c ON TRUE
     ORDER BY ${order}`, { prepared: d.prepared })
  return { rows: found.filter((r) => r.id !== null), total: found[0]?.total ?? 0 }
}
