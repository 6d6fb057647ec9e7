/**
 * The pairing service, split by concern: lifecycle.ts (the steps), ledger.ts (reading the ledger),
 * suggestions.ts (priority children and matching). Routes take it from here.
 */
import type { Db } from '../../db/prisma'
import type { Clock } from '../../lib/clock'
import { createLedgerService } from './ledger'
import { createLifecycleService } from './lifecycle'
import { createSuggestionService } from './suggestions'

export function createPairingService(deps: { prisma: Db; clock: Clock }) {
  return { ...createLifecycleService(deps), ...createLedgerService(deps), ...createSuggestionService(deps) }
}
