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

const live = { state: { in: [...LIVE_PAIRING_STATES] } } satisfies Prisma.PairingWhereInput

/** True when this volunteer (user id) is in an active pairing with this child. */
export async function isActivelyPairedWith(tx: Tx, volunteerUserId: string, childId: string): Promise<boolean> {
  const n = await tx.pairing.count({ where: { childId, state: 'active', volunteer: { userId: volunteerUserId, status: 'approved' } } })
  return n > 0
}

/** 'paired' for each of these children with a live pairing, 'unpaired' for the rest (one query). */
export async function pairingStatusOf(tx: Tx, childIds: string[]): Promise<Map<string, 'unpaired' | 'paired'>> {
  const rows = childIds.length ? await tx.pairing.findMany({ where: { childId: { in: childIds }, ...live }, select: { childId: true } }) : []
  const paired = new Set(rows.map((r) => r.childId))
  return new Map(childIds.map((id) => [id, paired.has(id) ? 'paired' : 'unpaired']))
}

/** The list filter `paired`. */
export function pairedWhere(paired: boolean | undefined): Prisma.ChildWhereInput {
  if (paired === true) return { pairings: { some: live } }
  if (paired === false) return { pairings: { none: live } }
  return {}
}
