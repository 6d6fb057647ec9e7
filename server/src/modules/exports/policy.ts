/**
 * Who may export what, of which region, with which columns (ARCHITECTURE.md convention 4):
 *   may this role do this action → assertCan (shared/reports/permissions, 403)
 *   which rows                   → the asked region must lie inside the viewer's region (outside
 *                                  answers 404, like a missing record); default: the viewer's own
 *   which columns                → the children's field rights (children/policy.ts ROLE_VIEWS):
 *                                  the full file for directors, supervisors and civil affairs; the
 *                                  working view for coordinators — no ID number, address, guardians'
 *                                  names or phones, health, income, visits.
 * Every column a viewer may not see is left out of the table and printed as "—" on the form, and
 * its value is never decrypted in the first place (ledger-source.ts asks this file first).
 */
import { LEDGER_FIELD_KEYS, type Action, type LedgerFieldKey } from '@qstx/shared'
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import { assertCan, inScope } from '../../lib/policy'
import { ROLE_VIEWS } from '../children/policy'

export type LedgerView = 'full' | 'working'

/** The region to export: the one asked for inside the viewer's region, else the viewer's own. */
export function exportRegion(actor: ScopedActor, action: Action, regionCode: string | undefined): string {
  assertCan(actor, action)
  const region = regionCode ?? actor.regionCode
  if (!inScope(actor, region)) throw notFound()
  return region
}

/** The child ledger's view: the file view the children's policy gives this role. */
export function ledgerView(actor: ScopedActor): LedgerView {
  const view = ROLE_VIEWS[actor.role].file
  // assertCan('export.child_ledger') runs first; a role with the action and no file view is a
  // configuration mistake, refused rather than given anything.
  if (!view) throw notFound()
  return view
}

/** The coordinator's columns: what the working view shows, plus the pairing block they run. */
const WORKING_FIELDS: ReadonlySet<LedgerFieldKey> = new Set<LedgerFieldKey>(['name', 'gender', 'category', 'pairingPerson', 'pairingUnit', 'director'])

export function ledgerFields(view: LedgerView): ReadonlySet<LedgerFieldKey> {
  return view === 'full' ? new Set(LEDGER_FIELD_KEYS) : WORKING_FIELDS
}

/**
 * The sensitive columns a file of this view holds, for the audit row (fieldsRevealed). The pairing
 * block's phone is the volunteer's: coordinators vet volunteers and call them, so both views hold it.
 */
export function ledgerSensitiveColumns(view: LedgerView): string[] {
  return view === 'full' ? ['idNumber', 'address', 'guardianName', 'guardianPhone', 'health', 'income', 'volunteerPhone'] : ['volunteerPhone']
}

/** The pairing ledger's child columns follow the same rights: identifiers for full views only. */
export function pairingLedgerSensitiveColumns(view: LedgerView): string[] {
  return view === 'full' ? ['childIdNumber', 'guardianPhone', 'volunteerPhone'] : ['volunteerPhone']
}

/** Only the person who asked for a background export may see it; everyone else gets 404. */
export function assertOwnExport(actor: { userId: string }, ownerId: string | undefined): void {
  if (!ownerId || ownerId !== actor.userId) throw notFound()
}

/** The pairing ledger's view for roles without a file view (none today) falls back to working. */
export function pairingView(actor: ScopedActor): LedgerView {
  return ROLE_VIEWS[actor.role].file === 'full' ? 'full' : 'working'
}
