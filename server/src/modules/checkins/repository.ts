/**
 * The check-ins table and what it needs of pairings, volunteers and users. Every function takes the
 * transaction client first; decisions go through `decideIfPending`, so of two concurrent decisions
 * on one check-in exactly one matches.
 */
import type { CheckinStatus } from '@qstx/shared'
import { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'
import { rows, sql, type Queryable, type Sql } from '../../db/sql'

export interface CheckinPairing {
  state: string
  startDate: string | null
  villageCode: string
  volunteerId: string
  userId: string
  openid: string | null
}

/** The pairing, its volunteer and the volunteer's WeChat openid: read with the key's claim (the hot path). */
export const pairingForCheckinSql = (pairingId: string) => sql`
  SELECT p.state::text AS state, p."startDate"::text AS "startDate", p."villageCode", v.id::text AS "volunteerId", v."userId"::text AS "userId", u.openid
    FROM pairings p JOIN volunteers v ON v.id = p."volunteerId" JOIN users u ON u.id = v."userId"
   WHERE p.id = ${pairingId}::uuid`

export type CheckinRow = Prisma.CheckinGetPayload<object>
export type NewCheckin = Omit<CheckinRow, 'status' | 'decidedAt' | 'decidedById' | 'decisionNote' | 'points'>

/** The row as the database will hold it once inserted (a new check-in is pending, undecided). */
export const pendingRow = (c: NewCheckin): CheckinRow => ({ ...c, status: 'pending', decidedAt: null, decidedById: null, decisionNote: null, points: null })

/**
 * Inserts the check-in in the same statement — so the same transaction — that completes its
 * idempotency key (`completion`, lib/idempotency.ts). False when the claim was no longer ours:
 * then neither was written.
 */
export async function insertCheckinCompleting(db: Queryable, c: NewCheckin, completion: Sql): Promise<boolean> {
  const inserted = await rows(db, sql`
    WITH completed AS (${completion})
    INSERT INTO checkins (id, "pairingId", "volunteerId", "startedAt", "durationMinutes", "contactMode", "serviceTypes", summary, "childMood",
                          "problemsFound", "measuresSuggested", latitude, longitude, worried, "secCheck", "secCheckLabel", "createdAt")
    SELECT ${c.id}::uuid, ${c.pairingId}::uuid, ${c.volunteerId}::uuid, ${c.startedAt}, ${c.durationMinutes}::smallint, ${c.contactMode},
           ${c.serviceTypes}::text[], ${c.summary}, ${c.childMood}, ${c.problemsFound}, ${c.measuresSuggested}, ${c.latitude}::float8,
           ${c.longitude}::float8, ${c.worried}, ${c.secCheck}::"SecCheckResult", ${c.secCheckLabel}::int, ${c.createdAt}
      FROM completed
    RETURNING id`)
  return inserted.length === 1
}

export const staffInclude = {
  pairing: { select: { villageCode: true, child: { select: { id: true, name: true } } } },
  volunteer: { select: { id: true, realName: true } },
} as const satisfies Prisma.CheckinInclude
export type StaffRow = Prisma.CheckinGetPayload<{ include: typeof staffInclude }>

export function findForDecision(tx: Tx, id: string) {
  return tx.checkin.findUnique({ where: { id }, include: { ...staffInclude, volunteer: { select: { id: true, realName: true, userId: true } } } })
}

export async function decideIfPending(tx: Tx, id: string, data: { status: Exclude<CheckinStatus, 'pending'>; decidedAt: Date; decidedById: string; decisionNote: string | null; points: number | null }) {
  const { count } = await tx.checkin.updateMany({ where: { id, status: 'pending' }, data })
  return count === 1
}

/** Check-ins of pairings whose child lives under `prefix` (a region code's significant digits). */
const inRegion = (prefix: string): Prisma.CheckinWhereInput => ({ pairing: { villageCode: { startsWith: prefix } } })

export async function staffPage(tx: Tx, where: Prisma.CheckinWhereInput, prefix: string, page: { page: number; pageSize: number; sort: 'oldest' | 'newest' }) {
  const scoped = { AND: [where, inRegion(prefix)] }
  const dir = page.sort === 'oldest' ? 'asc' : 'desc'
  const [items, total] = await Promise.all([
    tx.checkin.findMany({ where: scoped, include: staffInclude, orderBy: [{ createdAt: dir }, { id: dir }], skip: (page.page - 1) * page.pageSize, take: page.pageSize }),
    tx.checkin.count({ where: scoped }),
  ])
  return { items, total }
}

export function ofPairing(tx: Tx, pairingId: string) {
  return tx.checkin.findMany({ where: { pairingId }, include: staffInclude, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: 200 })
}

export function pairingHead(tx: Tx, id: string) {
  return tx.pairing.findUnique({ where: { id }, select: { id: true, state: true, villageCode: true, startDate: true, lastConfirmedContactAt: true } })
}

export function userNames(tx: Tx, ids: string[]) {
  return tx.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } })
}

