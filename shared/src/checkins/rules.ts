/**
 * The pure rules of check-ins (issue #8), shared by the server and the client's form:
 *   - when a check-in may have happened (not in the future beyond a little clock skew, not ending
 *     in the future, at most 12 hours, not before the pairing started, not long ago);
 *   - the love-parent cadence per pairing (MENTOR's practice: two contacts in the first month,
 *     then at least monthly) and the pairing's health: on track / due / overdue / stale;
 *   - points for a confirmed check-in.
 * Rules are per province (2-digit prefix) with a default, like duty/rules.ts. Dates are China
 * calendar dates 'YYYY-MM-DD' (children/age.ts chinaDate), which compare as strings.
 */
import { chinaDate } from '../children/age'
import { addInterval, type DutyInterval } from '../duty/rules'
import { STALE_AFTER_DAYS } from '../pairings/lifecycle'

/** Phones' clocks drift: a start up to this far in the future is still "now". */
export const CLOCK_SKEW_MS = 5 * 60_000
export const MAX_DURATION_MINUTES = 12 * 60
/** A check-in kept offline is sent later; older than this it is a memory, not a record. */
export const MAX_CHECKIN_AGE_DAYS = 60

const DAY_MS = 86_400_000

/** Field → Chinese message for a start time and duration that cannot be, or null when they can. */
export function checkinTimeProblems(startedAt: Date, durationMinutes: number, now: Date, pairingStart: string | null): Record<string, string> | null {
  const latest = now.getTime() + CLOCK_SKEW_MS
  if (startedAt.getTime() > latest) return { startedAt: '开始时间不能晚于现在' }
  if (startedAt.getTime() + durationMinutes * 60_000 > latest) return { durationMinutes: '结束时间不能晚于现在，请核对开始时间和时长' }
  if (startedAt.getTime() < now.getTime() - MAX_CHECKIN_AGE_DAYS * DAY_MS) return { startedAt: `只能补记${MAX_CHECKIN_AGE_DAYS}天内的走访` }
  if (pairingStart && chinaDate(startedAt) < pairingStart) return { startedAt: '开始时间早于结对开始日期' }
  return null
}

// ── cadence ─────────────────────────────────────────────────────────────────────────────────────

export interface CadenceRule {
  /**
   * When the first contacts fall due, counted from the pairing's start date: by default the first
   * within two weeks and the second by the end of the first month. The last one ends "the first month".
   */
  firstContacts: DutyInterval[]
  /** After them: at least one confirmed contact per interval, rolling from the last one. */
  interval: DutyInterval
  /** "Due" (the volunteer is reminded) when the due date is this many days away or fewer. */
  dueSoonDays: number
  /** Days without a confirmed contact that make an active pairing stale (pairings' own rule). */
  staleAfterDays: number
}

const DEFAULT_CADENCE: CadenceRule = { firstContacts: [{ days: 14 }, { months: 1 }], interval: { months: 1 }, dueSoonDays: 5, staleAfterDays: STALE_AFTER_DAYS }
const CADENCE_BY_PROVINCE: Record<string, CadenceRule> = {}

export function cadenceRule(regionCode: string): CadenceRule {
  return CADENCE_BY_PROVINCE[regionCode.slice(0, 2)] ?? DEFAULT_CADENCE
}

/** The end (exclusive) of the pairing's first month: the window whose confirmed contacts count twice. */
export function firstPeriodEnd(startDate: string, rule: CadenceRule): string {
  const last = rule.firstContacts.at(-1)
  return last ? addInterval(startDate, last) : startDate
}

export const PAIRING_HEALTHS = ['on_track', 'due', 'overdue', 'stale'] as const
export type PairingHealth = (typeof PAIRING_HEALTHS)[number]
export const PAIRING_HEALTH_LABELS: Record<PairingHealth, string> = { on_track: '按时', due: '该联系了', overdue: '已逾期', stale: '长期未联系' }

