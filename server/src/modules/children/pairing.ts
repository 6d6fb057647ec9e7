/**
 * The one seam between children's files and pairings. Pairings do not exist yet (issue #7 builds
 * them): there is no pairing table, so no volunteer is actively paired with any child, every file
 * is "unpaired", and the list's `paired=true` filter matches nothing. #7 replaces the bodies of
 * these functions — and only these — with queries on its table; every caller already goes
 * through them.
 */
import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'

/** True when this volunteer (user id) is in an active pairing with this child. */
export async function isActivelyPairedWith(_tx: Tx, _volunteerUserId: string, _childId: string): Promise<boolean> {
  return false // no pairing table exists before issue #7
}

export function pairingStatusOf(_childId: string): 'unpaired' | 'paired' {
  return 'unpaired' // no pairing table exists before issue #7
}

/** The list filter `paired`: none are paired yet, so `paired=true` selects no rows. */
export function pairedWhere(paired: boolean | undefined): Prisma.ChildWhereInput {
  if (paired === true) return { id: { in: [] } }
  return {}
}
