/**
 * 委托照护 — the entrusted care of a left-behind child: who cares for the child while the parents
 * are away, since when, how the parents keep in touch, and the director's check of it.
 *
 * 桂民发〔2024〕1号 (seeds/001) 三.5: "村（居）民委员会协助监督农村留守儿童委托照护情况，儿童主任在具体
 * 走访过程中，要详细了解儿童及其家庭动态情况……指导监护人和受委托监护人签订委托监护确认书……发现被委托
 * 照护人缺乏照护能力或怠于履行照护职责的，要告知儿童父母或其他监护人，重新选择被委托照护人或帮助、督促
 * 被委托照护人履行照护职责。"
 * 晋民发〔2023〕48号 (seeds/004) 5: "儿童主任入户走访发现被委托照护人缺乏照护能力或怠于履行照护职责的，
 * 要告知儿童父母或其他监护人，重新选择被委托照护人或帮助、督促被委托照护人履行照护职责。"
 */
import { addInterval, dutyStatus, type DutyInterval, type DutyStatus } from '../duty/rules'

/** The director's finding about the carer, recorded on a visit. */
export const CARER_CAPACITIES = ['capable', 'lacks_capacity', 'neglects'] as const
export type CarerCapacity = (typeof CARER_CAPACITIES)[number]
export const CARER_CAPACITY_LABELS: Record<CarerCapacity, string> = {
  capable: '能够履行照护职责',
  lacks_capacity: '缺乏照护能力',
  neglects: '怠于履行照护职责',
}

/**
 * What is still to be done after a finding other than `capable`: first tell the parents
 * ("要告知儿童父母或其他监护人"), then either a new carer is chosen ("重新选择被委托照护人") or the
 * carer is helped and urged ("帮助、督促被委托照护人履行照护职责"), which closes the follow-up.
 */
export const ENTRUSTED_FOLLOW_UPS = ['notify_parents', 'resolve'] as const
export type EntrustedFollowUp = (typeof ENTRUSTED_FOLLOW_UPS)[number]
export const ENTRUSTED_FOLLOW_UP_LABELS: Record<EntrustedFollowUp, string> = {
  notify_parents: '待告知父母或其他监护人',
  resolve: '已告知父母，待重新选择照护人或督促照护人',
}

/** Recorded steps of the file's entrusted care (an append-only log). */
export const ENTRUSTED_EVENT_TYPES = ['assessed', 'parents_notified', 'carer_supported', 'carer_changed'] as const
export type EntrustedEventType = (typeof ENTRUSTED_EVENT_TYPES)[number]
export const ENTRUSTED_EVENT_LABELS: Record<EntrustedEventType, string> = {
  assessed: '走访时评估照护情况',
  parents_notified: '已告知父母或其他监护人',
  carer_supported: '已帮助、督促照护人履行职责',
  carer_changed: '更换被委托照护人',
}
/** The steps a director records by hand (the assessment comes with a visit, a carer change has its own form). */
export const ENTRUSTED_STEPS = ['parents_notified', 'carer_supported'] as const
export type EntrustedStep = (typeof ENTRUSTED_STEPS)[number]

/** The follow-up after a finding: nothing when the carer is capable, otherwise the parents are told first. */
export const followUpAfterFinding = (capacity: CarerCapacity): EntrustedFollowUp | null => (capacity === 'capable' ? null : 'notify_parents')

/**
 * Whether a step may be recorded now, and what remains after it. A carer change is always allowed
 * except while the parents have not yet been told of a finding (the plans put telling them first).
 */
export function followUpAfterStep(current: EntrustedFollowUp | null, step: EntrustedStep | 'carer_changed'): { ok: true; next: EntrustedFollowUp | null } | { ok: false } {
  if (step === 'parents_notified') return current === 'notify_parents' ? { ok: true, next: 'resolve' } : { ok: false }
  if (step === 'carer_supported') return current === 'resolve' ? { ok: true, next: null } : { ok: false }
  return current === 'notify_parents' ? { ok: false } : { ok: true, next: null }
}

/** "各地民政部门应当指导外出务工父母……加强对留守子女亲情关爱和日常联络沟通" (both plans): how the parents keep in touch. */
export const PARENT_CONTACT_FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'rarely'] as const
export type ParentContactFrequency = (typeof PARENT_CONTACT_FREQUENCIES)[number]
export const PARENT_CONTACT_FREQUENCY_LABELS: Record<ParentContactFrequency, string> = {
  weekly: '每周联系', monthly: '每月联系', quarterly: '每季度联系', rarely: '很少联系',
}
export const PARENT_CONTACT_MODES = ['phone', 'video', 'home_visit'] as const
export type ParentContactMode = (typeof PARENT_CONTACT_MODES)[number]
export const PARENT_CONTACT_MODE_LABELS: Record<ParentContactMode, string> = { phone: '电话', video: '视频', home_visit: '回家探望' }

/** Carers whose care a director assesses (无委托人照护 is itself the problem, not a carer to assess). */
export const ASSESSED_CARERS = ['grandparents', 'relatives_friends'] as const
export const hasAssessedCarer = (carer: string | null | undefined): boolean => (ASSESSED_CARERS as readonly string[]).includes(carer ?? '')

/**
 * The yearly re-assessment. "档案由儿童主任按年度完善" (桂民发〔2024〕1号 三.8; 晋民发〔2023〕48号 likewise
 * keeps 一人一档 yearly): the entrusted-care part of the file is checked once a year at least, rolling
 * from the last assessment; a first one falls due a year after the arrangement began or the file
 * was filed, whichever is later. The calendar's "due soon" window is the duty rule's.
 */
export const ENTRUSTED_REVIEW_INTERVAL: DutyInterval = { months: 12 }

export interface EntrustedReviewFacts {
  filedOn: string
  since: string | null
  lastAssessedOn: string | null
}

export function entrustedReviewDue(f: EntrustedReviewFacts): string {
  const start = f.lastAssessedOn ?? (f.since && f.since > f.filedOn ? f.since : f.filedOn)
  return addInterval(start, ENTRUSTED_REVIEW_INTERVAL)
}

export function entrustedReview(f: EntrustedReviewFacts, today: string, dueSoonDays: number): { dueOn: string; status: DutyStatus } {
  const dueOn = entrustedReviewDue(f)
  return { dueOn, status: dutyStatus(dueOn, today, dueSoonDays) }
}
