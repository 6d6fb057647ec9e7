/**
 * From stored rows to the shapes of shared/schemas/pairings.ts. "Stale": an active pairing whose
 * last confirmed contact — or, before the first one, its start date — lies 60 or more days back,
 * counted in China's calendar days (ledger-sql.ts staleSql is the same rule for filters and counts).
 */
import { STALE_AFTER_DAYS, chinaDate, type MyPairingSchema, type PairingRow as PairingRowView } from '@qstx/shared'
import type { z } from 'zod'
import type { PairingRow } from './repository'

const DAY = 86_400_000
/**
 * An instant or a calendar date as it arrives: a Date from Prisma, or text from the ledger's rows
 * (ledger-sql.ts) — instants already as toISOString() writes them, dates as 'YYYY-MM-DD'.
 */
type Instant = Date | string
type InstantKey = 'proposedAt' | 'acknowledgedAt' | 'approvedAt' | 'startDate' | 'pausedAt' | 'expectedResumeDate' | 'endedAt' | 'declinedAt' | 'stateChangedAt' | 'lastConfirmedContactAt'
/**
 * What rowView reads, and no more: a Prisma row (repository.findPairing) is one, and so is a ledger
 * row (ledger-sql.ts), which selects only these columns.
 */
export type PairingRowLike = Pick<PairingRow, 'id' | 'state' | 'villageCode' | 'endReason'> & { [K in InstantKey]: null extends PairingRow[K] ? Instant | null : Instant } & {
  child: Pick<PairingRow['child'], 'id' | 'name'>
  volunteer: Pick<PairingRow['volunteer'], 'id' | 'realName' | 'kind' | 'workUnit' | 'team'>
}

export const dateOnly = (d: string) => new Date(`${d}T00:00:00Z`)
export const dateString = (d: Instant | null) => (typeof d === 'string' ? d.slice(0, 10) : d ? d.toISOString().slice(0, 10) : null)
const iso = (d: Instant | null) => (typeof d === 'string' ? d : d ? d.toISOString() : null)
export const addDays = (date: string, days: number) => new Date(dateOnly(date).getTime() + days * DAY).toISOString().slice(0, 10)
const daysBetween = (from: string, to: string) => Math.round((dateOnly(to).getTime() - dateOnly(from).getTime()) / DAY)
function contactFacts(p: PairingRowLike, today: string) {
  const last = p.lastConfirmedContactAt
  const since = last ? chinaDate(typeof last === 'string' ? new Date(last) : last) : dateString(p.startDate)
  const days = p.state === 'active' && since ? Math.max(0, daysBetween(since, today)) : null
  return {
    stale: days !== null && days >= STALE_AFTER_DAYS,
    daysWithoutContact: days,
    resumeOverdue: p.state === 'paused' && !!p.expectedResumeDate && dateString(p.expectedResumeDate)! < today,
  }
}

export function rowView(p: PairingRowLike, villageNames: Map<string, string>, today: string): PairingRowView {
  return {
    id: p.id,
    state: p.state,
    child: { id: p.child.id, name: p.child.name, villageCode: p.villageCode, villageName: villageNames.get(p.villageCode) ?? p.villageCode },
    volunteer: { id: p.volunteer.id, realName: p.volunteer.realName, kind: p.volunteer.kind, workUnit: p.volunteer.workUnit, team: p.volunteer.team },
    proposedAt: iso(p.proposedAt)!,
    acknowledgedAt: iso(p.acknowledgedAt),
    approvedAt: iso(p.approvedAt),
    startDate: dateString(p.startDate),
    pausedAt: iso(p.pausedAt),
    expectedResumeDate: dateString(p.expectedResumeDate),
    endedAt: iso(p.endedAt),
    endReason: p.endReason,
    declinedAt: iso(p.declinedAt),
    stateChangedAt: iso(p.stateChangedAt)!,
    lastConfirmedContactAt: iso(p.lastConfirmedContactAt),
    ...contactFacts(p, today),
  }
}

/** The volunteer's own view: the child's display name and village, nothing the card does not show. */
export function myView(p: PairingRow, villageNames: Map<string, string>): z.infer<typeof MyPairingSchema> {
  return {
    id: p.id,
    state: p.state,
    startDate: dateString(p.startDate),
    expectedResumeDate: dateString(p.expectedResumeDate),
    endedAt: iso(p.endedAt),
    endReason: p.endReason,
    child: { id: p.child.id, displayName: p.child.displayName, villageName: villageNames.get(p.villageCode) ?? p.villageCode },
    cardAvailable: p.state === 'active' && !p.child.closedAt,
  }
}
