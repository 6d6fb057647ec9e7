/**
 * The ledger page in one statement (ARCHITECTURE.md, "Hot paths"): the counts per state, the stale
 * count, and the page's rows with their child, volunteer, team and village name joined. Through
 * Prisma's query API the same page took seven round trips.
 *
 * The counts read no pairing: a trigger keeps each village's, township's and county's pairings per
 * state (pairing_counts) and its active pairings per day contact is counted from
 * (pairing_due_days), in the pairing's own transaction (migration 20261209010000_ledger_counts).
 * Counting the county's 20,000 pairings on each page took 9 of the statement's 10 ms. A page
 * narrowed to a volunteer, a child or a team counts its few pairings directly. Rows come back in
 * the shape of repository.findPairing (instants as text), so views.ts serves both.
 */
import { isWithinRegion, PAIRING_STATES, regionLevel, STALE_AFTER_DAYS, type PairingListQuery, type PairingState } from '@qstx/shared'
import { intLiteral, join, type Queryable, rows, sql, type Sql } from '../../db/sql'
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

/** An instant as text exactly as Date.prototype.toISOString writes it (UTC, milliseconds, Z). */
const isoText = (column: Sql) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** A page row as JSON in the shape rowView reads (views.ts PairingRowLike), with its village's name. */
type LedgerJsonRow = PairingRowLike & { villageName: string }
/** One row per page row, each also carrying the counts; a page past the end is one row with r null. */
type LedgerSqlRow = { r: LedgerJsonRow | null; counts: Partial<Record<PairingState, number>> | null; stale: number }

export interface LedgerPage {
  rows: PairingRowLike[]
  villageNames: Map<string, string>
  counts: Record<PairingState, number>
  staleCount: number
  total: number
}

export async function ledgerPage(db: Queryable, actor: ScopedActor, q: PairingListQuery, today: string): Promise<LedgerPage> {
  const base = baseSql(actor, q)
  const header = countsSql(actor, q, base, today)
  const where = join([base, ...(q.state ? [sql`p.state = ${q.state}::"PairingState"`] : []), ...(q.stale ? [staleSql(today)] : [])], ' AND ')
  // Each row comes back as one JSON value with its instants already as ISO text: parsing ten
  // timestamps a row into Dates only to write them out again was a fifth of the ledger's CPU.
  const found = await rows<LedgerSqlRow>(db, sql`
    WITH page AS (
      SELECT p."stateChangedAt" AS at, p.id, json_build_object(
        'id', p.id, 'childId', p."childId", 'volunteerId', p."volunteerId", 'villageCode', p."villageCode", 'state', p.state,
        'proposedAt', ${isoText(sql`p."proposedAt"`)}, 'proposedById', p."proposedById", 'acknowledgedAt', ${isoText(sql`p."acknowledgedAt"`)},
        'acknowledgedById', p."acknowledgedById", 'approvedAt', ${isoText(sql`p."approvedAt"`)}, 'approvedById', p."approvedById",
        'startDate', p."startDate"::text, 'pausedAt', ${isoText(sql`p."pausedAt"`)}, 'pauseReason', p."pauseReason",
        'expectedResumeDate', p."expectedResumeDate"::text, 'endedAt', ${isoText(sql`p."endedAt"`)}, 'endReason', p."endReason", 'endNote', p."endNote",
        'declinedAt', ${isoText(sql`p."declinedAt"`)}, 'declineReason', p."declineReason", 'stateChangedAt', ${isoText(sql`p."stateChangedAt"`)},
        'lastConfirmedContactAt', ${isoText(sql`p."lastConfirmedContactAt"`)},
        'child', json_build_object('id', c.id, 'name', c.name, 'displayName', c."displayName", 'villageCode', c."villageCode", 'closedAt', ${isoText(sql`c."closedAt"`)}),
        'volunteer', json_build_object('id', v.id, 'userId', v."userId", 'realName', v."realName", 'kind', v.kind, 'workUnit', v."workUnit",
          'team', CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END),
        'villageName', coalesce((SELECT r.name FROM regions r WHERE r.code = p."villageCode"), p."villageCode")) AS r
      FROM "pairings" p
      JOIN "children" c ON c.id = p."childId"
      JOIN "volunteers" v ON v.id = p."volunteerId"
      LEFT JOIN "teams" t ON t.id = v."teamId"
      WHERE ${where}
      ORDER BY p."stateChangedAt" DESC, p.id DESC
      LIMIT ${intLiteral(q.pageSize)} OFFSET ${intLiteral((q.page - 1) * q.pageSize)}
    )
    SELECT page.r, (${header.counts}) AS counts, (${header.stale}) AS stale
      FROM (SELECT 1) one LEFT JOIN page ON TRUE
     ORDER BY page.at DESC, page.id DESC`)

  const head = found[0]
  const counts = Object.fromEntries(PAIRING_STATES.map((s) => [s, head?.counts?.[s] ?? 0])) as Record<PairingState, number>
  const staleCount = head?.stale ?? 0
  const inState = q.state ? counts[q.state] : Object.values(counts).reduce((a, b) => a + b, 0)
  // Stale pairings are active ones: with a state filter other than active, none are left.
  const total = q.stale ? (!q.state || q.state === 'active' ? staleCount : 0) : inState
  const page = found.flatMap((f) => (f.r ? [f.r] : []))
  return {
    rows: page,
    villageNames: new Map(page.map((r) => [r.villageCode, r.villageName])),
    counts,
    staleCount,
    total,
  }
}
