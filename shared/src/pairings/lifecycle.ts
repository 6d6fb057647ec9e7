/**
 * A pairing (结对) as a state machine — pure data, also read by the client to offer only the
 * buttons that can work:
 *
 *   proposed ──acknowledge──▶ acknowledged ──approve──▶ active ⇄ paused
 *      │ (coordinator)          (the village's director:      │  (pause / resume)
 *      │                          the family agrees)           ▼
 *      └──────decline──────────────┴──▶ declined              ended (with a reason)
 *
 * The ledger is the list of events (pairing_events, append-only); the state is their fold
 * (`foldPairingEvents`), kept as a projection row in the same transaction as each event.
 */
export const PAIRING_STATES = ['proposed', 'acknowledged', 'active', 'paused', 'ended', 'declined'] as const
export type PairingState = (typeof PAIRING_STATES)[number]
export const PAIRING_STATE_LABELS: Record<PairingState, string> = {
  proposed: '待儿童主任确认',
  acknowledged: '待审批',
  active: '结对中',
  paused: '暂停中',
  ended: '已结束',
  declined: '未结对成功',
}

/**
 * States that hold the child and a place of the volunteer's capacity. A proposal counts from the
 * start: two proposals for one child would ask one family twice, and a volunteer could be promised
 * to more children than they can serve. Paused counts because it is meant to resume. The database
 * enforces the child's half with a partial unique index (see the migration).
 */
export const LIVE_PAIRING_STATES = ['proposed', 'acknowledged', 'active', 'paused'] as const satisfies readonly PairingState[]
export const isLivePairing = (s: PairingState) => (LIVE_PAIRING_STATES as readonly PairingState[]).includes(s)

export const PAIRING_TRANSITIONS = {
  acknowledge: { from: ['proposed'], to: 'acknowledged' },
  approve: { from: ['acknowledged'], to: 'active' },
  decline: { from: ['proposed', 'acknowledged'], to: 'declined' },
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  end: { from: ['active', 'paused'], to: 'ended' },
} as const satisfies Record<string, { from: readonly PairingState[]; to: PairingState }>
export type PairingTransition = keyof typeof PAIRING_TRANSITIONS

export const canPairingTransition = (state: PairingState, t: PairingTransition): boolean =>
  (PAIRING_TRANSITIONS[t].from as readonly PairingState[]).includes(state)

/** What the ledger records: the proposal plus one event per transition. */
export const PAIRING_EVENT_TYPES = ['proposed', 'acknowledged', 'approved', 'declined', 'paused', 'resumed', 'ended'] as const
export type PairingEventType = (typeof PAIRING_EVENT_TYPES)[number]
export const PAIRING_EVENT_OF: Record<PairingTransition, PairingEventType> = {
  acknowledge: 'acknowledged',
  approve: 'approved',
  decline: 'declined',
  pause: 'paused',
  resume: 'resumed',
  end: 'ended',
}
export const PAIRING_EVENT_LABELS: Record<PairingEventType, string> = {
  proposed: '提出结对',
  acknowledged: '儿童主任确认家庭同意',
  approved: '批准结对',
  declined: '未结对成功',
  paused: '暂停结对',
  resumed: '恢复结对',
  ended: '结束结对',
}

/** Why a pairing ended (the ledger's "how and why it ended"). `other` needs a note. */
export const PAIRING_END_REASONS = [
  'volunteer_withdrew',
  'volunteer_moved',
  'volunteer_suspended',
  'child_aged_out',
  'child_moved',
  'family_declined',
  'safeguarding_concern',
  'inactivity',
  'programme_ended',
  'other',
] as const
export type PairingEndReason = (typeof PAIRING_END_REASONS)[number]
export const PAIRING_END_REASON_LABELS: Record<PairingEndReason, string> = {
  volunteer_withdrew: '志愿者退出',
  volunteer_moved: '志愿者迁离',
  volunteer_suspended: '志愿者被暂停服务',
  child_aged_out: '儿童超龄',
  child_moved: '儿童迁离',
  family_declined: '家庭不再同意',
  safeguarding_concern: '出于儿童保护的考虑',
  inactivity: '长期没有联系',
  programme_ended: '项目结束',
  other: '其他',
}

/** 60 days without a confirmed contact (check-ins, issue #8) flags an active pairing for the coordinator. */
export const STALE_AFTER_DAYS = 60

export interface PairingEventFacts {
  type: PairingEventType
  at: string
  actorUserId: string | null
  reason: string | null
  endReason: PairingEndReason | null
  startDate: string | null
  expectedResumeDate: string | null
}

export interface PairingProjection {
  state: PairingState
  proposedAt: string
  proposedById: string | null
  acknowledgedAt: string | null
  acknowledgedById: string | null
  approvedAt: string | null
  approvedById: string | null
  startDate: string | null
  pausedAt: string | null
  pauseReason: string | null
  expectedResumeDate: string | null
  endedAt: string | null
  endReason: PairingEndReason | null
  endNote: string | null
  declinedAt: string | null
  declineReason: string | null
  stateChangedAt: string
}

const TO_STATE: Record<PairingEventType, PairingState> = {
  proposed: 'proposed',
  acknowledged: 'acknowledged',
  approved: 'active',
  declined: 'declined',
  paused: 'paused',
  resumed: 'active',
  ended: 'ended',
}

/**
 * The pairing's current state from its events, oldest first. The server keeps the same facts in
 * the `pairings` row; a test replays every ledger and compares, so the two cannot drift apart.
 */
export function foldPairingEvents(events: readonly PairingEventFacts[]): PairingProjection {
  const [first, ...rest] = events
  if (!first || first.type !== 'proposed') throw new Error('a pairing ledger starts with its proposal')
  const p: PairingProjection = {
    state: 'proposed', proposedAt: first.at, proposedById: first.actorUserId, acknowledgedAt: null, acknowledgedById: null,
    approvedAt: null, approvedById: null, startDate: null, pausedAt: null, pauseReason: null, expectedResumeDate: null,
    endedAt: null, endReason: null, endNote: null, declinedAt: null, declineReason: null, stateChangedAt: first.at,
  }
  for (const e of rest) {
    p.state = TO_STATE[e.type]
    p.stateChangedAt = e.at
    if (e.type === 'acknowledged') Object.assign(p, { acknowledgedAt: e.at, acknowledgedById: e.actorUserId })
    if (e.type === 'approved') Object.assign(p, { approvedAt: e.at, approvedById: e.actorUserId, startDate: e.startDate })
    if (e.type === 'paused') Object.assign(p, { pausedAt: e.at, pauseReason: e.reason, expectedResumeDate: e.expectedResumeDate })
    if (e.type === 'resumed') Object.assign(p, { pausedAt: null, pauseReason: null, expectedResumeDate: null })
    if (e.type === 'ended') Object.assign(p, { endedAt: e.at, endReason: e.endReason, endNote: e.reason })
    if (e.type === 'declined') Object.assign(p, { declinedAt: e.at, declineReason: e.reason })
  }
  return p
}

/** Mini-program pages the server's notifications open (ids only, never personal data). */
export const PAIRING_PAGES = {
  /** The volunteer's pairings, with the way to each child's card. */
  mine: '/packages/pairings/pages/mine/index',
  /** One pairing in the ledger (staff): its state, the next step, the events. */
  detail: (id: string) => `/packages/pairings/pages/detail/index?id=${id}`,
} as const
