/**
 * Check-in, confirmation and honour-board actions, merged into the one matrix in shared/permissions.ts.
 * Which rows is server/src/modules/checkins/policy.ts's business: a volunteer records and reads only
 * their own; staff see the check-ins of pairings whose child lives inside their region.
 *
 * Only the child's village director confirms (李主任 knows whether the visit happened);
 * coordinators and supervisors see what stays unconfirmed for 14 days (the directors falling behind).
 */
import type { Role } from '../roles'

export const CHECKIN_ACTIONS = [
  'checkin.record',
  // The volunteer's record page: their check-ins, hours, points, and each pairing's cadence.
  'checkin.mine',
  // The confirmation queue, confirm and dispute.
  'checkin.confirm',
  // A pairing's check-ins with its cadence (the ledger's "visits and services").
  'checkin.read',
  // Check-ins left unconfirmed for 14 days.
  'checkin.unconfirmed',
  // Choosing whether (and by which name) to appear on the honour board.
  'honour.opt_in',
  'honour.read',
] as const
export type CheckinAction = (typeof CHECKIN_ACTIONS)[number]

export const CHECKIN_ROLE_ACTIONS = {
  volunteer: ['checkin.record', 'checkin.mine', 'honour.opt_in', 'honour.read'],
  group_leader: ['honour.read'],
  coordinator: ['checkin.read', 'checkin.unconfirmed', 'honour.read'],
  child_director: ['checkin.confirm', 'checkin.read', 'honour.read'],
  supervisor: ['checkin.read', 'checkin.unconfirmed', 'honour.read'],
  civil_affairs: ['checkin.read', 'honour.read'],
  admin: ['honour.read'],
} as const satisfies Record<Role, readonly CheckinAction[]>
