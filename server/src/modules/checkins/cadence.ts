/**
 * Each active pairing's love-parent cadence (shared checkins/rules.ts cadenceOf): on track, due,
 * overdue or stale, and when the next contact is due. Exported for the pairings views and the
 * reminder job: one grouped query for any number of pairings (their first month's confirmed
 * contacts); the last confirmed contact is the pairing's own column, kept by pairings/contact.ts.
 */
import { cadenceOf, cadenceRule, chinaDate, firstPeriodEnd, type Cadence } from '@qstx/shared'
import type { Tx } from '../../db/prisma'
import { firstPeriodContacts } from './repository'

export interface CadencePairing {
  id: string
  state: string
  villageCode: string
  startDate: Date | null
  lastConfirmedContactAt: Date | null
}

const dateOnly = (d: Date) => d.toISOString().slice(0, 10)

/** Cadence of the active pairings among `pairings` on `today` (China date); others are left out. */
export async function cadenceOfPairings(tx: Tx, pairings: readonly CadencePairing[], today: string): Promise<Map<string, Cadence>> {
  const active = pairings.filter((p): p is CadencePairing & { startDate: Date } => p.state === 'active' && !!p.startDate)
  const counts = await firstPeriodContacts(tx, active.map((p) => ({ id: p.id, end: firstPeriodEnd(dateOnly(p.startDate), cadenceRule(p.villageCode)) })))
  return new Map(active.map((p) => [p.id, cadenceOf({
    startDate: dateOnly(p.startDate),
    firstPeriodContacts: counts.get(p.id) ?? 0,
    lastContactOn: p.lastConfirmedContactAt ? chinaDate(p.lastConfirmedContactAt) : null,
  }, p.villageCode, today)]))
}
