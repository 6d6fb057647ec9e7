/**
 * THE SEAM for issue #8 (check-ins): confirmed love-parent check-ins, counted per pairing, per
 * month, per village, with their hours. Every figure of issue #10 that depends on check-ins — the
 * dashboards' check-ins per month, the pairing ledger's "confirmed visits" and hours, the annual
 * report's check-ins and platform-recorded hours — asks this one function, and nothing else.
 *
 * Only confirmed check-ins count (issue #8): confirmed in [from, to), the pairing's villageCode
 * LIKE prefix, the pairing ids when given. `available` stays in the shape for pages that say "not
 * yet recorded" rather than "none"; it is true now that the check-ins table exists.
 */
import type { Tx } from '../../db/prisma'
import { Prisma } from '../../generated/prisma/client'

export interface CheckinQuery {
  /** Region prefix (significant digits of a region code) the pairings' villages start with. */
  regionPrefix: string
  /** Confirmed at or after `from`, before `to`. */
  from: Date
  to: Date
  /** Only these pairings (the pairing ledger asks for the rows it writes). */
  pairingIds?: readonly string[]
}

export interface CheckinTally {
  count: number
  hours: number
}

export interface CheckinStats {
  /** False until the check-ins table exists: every figure below is then zero. */
  available: boolean
  total: CheckinTally
  byPairing: ReadonlyMap<string, CheckinTally & { lastConfirmedAt: Date | null }>
  /** Keyed 'YYYY-MM' (China calendar). */
  byMonth: ReadonlyMap<string, CheckinTally>
  /** Keyed by 12-digit village code. */
  byVillage: ReadonlyMap<string, CheckinTally>
}

export const NO_CHECKINS: CheckinTally = Object.freeze({ count: 0, hours: 0 })

interface TallyRow {
  pairingId: string | null
  villageCode: string | null
  month: string | null
  gPairing: number
  gVillage: number
  gMonth: number
  n: number
  minutes: number
  last: Date | null
}

const tally = (r: TallyRow): CheckinTally => ({ count: r.n, hours: Math.round((r.minutes / 60) * 10) / 10 })

/**
 * Issue #8's body: one grouped query (GROUPING SETS) over confirmed check-ins — confirmed (decidedAt)
 * in [from, to), the pairing's village under the prefix — giving the total and the tallies per
 * pairing, per China month of confirmation, and per village at once. `lastConfirmedAt` is the
 * latest confirmed contact (the visit's start), as pairings.lastConfirmedContactAt.
 */
export async function confirmedCheckins(tx: Tx, q: CheckinQuery): Promise<CheckinStats> {
  const only = q.pairingIds ? Prisma.sql`AND p.id = ANY(${[...q.pairingIds]}::uuid[])` : Prisma.empty
  const rows = await tx.$queryRaw<TallyRow[]>`
    SELECT p.id::text AS "pairingId", p."villageCode", to_char(c."decidedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
           GROUPING(p.id)::int AS "gPairing", GROUPING(p."villageCode")::int AS "gVillage",
           GROUPING(to_char(c."decidedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'))::int AS "gMonth",
           count(*)::int AS n, sum(c."durationMinutes")::int AS minutes, max(c."startedAt") AS last
      FROM checkins c JOIN pairings p ON p.id = c."pairingId"
     WHERE c.status = 'confirmed' AND c."decidedAt" >= ${q.from} AND c."decidedAt" < ${q.to}
       AND p."villageCode" LIKE ${`${q.regionPrefix}%`} ${only}
     GROUP BY GROUPING SETS ((p.id), (p."villageCode"), (to_char(c."decidedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')), ())`
  const total = rows.find((r) => r.gPairing && r.gVillage && r.gMonth)
  return {
    available: true,
    total: total ? tally(total) : NO_CHECKINS,
    byPairing: new Map(rows.filter((r) => !r.gPairing).map((r) => [r.pairingId!, { ...tally(r), lastConfirmedAt: r.last }])),
    byMonth: new Map(rows.filter((r) => !r.gMonth).map((r) => [r.month!, tally(r)])),
    byVillage: new Map(rows.filter((r) => !r.gVillage).map((r) => [r.villageCode!, tally(r)])),
  }
}
