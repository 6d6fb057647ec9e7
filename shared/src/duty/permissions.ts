import type { Role } from '../roles'

export const DUTY_ACTIONS = ['duty.record', 'duty.read'] as const
export type DutyAction = (typeof DUTY_ACTIONS)[number]

/** Directors record their own contacts and visits; supervisors and the county follow up on them. */
export const DUTY_ROLE_ACTIONS = {
  volunteer: [],
  group_leader: [],
  coordinator: [],
  child_director: ['duty.record', 'duty.read'],
  supervisor: ['duty.read'],
  civil_affairs: ['duty.read'],
  admin: [],
} as const satisfies Record<Role, readonly DutyAction[]>
