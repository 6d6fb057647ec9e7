/**
 * The one seam between children's files and pairings (issue #7 filled the bodies; every caller in
 * this module goes through these functions). "Paired" means a live pairing — proposed,
 * acknowledged, active or paused — the same rule as the database's one-live-pairing-per-child
 * index: a child with a proposal under way is taken, not waiting for a love parent. The card is
 * stricter: only an active pairing with a volunteer who is still approved opens it.
 */
import { LIVE_PAIRING_STATES } from '@qstx/shared'
import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'
import { raw, sql } from '../../db/sql'

const live = { state: { in: [...LIVE_PAIRING_STATES] } } satisfies Prisma.PairingWhereInput

/** 'paired' for each of these children with a live pairing, 'unpaired' for the rest (one query). */
export async function pairingStatusOf(tx: Tx, childIds: string[]): Promise<Map<string, 'unpaired' | 'paired'>> {
  const rows = childIds.length ? await tx.pairing.findMany({ where: { childId: { in: childIds }, ...live }, select: { childId: true } }) : []
  const paired = new Set(rows.map((r) => r.childId))
  return new Map(childIds.map((id) => [id, paired.has(id) ? 'paired' : 'unpaired']))
}

/**
 * The same rule for the module's SQL (children aliased `c`): true when the child has a live pairing.
 * The states are written into the text, as the one-live-pairing index's predicate is, so PostgreSQL
 * answers from that small unique index instead of reading each of the child's pairings.
 */
const liveStates = raw(LIVE_PAIRING_STATES.map((s) => `'${s}'`).join(', '))
const liveOfC = sql`p."childId" = c.id AND p.state IN (${liveStates})`
export const livePairingSql = sql`EXISTS (SELECT 1 FROM pairings p WHERE ${liveOfC})`
/**
 * The same test for a page's column: one index probe per row shown. Written as a scalar subquery
 * because PostgreSQL may run an EXISTS column as one hashed pass over every pairing instead, when it
 * expects many rows.
 */
export const livePairingColumn = sql`(SELECT true FROM pairings p WHERE ${liveOfC} LIMIT 1) IS NOT NULL`

/** True when this volunteer (user id) is in an active pairing with the child `c`, and still approved. */
export function activelyPairedWithSql(volunteerUserId: string) {
  return sql`EXISTS (SELECT 1 FROM pairings p JOIN volunteers v ON v.id = p."volunteerId"
    WHERE p."childId" = c.id AND p.state = 'active' AND v."userId" = ${volunteerUserId}::uuid AND v.status = 'approved')`
}
