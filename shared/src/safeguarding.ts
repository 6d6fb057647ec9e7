/**
 * Mandatory reporting (强制报告, Minors Protection Law art. 11): the kinds of harm, the hotlines to
 * call first, and how fast an unacknowledged report climbs to the next level. Per-province rules
 * are data here so the client shows the same numbers the server escalates by.
 */
export const REPORT_KINDS = [
  'abuse_violence',
  'neglect_guardianship',
  'injury_accident',
  'sexual_harm',
  'trafficking_missing',
  'psychological_crisis',
  'dangerous_surroundings',
  'bullying',
  'other',
] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  abuse_violence: '疑似虐待或暴力',
  neglect_guardianship: '疏于照料或监护缺失',
  injury_accident: '受伤或意外',
  sexual_harm: '性侵害',
  trafficking_missing: '拐卖或走失',
  psychological_crisis: '心理危机或自伤风险',
  dangerous_surroundings: '危险环境（水域、房屋等）',
  bullying: '欺凌',
  other: '其他',
}

export const URGENCIES = ['immediate', 'concern'] as const
export type Urgency = (typeof URGENCIES)[number]
export const URGENCY_LABELS: Record<Urgency, string> = { immediate: '正处于危险中', concern: '有担心，需要关注' }

export interface Hotline {
  number: string
  label: string
  /** What to do after dialling, e.g. press 6 for the minors' line. */
  then?: string
}

const NATIONAL: Hotline[] = [
  { number: '110', label: '报警' },
  { number: '120', label: '急救' },
  { number: '12355', label: '青少年服务热线' },
]

/** Province (2-digit prefix) → extra lines; Guangxi routes 12345 → 6 to the minors' rescue line. */
const PROVINCIAL: Record<string, Hotline[]> = {
  '45': [{ number: '12345', label: '未成年人救助保护热线', then: '接通后按 6' }],
  '14': [{ number: '12345', label: '政务服务便民热线（未成年人保护）' }],
}

export function hotlinesFor(regionCode: string): Hotline[] {
  const [police, ambulance, youth] = NATIONAL
  return [police!, ambulance!, ...(PROVINCIAL[regionCode.slice(0, 2)] ?? []), youth!]
}

/**
 * Minutes until an unacknowledged report escalates one level: village → county → province.
 * Configurable per province; the default follows the issue (30 minutes / 24 hours).
 */
export interface EscalationRule {
  immediateMinutes: number
  concernMinutes: number
}
const DEFAULT_ESCALATION: EscalationRule = { immediateMinutes: 30, concernMinutes: 24 * 60 }
const ESCALATION_BY_PROVINCE: Record<string, EscalationRule> = {}

export function escalationRule(regionCode: string): EscalationRule {
  return ESCALATION_BY_PROVINCE[regionCode.slice(0, 2)] ?? DEFAULT_ESCALATION
}

export const ESCALATION_LEVELS = ['local', 'county', 'province'] as const
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number]

/** The handling log: every step with who, when and a note. */
export const REPORT_EVENT_TYPES = ['received', 'escalated', 'acknowledged', 'assessed', 'referred', 'measure', 'note', 'closed'] as const
export type ReportEventType = (typeof REPORT_EVENT_TYPES)[number]
/** Event types a handler records (the others are written by the system). */
export const HANDLER_EVENT_TYPES = ['acknowledged', 'assessed', 'referred', 'measure', 'note', 'closed'] as const
export type HandlerEventType = (typeof HANDLER_EVENT_TYPES)[number]

export const REFERRAL_TARGETS = ['police', 'civil_affairs', 'education', 'health', 'court', 'other'] as const
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number]
export const REFERRAL_LABELS: Record<ReferralTarget, string> = {
  police: '公安', civil_affairs: '民政', education: '教育', health: '卫生健康', court: '法院', other: '其他',
}

/** What a reporter sees of their own report: the stage, never the handling details. */
export const REPORT_STATUSES = ['received', 'in_progress', 'closed'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { received: '已收到', in_progress: '正在处理', closed: '已办结' }
