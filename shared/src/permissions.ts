/**
 * May this role do this action? Pure data, also read by the client to hide buttons it would
 * refuse. Which rows (region scope) and which fields are answered by each module's policy.ts.
 */
import type { Role } from './roles'

export const ACTIONS = [
  'invitation.create',
  'invitation.list',
  'invitation.revoke',
  'role.revoke',
  'user.disable',
  'audit.read',
] as const
export type Action = (typeof ACTIONS)[number]

export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  volunteer: [],
  group_leader: [],
  coordinator: ['invitation.create', 'invitation.list', 'invitation.revoke'],
  child_director: [],
  supervisor: [],
  civil_affairs: ['invitation.create', 'invitation.list', 'invitation.revoke', 'role.revoke', 'user.disable', 'audit.read'],
  admin: ['invitation.create', 'invitation.list', 'invitation.revoke', 'role.revoke', 'user.disable', 'audit.read'],
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
