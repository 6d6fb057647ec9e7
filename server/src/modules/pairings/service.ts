/**
 * The pairing service, split by concern: lifecycle.ts (the steps), ledger.ts (reading the ledger),
 * suggestions.ts (priority children and matching). Routes take it from here.
 */
import type pg from 'pg'
import type { Db } from '../../db/prisma'
import type { Clock } from '../../lib/clock'
import { createLedgerService } from './ledger'
import { createLifecycleService } from './lifecycle'
import { createSuggestionService } from './suggestions'

export interface PairingDeps {
  prisma: Db
  /** The pool under `prisma`, for the one-statement reads (db/sql.ts). */
  pg: pg.Pool
  clock: Clock
}

export function createPairingService(deps: PairingDeps) {
  return { ...createLifecycleService(deps), ...createLedgerService(deps), ...createSuggestionService(deps) }
}
