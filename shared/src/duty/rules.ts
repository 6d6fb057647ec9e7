/**
 * The child director's own duty (DOMAIN.md): contact every child at least monthly and visit every
 * home at least quarterly; more often — by default contact every 2 weeks and a home visit monthly —
 * for children with a special-attention flag, a high or critical guardianship risk, or an open
 * safeguarding report. Rules are per province (2-digit prefix) with a default.
 *
 * Intervals are rolling from the last contact or visit (a home visit is also a contact), counted
 * in China calendar days; a new file's first visit falls due one interval after it was filed.
 */
export interface DutyInterval {
  days?: number
  months?: number
}

export interface DutyRule {
  contact: DutyInterval
  homeVisit: DutyInterval
  heightenedContact: DutyInterval
  heightenedHomeVisit: DutyInterval
  /** "Due soon" when the due date is this many days away or fewer. */
  dueSoonDays: number
}

const DEFAULT_RULE: DutyRule = {
  contact: { months: 1 },
  homeVisit: { months: 3 },
  heightenedContact: { days: 14 },
  heightenedHomeVisit: { months: 1 },
  dueSoonDays: 7,
}
const RULES_BY_PROVINCE: Record<string, DutyRule> = {}

export function dutyRule(regionCode: string): DutyRule {
  return RULES_BY_PROVINCE[regionCode.slice(0, 2)] ?? DEFAULT_RULE
}

/** Adds an interval to a YYYY-MM-DD date; month arithmetic clamps to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addInterval(date: string, interval: DutyInterval): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  if (interval.months) {
    const target = new Date(Date.UTC(y, m - 1 + interval.months, 1))
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
    target.setUTCDate(Math.min(d, lastDay))
    return target.toISOString().slice(0, 10)
  }
  return new Date(Date.UTC(y, m - 1, d + (interval.days ?? 0))).toISOString().slice(0, 10)
}

export const DUTY_STATUSES = ['ok', 'due_soon', 'overdue'] as const
export type DutyStatus = (typeof DUTY_STATUSES)[number]
export const DUTY_STATUS_LABELS: Record<DutyStatus, string> = { ok: '按时', due_soon: '本周到期', overdue: '已逾期' }

export function dutyStatus(dueOn: string, today: string, dueSoonDays: number): DutyStatus {
  if (dueOn < today) return 'overdue'
  return addInterval(today, { days: dueSoonDays }) >= dueOn ? 'due_soon' : 'ok'
}

export const HEIGHTENED_REASONS = ['special_attention', 'high_risk', 'open_report'] as const
export type HeightenedReason = (typeof HEIGHTENED_REASONS)[number]
export const HEIGHTENED_REASON_LABELS: Record<HeightenedReason, string> = {
  special_attention: '重点关注',
  high_risk: '监护风险高',
  open_report: '有未办结的强制报告',
}

export interface DutyFacts {
  filedOn: string
  lastContactOn: string | null
  lastHomeVisitOn: string | null
  heightenedReasons: HeightenedReason[]
}

/** Next contact and next home visit for one child, with their status on `today`. */
export function dutyOf(facts: DutyFacts, regionCode: string, today: string) {
  const rule = dutyRule(regionCode)
  const heightened = facts.heightenedReasons.length > 0
  const lastAnyContact = [facts.lastContactOn, facts.lastHomeVisitOn].filter((d): d is string => !!d).sort().at(-1)
  const nextContactOn = addInterval(lastAnyContact ?? facts.filedOn, heightened ? rule.heightenedContact : rule.contact)
  const nextHomeVisitOn = addInterval(facts.lastHomeVisitOn ?? facts.filedOn, heightened ? rule.heightenedHomeVisit : rule.homeVisit)
  return {
    heightened,
    nextContactOn,
    nextHomeVisitOn,
    contactStatus: dutyStatus(nextContactOn, today, rule.dueSoonDays),
    homeVisitStatus: dutyStatus(nextHomeVisitOn, today, rule.dueSoonDays),
  }
}

/** The quarter (1–4) of a YYYY-MM-DD date: the ledger template's Q1–Q4 visit rows. */
export const quarterOf = (date: string) => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1