export interface CadenceFacts {
  startDate: string
  /** Distinct China dates with a confirmed contact inside the first month. */
  firstPeriodContacts: number
  /** China date of the latest confirmed contact (pairings.lastConfirmedContactAt). */
  lastContactOn: string | null
}

export interface Cadence {
  health: PairingHealth
  phase: 'first_month' | 'monthly'
  nextDueOn: string
  lastContactOn: string | null
  daysWithoutContact: number
  firstMonthContacts: number
  firstMonthRequired: number
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)

/**
 * An active pairing's cadence on `today`. While the first month's contacts are not all made, the
 * next one is due at its offset from the start; a confirmed contact after the first month ends it
 * (what was missed then stays missed, not due forever). Then rolling: the last contact + interval.
 * Stale (60 days without a confirmed contact, from the start until the first) outranks overdue.
 */
export function cadenceOf(facts: CadenceFacts, regionCode: string, today: string): Cadence {
  const rule = cadenceRule(regionCode)
  const required = rule.firstContacts.length
  const made = Math.min(facts.firstPeriodContacts, required)
  const firstMonthOver = !!facts.lastContactOn && facts.lastContactOn >= firstPeriodEnd(facts.startDate, rule)
  const inFirstMonth = made < required && !firstMonthOver
  const nextDueOn = inFirstMonth
    ? addInterval(facts.startDate, rule.firstContacts[made]!)
    : addInterval(facts.lastContactOn ?? facts.startDate, rule.interval)
  const daysWithoutContact = Math.max(0, daysBetween(facts.lastContactOn ?? facts.startDate, today))
  const health: PairingHealth =
    daysWithoutContact >= rule.staleAfterDays ? 'stale'
      : nextDueOn < today ? 'overdue'
        : addInterval(today, { days: rule.dueSoonDays }) >= nextDueOn ? 'due'
          : 'on_track'
  return {
    health, phase: inFirstMonth ? 'first_month' : 'monthly', nextDueOn, lastContactOn: facts.lastContactOn,
    daysWithoutContact, firstMonthContacts: made, firstMonthRequired: required,
  }
}

// ── points ──────────────────────────────────────────────────────────────────────────────────────

export interface PointsRule {
  pointsPerHour: number
  /** Points are rounded to the nearest multiple of this. */
  step: number
}
const DEFAULT_POINTS: PointsRule = { pointsPerHour: 1, step: 0.5 }
const POINTS_BY_PROVINCE: Record<string, PointsRule> = {}

export function pointsRule(regionCode: string): PointsRule {
  return POINTS_BY_PROVINCE[regionCode.slice(0, 2)] ?? DEFAULT_POINTS
}

/** Points for a confirmed check-in of this length (90 minutes → 1.5 by default). */
export function pointsFor(durationMinutes: number, regionCode: string): number {
  const { pointsPerHour, step } = pointsRule(regionCode)
  return Math.round((durationMinutes / 60) * pointsPerHour / step) * step
}

/** Hours for display: minutes → hours with one decimal. */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10

// ── the honour board ────────────────────────────────────────────────────────────────────────────

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯']

export function surnameOf(realName: string): string {
  const two = realName.slice(0, 2)
  return COMPOUND_SURNAMES.includes(two) ? two : realName.slice(0, 1)
}

/**
 * How a volunteer appears on the honour board: the real name only when they chose it, otherwise
 * the way children would call them — 王阿姨, 李叔叔; young volunteers 姐姐/哥哥; 老师 when unknown.
 */
export function honourName(v: { realName: string | null; gender: 'male' | 'female' | null; kind: string | null }, showFullName: boolean): string {
  const name = v.realName?.trim() || '爱心'
  if (showFullName && v.realName) return name
  const young = v.kind === 'youth'
  const title = v.gender === 'female' ? (young ? '姐姐' : '阿姨') : v.gender === 'male' ? (young ? '哥哥' : '叔叔') : '老师'
  return `${surnameOf(name)}${title}`
}
