/**
 * May this role do this action? Pure data, also read by the client to hide buttons it would
 * refuse. Which rows (region scope) and which fields are answered by each module's policy.ts.
 */
import type { Role } from './roles'
import { CHILD_ACTIONS, CHILD_ROLE_ACTIONS } from './children/permissions'
import { VOLUNTEER_ACTIONS, VOLUNTEER_ROLE_ACTIONS } from './volunteers/permissions'
import { PAIRING_ACTIONS, PAIRING_ROLE_ACTIONS } from './pairings/permissions'
import { DUTY_ACTIONS, DUTY_ROLE_ACTIONS } from './duty/permissions'
import { REPORT_ACTIONS, REPORT_ROLE_ACTIONS } from './reports/permissions'
import { CHECKIN_ACTIONS, CHECKIN_ROLE_ACTIONS } from './checkins/permissions'
import { CARE_ACTIONS, CARE_ROLE_ACTIONS } from './care/permissions'

export const ACTIONS = [
  'invitation.create',
  'invitation.list',
  'invitation.revoke',
  'role.revoke',
  'user.disable',
  'audit.read',
  'safeguarding.handle',
  ...CHILD_ACTIONS,
  ...VOLUNTEER_ACTIONS,
  ...PAIRING_ACTIONS,
  ...DUTY_ACTIONS,
  ...REPORT_ACTIONS,
  ...CHECKIN_ACTIONS,
  ...CARE_ACTIONS,
] as const
export type Action = (typeof ACTIONS)[number]

export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  volunteer: [...CHILD_ROLE_ACTIONS.volunteer, ...VOLUNTEER_ROLE_ACTIONS.volunteer, ...PAIRING_ROLE_ACTIONS.volunteer, ...DUTY_ROLE_ACTIONS.volunteer, ...REPORT_ROLE_ACTIONS.volunteer, ...CHECKIN_ROLE_ACTIONS.volunteer, ...CARE_ROLE_ACTIONS.volunteer],
  group_leader: [...CHILD_ROLE_ACTIONS.group_leader, ...VOLUNTEER_ROLE_ACTIONS.group_leader, ...PAIRING_ROLE_ACTIONS.group_leader, ...DUTY_ROLE_ACTIONS.group_leader, ...REPORT_ROLE_ACTIONS.group_leader, ...CHECKIN_ROLE_ACTIONS.group_leader, ...CARE_ROLE_ACTIONS.group_leader],
  coordinator: ['invitation.create', 'invitation.list', 'invitation.revoke', 'safeguarding.handle', ...CHILD_ROLE_ACTIONS.coordinator, ...VOLUNTEER_ROLE_ACTIONS.coordinator, ...PAIRING_ROLE_ACTIONS.coordinator, ...DUTY_ROLE_ACTIONS.coordinator, ...REPORT_ROLE_ACTIONS.coordinator, ...CHECKIN_ROLE_ACTIONS.coordinator, ...CARE_ROLE_ACTIONS.coordinator],
  child_director: ['safeguarding.handle', ...CHILD_ROLE_ACTIONS.child_director, ...VOLUNTEER_ROLE_ACTIONS.child_director, ...PAIRING_ROLE_ACTIONS.child_director, ...DUTY_ROLE_ACTIONS.child_director, ...REPORT_ROLE_ACTIONS.child_director, ...CHECKIN_ROLE_ACTIONS.child_director, ...CARE_ROLE_ACTIONS.child_director],
  supervisor: ['safeguarding.handle', ...CHILD_ROLE_ACTIONS.supervisor, ...VOLUNTEER_ROLE_ACTIONS.supervisor, ...PAIRING_ROLE_ACTIONS.supervisor, ...DUTY_ROLE_ACTIONS.supervisor, ...REPORT_ROLE_ACTIONS.supervisor, ...CHECKIN_ROLE_ACTIONS.supervisor, ...CARE_ROLE_ACTIONS.supervisor],
  civil_affairs: ['invitation.create', 'invitation.list', 'invitation.revoke', 'role.revoke', 'user.disable', 'audit.read', 'safeguarding.handle', ...CHILD_ROLE_ACTIONS.civil_affairs, ...VOLUNTEER_ROLE_ACTIONS.civil_affairs, ...PAIRING_ROLE_ACTIONS.civil_affairs, ...DUTY_ROLE_ACTIONS.civil_affairs, ...REPORT_ROLE_ACTIONS.civil_affairs, ...CHECKIN_ROLE_ACTIONS.civil_affairs, ...CARE_ROLE_ACTIONS.civil_affairs],
  admin: ['invitation.create', 'invitation.list', 'invitation.revoke', 'role.revoke', 'user.disable', 'audit.read', 'safeguarding.handle', ...CHILD_ROLE_ACTIONS.admin, ...VOLUNTEER_ROLE_ACTIONS.admin, ...PAIRING_ROLE_ACTIONS.admin, ...DUTY_ROLE_ACTIONS.admin, ...REPORT_ROLE_ACTIONS.admin, ...CHECKIN_ROLE_ACTIONS.admin, ...CARE_ROLE_ACTIONS.admin],
}

export const roleCan = (role: Role, action: Action): boolean => ROLE_ACTIONS[role].includes(action)

/**
 * Which staff roles each inviter may hand out (always inside the inviter's own region). Child
 * directors and supervisors belong to civil affairs, but the women's federation coordinator who
 * runs the programme locally may also bring in a village's director (JOURNEYS.md, 陈姐).
 */
export const INVITABLE_ROLES: Record<Role, readonly Role[]> = {
  volunteer: [],
  group_leader: [],
  coordinator: ['coordinator', 'child_director'],
  child_director: [],
  supervisor: [],
  civil_affairs: ['civil_affairs', 'coordinator', 'supervisor', 'child_director'],
  admin: ['admin', 'civil_affairs', 'coordinator', 'supervisor', 'child_director'],
}
