/**
 * The ledger page in one statement (ARCHITECTURE.md, "Hot paths"): the counts per state, the stale
 * count, and the page's rows with their child, volunteer and team joined. Through Prisma's query
 * API the same page took seven round trips.
 *
 * The counts read no pairing: a trigger keeps each village's, township's and county's pairings per
 * state (pairing_counts) and its active pairings per day contact is counted from
 * (pairing_due_days), in the pairing's own transaction (migration 20261209010000_ledger_counts).
 * Counting the county's 20,000 pairings on each page took 9 of the statement's 10 ms. A page
 * narrowed to a volunteer, a child or a team counts its few pairings directly. Rows come back in
 * the shape views.ts rowView reads (instants as ISO text); the village's name comes from the
 * process's region names (children/repository.ts regionNames), not from a subquery per row.
 */
import { isWithinRegion, PAIRING_STATES, regionLevel, STALE_AFTER_DAYS, type PairingListQuery, type PairingState } from '@qstx/shared'
import { intLiteral, isoInstant, join, type Queryable, rows, sql, type Sql, utcText } from '../../db/sql'
import type { ScopedActor } from '../../lib/actor'
import { digitsLiteral, withinRegionSql } from '../../lib/policy'
import { pairingScopeSql } from './policy'
import { addDays, type PairingRowLike } from './views'

/** Stale: active, and the last confirmed contact (or the start date) 60 or more China calendar days back. */
function staleSql(today: string): Sql {
  const cutoff = addDays(today, -STALE_AFTER_DAYS)
  const midnightAfter = new Date(Date.parse(`${addDays(cutoff, 1)}T00:00:00+08:00`))
  return sql`(p.state = 'active' AND (p."lastConfirmedContactAt" < ${midnightAfter} OR (p."lastConfirmedContactAt" IS NULL AND p."startDate" <= ${cutoff}::date)))`
}

/** The caller's region (policy) and the filters other than state and staleness. */
function baseSql(actor: ScopedActor, q: PairingListQuery): Sql {
  const f: Sql[] = [pairingScopeSql(actor)]
  if (q.regionCode) f.push(withinRegionSql(sql`p."villageCode"`, q.regionCode))
  if (q.volunteerId) f.push(sql`p."volunteerId" = ${q.volunteerId}::uuid`)
  if (q.childId) f.push(sql`p."childId" = ${q.childId}::uuid`)
  if (q.teamId) f.push(sql`p."volunteerId" IN (SELECT id FROM "volunteers" WHERE "teamId" = ${q.teamId}::uuid)`)
  return join(f, ' AND ')
}

/**
 * The counts per state ({state: n}) and the stale count. Over a region, from the trigger's tables:
 * the region the page shows is the caller's, or the narrower one asked for (none when the two do
 * not overlap). A village, township or county has rows of its own; a city or province sums its
 * counties'. Narrowed to a volunteer, a child or a team, from those pairings themselves.
 */
function countsSql(actor: ScopedActor, q: PairingListQuery, base: Sql, today: string): { counts: Sql; stale: Sql } {
  if (q.volunteerId || q.childId || q.teamId) {
    return {
      counts: sql`SELECT json_object_agg(s.state, s.n) FROM (SELECT p.state::text AS state, count(*)::int AS n FROM "pairings" p WHERE ${base} GROUP BY p.state) s`,
      stale: sql`SELECT count(*)::int FROM "pairings" p WHERE ${base} AND ${staleSql(today)}`,
    }
  }
  const region = !q.regionCode || isWithinRegion(actor.regionCode, q.regionCode) ? actor.regionCode : isWithinRegion(q.regionCode, actor.regionCode) ? q.regionCode : null
  if (!region) return { counts: sql`SELECT NULL::json`, stale: sql`SELECT 0` }
  const level = regionLevel(region)
  const rowsOf = level === 'city' || level === 'province'
    ? sql`${withinRegionSql(sql`x."regionCode"`, region)} AND right(x."regionCode", 6) = '000000'`
    : sql`x."regionCode" = ${digitsLiteral(region)}`
  return {
    counts: sql`SELECT json_object_agg(s.state, s.n) FROM (SELECT x.state::text AS state, sum(x.n)::int AS n FROM "pairing_counts" x WHERE ${rowsOf} GROUP BY x.state) s`,
    stale: sql`SELECT coalesce(sum(x.n), 0)::int FROM "pairing_due_days" x WHERE ${rowsOf} AND x.day <= ${addDays(today, -STALE_AFTER_DAYS)}::date`,
  }
}

/**
 * A page row: the columns rowView reads (views.ts PairingRowLike), flat, instants as UTC text
 * (db/sql.ts utcText), calendar dates as text. Building each row as JSON in SQL instead
 * (json_build_object, to_char for every instant) was two thirds of the statement: pgbench, the
 * same page, 3,000 against 9,400 a second. Every row also carries the counts; a page past the end
 * is one row whose page columns are all null.
 */
