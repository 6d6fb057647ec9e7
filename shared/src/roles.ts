/**
 * The people who work in the programme (DOMAIN.md "Who works"). Every role assignment is bound to
 * one region; the level says where that role lives in the region tree.
 */
import type { RegionLevel } from './regions'

export const ROLES = [
  'volunteer',
  'group_leader',
  'coordinator',
  'child_director',
  'supervisor',
  'civil_affairs',
  'admin',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  volunteer: '爱心家长',
  group_leader: '志愿团队负责人',
  coordinator: '妇联协调员',
  child_director: '儿童主任',
  supervisor: '儿童督导员',
  civil_affairs: '县级民政',
  admin: '系统管理员',
}

/** Region levels each role may be bound to (a coordinator works for a county or a township). */
export const ROLE_REGION_LEVELS: Record<Role, readonly RegionLevel[]> = {
  volunteer: ['county', 'township', 'village'],
  group_leader: ['county', 'township', 'village'],
  coordinator: ['county', 'township'],
  child_director: ['village'],
  supervisor: ['township'],
  civil_affairs: ['county'],
  admin: ['province'],
}

/** Staff roles come only through invitations and get short idle timeouts. */
export const STAFF_ROLES: readonly Role[] = ['coordinator', 'child_director', 'supervisor', 'civil_affairs', 'admin']
export const isStaffRole = (role: Role): boolean => STAFF_ROLES.includes(role)
