/**
 * THE SEAM for issue #8 (check-ins): when a child director confirms a volunteer's check-in, call
 * `recordConfirmedContact` in the same transaction. It is the only writer of
 * `pairings.lastConfirmedContactAt`, which drives the "stale" flag (ledger-sql.ts staleSql: active and
 * no confirmed contact for 60 days, counted from the start date until the first one). The visit
 * itself is #8's own ledger, so no pairing event is written here.
 */
import type { Tx } from '../../db/prisma'

/** Moves the last confirmed contact forward to `at` (never back: confirmations may arrive out of order). */
export async function recordConfirmedContact(tx: Tx, pairingId: string, at: Date): Promise<void> {
  await tx.$executeRaw`UPDATE "pairings" SET "lastConfirmedContactAt" = GREATEST("lastConfirmedContactAt", ${at}::timestamptz) WHERE "id" = ${pairingId}::uuid`
}
