/**
 * The children's-file actions, merged into the one matrix in shared/permissions.ts. Kept here so
 * the matrix stays one line per role. Which rows (region) and which fields (full / working / card
 * view) are server/src/modules/children/policy.ts's business.
 */
import type { Role } from '../roles'

export const CHILD_ACTIONS = [
  'child.list',
  'child.read',
  'child.create',
  'child.update',
  'child.reveal',
  'child.history',
  'child.close',
  'child.complete_year',
  'child.handover',
  'child.transfer.request',
  'child.transfer.decide',
  'child.transfer.list',
  'child.card',
] as const
export type ChildAction = (typeof CHILD_ACTIONS)[number]

const DIRECTOR: readonly ChildAction[] = CHILD_ACTIONS.filter((a) => a !== 'child.card')
const OVERSIGHT: readonly ChildAction[] = ['child.list', 'child.read', 'child.reveal', 'child.history', 'child.transfer.list']

/** Directors keep the files; supervisors and civil affairs read them; coordinators see a working view. */
export const CHILD_ROLE_ACTIONS = {
  volunteer: ['child.card'],
  group_leader: [],
  coordinator: ['child.list', 'child.read'],
  child_director: DIRECTOR,
  supervisor: OVERSIGHT,
  civil_affairs: OVERSIGHT,
  admin: [],
} as const satisfies Record<Role, readonly ChildAction[]>
