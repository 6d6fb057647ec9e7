/**
 * Entrusted care, director staffing and training, care activities and psychological concerns
 * (issue #17), merged into the one matrix in shared/permissions.ts. Which rows is each server
 * module's policy.ts business (the actor's region; a volunteer only through an active pairing).
 *
 * Directors keep the village's entrusted-care checks, assign its children among themselves and
 * confirm volunteers' hours at activities, as they confirm check-ins. Township supervisors and county
 * civil affairs read what the directors keep; county civil affairs keeps the training record
 * ("县级民政部门要确保实现每年对儿童主任培训的全覆盖"). Coordinators, team leaders and directors
 * record activities; volunteers and directors record a concern, directors handle it.
 */
import type { Role } from '../roles'

export const CARE_ACTIONS = [
  'entrusted.read',
  'entrusted.record',
  'staffing.read',
  'staffing.assign',
  'training.record',
  'activity.record',
  'activity.read',
  'activity.confirm',
  'concern.record',
  'concern.read',
  'concern.handle',
] as const
export type CareAction = (typeof CARE_ACTIONS)[number]

export const CARE_ROLE_ACTIONS = {
  volunteer: ['concern.record'],
  group_leader: ['activity.record', 'activity.read'],
  coordinator: ['activity.record', 'activity.read'],
  child_director: [
    'entrusted.read', 'entrusted.record', 'staffing.read', 'staffing.assign', 'activity.record', 'activity.read', 'activity.confirm',
    'concern.record', 'concern.read', 'concern.handle',
  ],
  supervisor: ['entrusted.read', 'staffing.read', 'activity.read', 'concern.read'],
  civil_affairs: ['entrusted.read', 'staffing.read', 'training.record', 'activity.read', 'concern.read'],
  admin: [],
} as const satisfies Record<Role, readonly CareAction[]>
