/**
 * The pairing ledger's actions, merged into the one matrix in shared/permissions.ts. Which rows
 * (the child's village inside the actor's region; a volunteer's own pairings) is
 * server/src/modules/pairings/policy.ts's business.
 *
 * Coordinators run matching (陈姐); the village's child director confirms that the family agrees
 * and may decline for it; supervisors and county civil affairs read the ledger of their region.
 */
import type { Role } from '../roles'

export const PAIRING_ACTIONS = [
  'pairing.list',
  'pairing.read',
  // 重点儿童未结对: priority children without a live pairing.
  'pairing.priority',
  'pairing.suggest',
  'pairing.propose',
  'pairing.acknowledge',
  'pairing.decline',
  'pairing.approve',
  // Pause, resume, end.
  'pairing.manage',
  // A volunteer's own pairings.
  'pairing.mine',
] as const
export type PairingAction = (typeof PAIRING_ACTIONS)[number]

const READ: readonly PairingAction[] = ['pairing.list', 'pairing.read', 'pairing.priority']

export const PAIRING_ROLE_ACTIONS = {
  volunteer: ['pairing.mine'],
  group_leader: [],
  coordinator: [...READ, 'pairing.suggest', 'pairing.propose', 'pairing.decline', 'pairing.approve', 'pairing.manage'],
  child_director: [...READ, 'pairing.acknowledge', 'pairing.decline'],
  supervisor: READ,
  civil_affairs: READ,
  admin: [],
} as const satisfies Record<Role, readonly PairingAction[]>
