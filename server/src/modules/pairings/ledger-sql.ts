/**
 * The ledger page in two statements: the rows with their child, volunteer and team joined, and one
 * pass over the region that counts every state and the stale ones together. Through Prisma's
 * query API the same page took seven round trips (the rows, three relation look-ups, the total,
 * the counts per state, the stale count) — three of them counting a county's 20,000 pairings each.
 * The count pass reads only the (villageCode, state) INCLUDE (lastConfirmedContactAt, startDate)
 * index. Rows come back in the shape of repository.findPairing, so views.ts serves both.
 */
import { PAIRING_STATES, STALE_AFTER_DAYS, regionPrefix, type PairingListQuery, type PairingState } from '@qstx/shared'
import { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { pairingScopeSql } from './policy'
import type { PairingRow } from './repository'
import { addDays } from './views'

/** Stale: active, and the last confirmed contact (or the start date) 60 or more China calendar days back. */
function staleSql(today: string): Prisma.Sql {
  const cutoff = addDays(today, -STALE_AFTER_DAYS)
  const midnightAfter = new Date(Date.parse(`${addDays(cutoff, 1)}T00:00:00+08:00`))
  return Prisma.sql`(p.state = 'active' AND (p."lastConfirmedContactAt" < ${midnightAfter} OR (p."lastConfirmedContactAt" IS NULL AND p."startDate" <= ${cutoff}::date)))`
}

/** The caller's region (equality for a village, else a prefix) and the filters other than state and staleness. */
function baseSql(actor: ScopedActor, q: PairingListQuery): Prisma.Sql {
  const f: Prisma.Sql[] = [pairingScopeSql(actor)]
  if (q.regionCode) f.push(Prisma.sql`p."villageCode" LIKE ${`${regionPrefix(q.regionCode)}%`}`)
  if (q.volunteerId) f.push(Prisma.sql`p."volunteerId" = ${q.volunteerId}::uuid`)
  if (q.childId) f.push(Prisma.sql`p."childId" = ${q.childId}::uuid`)
  if (q.teamId) f.push(Prisma.sql`p."volunteerId" IN (SELECT id FROM "volunteers" WHERE "teamId" = ${q.teamId}::uuid)`)
  return Prisma.join(f, ' AND ')
}

interface FlatRow extends Omit<PairingRow, 'child' | 'volunteer'> {
  childName: string
  childDisplayName: string
  childClosedAt: Date | null
  volunteerUserId: string
  volunteerRealName: string | null
  volunteerKind: PairingRow['volunteer']['kind']
  volunteerWorkUnit: string | null
  teamId: string | null
  teamName: string | null
}

export async function ledgerPage(tx: Tx, actor: ScopedActor, q: PairingListQuery, today: string): Promise<PairingRow[]> {
  const where = [baseSql(actor, q), ...(q.state ? [Prisma.sql`p.state = ${q.state}::"PairingState"`] : []), ...(q.stale ? [staleSql(today)] : [])]
  const rows = await tx.$queryRaw<FlatRow[]>`
    SELECT p.id, p."childId", p."volunteerId", p."villageCode", p.state::text AS state, p."proposedAt", p."proposedById", p."acknowledgedAt",
      p."acknowledgedById", p."approvedAt", p."approvedById", p."startDate", p."pausedAt", p."pauseReason", p."expectedResumeDate", p."endedAt",
      p."endReason"::text AS "endReason", p."endNote", p."declinedAt", p."declineReason", p."stateChangedAt", p."lastConfirmedContactAt",
      c.name AS "childName", c."displayName" AS "childDisplayName", c."closedAt" AS "childClosedAt",
      v."userId" AS "volunteerUserId", v."realName" AS "volunteerRealName", v.kind::text AS "volunteerKind", v."workUnit" AS "volunteerWorkUnit",
      t.id AS "teamId", t.name AS "teamName"
    FROM "pairings" p
    JOIN "children" c ON c.id = p."childId"
    JOIN "volunteers" v ON v.id = p."volunteerId"
    LEFT JOIN "teams" t ON t.id = v."teamId"
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY p."stateChangedAt" DESC, p.id DESC
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`
  return rows.map(({ childName, childDisplayName, childClosedAt, volunteerUserId, volunteerRealName, volunteerKind, volunteerWorkUnit, teamId, teamName, ...p }) => ({
    ...p,
    child: { id: p.childId, name: childName, displayName: childDisplayName, villageCode: p.villageCode, closedAt: childClosedAt },
    volunteer: { id: p.volunteerId, userId: volunteerUserId, realName: volunteerRealName, kind: volunteerKind, workUnit: volunteerWorkUnit, team: teamId ? { id: teamId, name: teamName! } : null },
  }))
}

/** Counts per state and the stale count, in one pass, for the filters other than state and staleness. */
export async function ledgerCounts(tx: Tx, actor: ScopedActor, q: PairingListQuery, today: string) {
  const rows = await tx.$queryRaw<Array<{ state: PairingState; n: number; stale: number }>>`
    SELECT p.state::text AS state, count(*)::int AS n, (count(*) FILTER (WHERE ${staleSql(today)}))::int AS stale
    FROM "pairings" p WHERE ${baseSql(actor, q)} GROUP BY p.state`
  const counts = Object.fromEntries(PAIRING_STATES.map((s) => [s, rows.find((r) => r.state === s)?.n ?? 0])) as Record<PairingState, number>
  const staleCount = rows.reduce((sum, r) => sum + r.stale, 0)
  const inState = q.state ? counts[q.state] : Object.values(counts).reduce((a, b) => a + b, 0)
  // Stale pairings are active ones: with a state filter other than active, none are left.
  const total = q.stale ? (!q.state || q.state === 'active' ? staleCount : 0) : inState
  return { counts, staleCount, total }
}