type LedgerSqlRow = {
  id: string | null
  state: PairingState
  villageCode: string
  endReason: PairingRowLike['endReason']
  childId: string
  childName: string
  volunteerId: string
  realName: string
  kind: PairingRowLike['volunteer']['kind']
  workUnit: string | null
  teamId: string | null
  teamName: string | null
  proposedAt: string
  acknowledgedAt: string | null
  approvedAt: string | null
  startDate: string | null
  pausedAt: string | null
  expectedResumeDate: string | null
  endedAt: string | null
  declinedAt: string | null
  stateChangedAt: string
  lastConfirmedContactAt: string | null
  counts: Partial<Record<PairingState, number>> | null
  stale: number
}

function rowLike(r: LedgerSqlRow): PairingRowLike {
  return {
    id: r.id!,
    state: r.state,
    villageCode: r.villageCode,
    endReason: r.endReason,
    child: { id: r.childId, name: r.childName },
    volunteer: { id: r.volunteerId, realName: r.realName, kind: r.kind, workUnit: r.workUnit, team: r.teamId ? { id: r.teamId, name: r.teamName! } : null },
    proposedAt: isoInstant(r.proposedAt),
    acknowledgedAt: isoInstant(r.acknowledgedAt),
    approvedAt: isoInstant(r.approvedAt),
    startDate: r.startDate,
    pausedAt: isoInstant(r.pausedAt),
    expectedResumeDate: r.expectedResumeDate,
    endedAt: isoInstant(r.endedAt),
    declinedAt: isoInstant(r.declinedAt),
    stateChangedAt: isoInstant(r.stateChangedAt),
    lastConfirmedContactAt: isoInstant(r.lastConfirmedContactAt),
  }
}

export interface LedgerPage {
  rows: PairingRowLike[]
  counts: Record<PairingState, number>
  staleCount: number
  total: number
}

export async function ledgerPage(db: Queryable, actor: ScopedActor, q: PairingListQuery, today: string): Promise<LedgerPage> {
  const base = baseSql(actor, q)
  const header = countsSql(actor, q, base, today)
  const where = join([base, ...(q.state ? [sql`p.state = ${q.state}::"PairingState"`] : []), ...(q.stale ? [staleSql(today)] : [])], ' AND ')
  // "at" keeps the page's order at full precision for the outer ORDER BY; node-postgres parses no
  // column of a row but that number (instants and dates are text, enums too).
  const found = await rows<LedgerSqlRow>(db, sql`
    WITH page AS (
      SELECT date_part('epoch', p."stateChangedAt") AS at, p.id, p.state, p."villageCode", p."endReason",
        p."childId", c.name AS "childName", p."volunteerId", v."realName", v.kind, v."workUnit", t.id AS "teamId", t.name AS "teamName",
        ${utcText(sql`p."proposedAt"`)} AS "proposedAt", ${utcText(sql`p."acknowledgedAt"`)} AS "acknowledgedAt", ${utcText(sql`p."approvedAt"`)} AS "approvedAt",
        p."startDate"::text AS "startDate", ${utcText(sql`p."pausedAt"`)} AS "pausedAt", p."expectedResumeDate"::text AS "expectedResumeDate",
        ${utcText(sql`p."endedAt"`)} AS "endedAt", ${utcText(sql`p."declinedAt"`)} AS "declinedAt", ${utcText(sql`p."stateChangedAt"`)} AS "stateChangedAt",
        ${utcText(sql`p."lastConfirmedContactAt"`)} AS "lastConfirmedContactAt"
      FROM "pairings" p
      JOIN "children" c ON c.id = p."childId"
      JOIN "volunteers" v ON v.id = p."volunteerId"
      LEFT JOIN "teams" t ON t.id = v."teamId"
      WHERE ${where}
      ORDER BY p."stateChangedAt" DESC, p.id DESC
      LIMIT ${intLiteral(q.pageSize)} OFFSET ${intLiteral((q.page - 1) * q.pageSize)}
    )
    SELECT page.*, (${header.counts}) AS counts, (${header.stale}) AS stale
      FROM (SELECT 1) one LEFT JOIN page ON TRUE
     ORDER BY page.at DESC, page.id DESC`)

  const head = found[0]
  const counts = Object.fromEntries(PAIRING_STATES.map((s) => [s, head?.counts?.[s] ?? 0])) as Record<PairingState, number>
  const staleCount = head?.stale ?? 0
  const inState = q.state ? counts[q.state] : Object.values(counts).reduce((a, b) => a + b, 0)
  // Stale pairings are active ones: with a state filter other than active, none are left.
  const total = q.stale ? (!q.state || q.state === 'active' ? staleCount : 0) : inState
  return {
    rows: found.flatMap((f) => (f.id ? [rowLike(f)] : [])),
    counts,
    staleCount,
    total,
  }
}
