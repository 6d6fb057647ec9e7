/**
 * The volunteer's sign-up as a state machine (pure data, also read by the client to offer only
 * the buttons that can work):
 *
 *   draft → submitted → (info_requested ↔ submitted) → approved | rejected
 *   approved → suspended (coordinator) | withdrawn (the volunteer) | submitted (name or ID changed)
 */
import type { VolunteerStatus } from './options'

export const VOLUNTEER_TRANSITIONS = {
  submit: { from: ['draft', 'info_requested'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  request_info: { from: ['submitted'], to: 'info_requested' },
  // An application left waiting for information can still be turned down.
  reject: { from: ['submitted', 'info_requested'], to: 'rejected' },
  suspend: { from: ['approved'], to: 'suspended' },
  // A volunteer may leave at any stage that is not already an end.
  withdraw: { from: ['draft', 'submitted', 'info_requested', 'approved', 'suspended'], to: 'withdrawn' },
  // Changing the real name or ID number after approval: the identity must be vetted again.
  revet: { from: ['approved'], to: 'submitted' },
} as const satisfies Record<string, { from: readonly VolunteerStatus[]; to: VolunteerStatus }>
export type VolunteerTransition = keyof typeof VOLUNTEER_TRANSITIONS

/** A coordinator's decision on an application. */
export const VETTING_DECISIONS = ['approve', 'request_info', 'reject'] as const
export type VettingDecision = (typeof VETTING_DECISIONS)[number]

/** Statuses in which the volunteer may still save a draft (and finish it later). */
export const DRAFT_STATUSES: readonly VolunteerStatus[] = ['draft', 'info_requested']
/** Statuses in which the volunteer may edit the profile (PATCH /api/volunteers/me). */
export const EDITABLE_STATUSES: readonly VolunteerStatus[] = ['draft', 'submitted', 'info_requested', 'approved']

export const canTransition = (status: VolunteerStatus, t: VolunteerTransition): boolean =>
  (VOLUNTEER_TRANSITIONS[t].from as readonly VolunteerStatus[]).includes(status)
