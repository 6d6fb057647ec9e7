import { PAIRING_END_REASONS, type PairingDetail, type PairingEndReason, type PairingState } from '@qstx/shared'
import { formatDate } from '../../utils/format'

/** The state's colour class; the state is always written in it too. */
export const STATE_CLASS: Record<PairingState, string> = {
  proposed: 'pairing-state pairing-state--waiting',
  acknowledged: 'pairing-state pairing-state--waiting',
  active: 'pairing-state pairing-state--active',
  paused: 'pairing-state pairing-state--paused',
  ended: 'pairing-state pairing-state--closed',
  declined: 'pairing-state pairing-state--closed',
}

/** What happens next and who does it, for a pairing in this state (the detail page's headline). */
export function nextStep(p: Pick<PairingDetail, 'state' | 'expectedResumeDate' | 'resumeOverdue'>): string {
  switch (p.state) {
    case 'proposed': return '下一步：由本村儿童主任征得孩子家庭同意后确认'
    case 'acknowledged': return '下一步：家庭已同意，由妇联协调员审批并确定开始日期'
    case 'active': return '结对中：爱心家长定期探访，儿童主任确认服务记录'
    case 'paused': return `暂停中：预计 ${p.expectedResumeDate ?? '—'} 恢复${p.resumeOverdue ? '（已过预计日期）' : ''}，由妇联协调员恢复或结束`
    case 'ended': return '已结束：记录保留在结对台账中'
    case 'declined': return '未结对成功：记录保留在结对台账中，可为孩子另行推荐'
  }
}

/** One line of dates for a ledger row: since when, or when it changed. */
export function sinceLine(p: Pick<PairingDetail, 'state' | 'proposedAt' | 'startDate' | 'endedAt' | 'declinedAt' | 'stateChangedAt'>): string {
  switch (p.state) {
    case 'proposed':
    case 'acknowledged': return `${formatDate(p.proposedAt)} 提出`
    case 'active':
    case 'paused': return p.startDate ? `${p.startDate} 起结对` : `${formatDate(p.stateChangedAt)} 起`
    case 'ended': return `${p.startDate ?? '—'} 至 ${p.endedAt ? formatDate(p.endedAt) : '—'}`
    case 'declined': return `${formatDate(p.declinedAt ?? p.stateChangedAt)} 未结对成功`
  }
}

/** End reasons a person chooses; a volunteer's suspension ends pairings by itself (vetting), never from here. */
export const CHOSEN_END_REASONS: readonly PairingEndReason[] = PAIRING_END_REASONS.filter((r) => r !== 'volunteer_suspended')