// ── the volunteer's own ─────────────────────────────────────────────────────────────────────────

export function volunteerOfUser(tx: Tx, userId: string) {
  return tx.volunteer.findUnique({ where: { userId }, select: { id: true, realName: true, gender: true, kind: true, honourOptIn: true } })
}

export async function totalsOf(tx: Tx, volunteerId: string) {
  const rows = await tx.checkin.groupBy({ by: ['status'], where: { volunteerId }, _count: { _all: true }, _sum: { durationMinutes: true, points: true } })
  const of = (s: CheckinStatus) => rows.find((r) => r.status === s)
  return {
    minutes: of('confirmed')?._sum.durationMinutes ?? 0,
    points: of('confirmed')?._sum.points ?? 0,
    confirmed: of('confirmed')?._count._all ?? 0,
    pending: of('pending')?._count._all ?? 0,
    disputed: of('disputed')?._count._all ?? 0,
  }
}

/** The volunteer's own water-safety check-ins since `from` that were not disputed (their task in care/water-safety.ts). */
export function waterTalksOf(tx: Tx, volunteerId: string, from: Date) {
  return tx.checkin.findMany({
    where: { volunteerId, serviceTypes: { has: 'water_safety' }, status: { not: 'disputed' }, startedAt: { gte: from } },
    select: { pairingId: true, startedAt: true },
  })
}

export function recentOf(tx: Tx, volunteerId: string) {
  return tx.checkin.findMany({
    where: { volunteerId },
    include: { pairing: { select: { child: { select: { displayName: true } } } } },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: 100,
  })
}

export function activePairingsOf(tx: Tx, volunteerId: string) {
  return tx.pairing.findMany({
    where: { volunteerId, state: 'active' },
    select: { id: true, state: true, villageCode: true, startDate: true, lastConfirmedContactAt: true, child: { select: { displayName: true, nearWater: true } } },
    orderBy: { startDate: 'asc' },
  })
}

// ── cadence ─────────────────────────────────────────────────────────────────────────────────────

/** Distinct China dates with a confirmed contact before each pairing's first-month end. */
export async function firstPeriodContacts(tx: Tx, windows: Array<{ id: string; end: string }>): Promise<Map<string, number>> {
  if (windows.length === 0) return new Map()
  const rows = await tx.$queryRaw<Array<{ id: string; n: number }>>`
    SELECT f.id::text AS id, count(DISTINCT (c."startedAt" AT TIME ZONE 'Asia/Shanghai')::date)::int AS n
      FROM unnest(${windows.map((w) => w.id)}::uuid[], ${windows.map((w) => w.end)}::date[]) AS f(id, end_date)
      JOIN checkins c ON c."pairingId" = f.id AND c.status = 'confirmed' AND (c."startedAt" AT TIME ZONE 'Asia/Shanghai')::date < f.end_date
     GROUP BY f.id`
  return new Map(rows.map((r) => [r.id, r.n]))
}

// ── the honour board ────────────────────────────────────────────────────────────────────────────

export interface HonourRow {
  realName: string | null
  gender: 'male' | 'female' | null
  kind: string | null
  showFullName: boolean
  minutes: number
  points: number
  checkins: number
}

/** Opted-in, approved volunteers by points from confirmed check-ins in the region's villages. */
export function honourBoard(tx: Tx, prefix: string, window: { from: Date; to: Date } | null) {
  const from = window?.from ?? new Date(0)
  const to = window?.to ?? new Date('9999-01-01T00:00:00Z')
  return tx.$queryRaw<HonourRow[]>`
    SELECT v."realName", v.gender::text AS gender, v.kind::text AS kind, h."showFullName",
           sum(c."durationMinutes")::int AS minutes, coalesce(sum(c.points), 0)::float8 AS points, count(*)::int AS checkins
      FROM checkins c
      JOIN pairings p ON p.id = c."pairingId"
      JOIN volunteers v ON v.id = c."volunteerId"
      JOIN honour_opt_ins h ON h."volunteerId" = v.id
     WHERE c.status = 'confirmed' AND p."villageCode" LIKE ${`${prefix}%`} AND v.status = 'approved'
       AND c."startedAt" >= ${from} AND c."startedAt" < ${to}
     GROUP BY v.id, h."showFullName"
     ORDER BY points DESC, minutes DESC, v.id
     LIMIT 50`
}

export function optIn(tx: Tx, volunteerId: string, showFullName: boolean, at: Date) {
  return tx.honourOptIn.upsert({ where: { volunteerId }, create: { volunteerId, showFullName, optedInAt: at }, update: { showFullName } })
}

export function optOut(tx: Tx, volunteerId: string) {
  return tx.honourOptIn.deleteMany({ where: { volunteerId } })
}

export function regionName(tx: Tx, code: string) {
  return tx.region.findUnique({ where: { code }, select: { name: true } })
}
