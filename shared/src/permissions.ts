/**
 * May this role do this action? Pure data, also read by the client to hide buttons it would
 * refuse. Which rows (region scope) and which fields are answered by each module's policy.ts.
 */
import type { Role } from './roles'
import { CHILD_ACTIONS, CHILD_ROLE_ACTIONS } from './children/permissions'
import { VOLUNTEER_ACTIONS, VOLUNTEER_ROLE_ACTIONS } from './volunteers/permissions'

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
] as const
export type Action = (typeof ACTIONS)[number]

export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  volunteer: [...CHILD_ROLE_ACTIONS.volunteer, ...VOLUNTEER_ROLE_ACTIONS.volunteer],
  group_leader: [...CHILD_ROLE_ACTIONS.group_leader, ...VOLUNTEER_ROLE_ACTIONS.group_leader],
  coordinator: ['invitation.create', 'invitation.list', 'invitation.revoke', 'safeguarding.handle', ...CHILD_ROLE_ACTIONS.coordinator, ...VOLUNTEER_ROLE_ACTIONS.coordinator],
  child_director: ['safeguarding.handle', ...CHILD_ROLE_ACTIONS.child_director, ...VOLUNTEER_ROLE_ACTIONS.child_director],
  supervisor: ['safeguarding.handle', ...CHILD_ROLE_ACTIONS.supervisor, ...VOLUNTEER_ROLE_ACTIONS.supervisor],
  civil_affairs: ['invitation.create', 'invitation.list', 'invitation.revoke', 'role.revoke', 'user.disable', 'audit.read', 'safeguarding.handle', ...CHILD_ROLE_ACTIONS.civil_affairs, ...VOLUNTEER_ROLE_ACTIONS.civil_affairs],
  admin: ['invitation.create', 'invitation.list', 'invitation.revoke', 'role.revoke', 'user.disable', 'audit.read', 'safeguarding.handle', ...CHILD_ROLE_ACTIONS.admin, ...VOLUNTEER_ROLE_ACTIONS.admin],
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
