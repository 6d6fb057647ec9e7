import type { EscalationLevel, ReportEventType, ReportStatus } from '@qstx/shared'

/** The handling log in words. */
export const EVENT_LABELS: Record<ReportEventType, string> = {
  received: '收到报告',
  escalated: '超时未确认，已升级',
  acknowledged: '确认接收',
  assessed: '评估',
  referred: '转介',
  measure: '采取措施',
  note: '补充说明',
  closed: '办结',
}

export const ESCALATION_BADGES: Record<EscalationLevel, string | null> = {
  local: null,
  county: '已升级至县级',
  province: '已升级至省级',
}

export const STATUS_CLASS: Record<ReportStatus, string> = {
  received: 'stage stage--received',
  in_progress: 'stage stage--progress',
  closed: 'stage stage--closed',
}
