/**
 * The director's-duty routes in the authorization matrix. Children live in village V; recording is
 * for directors, the calendar and visit lists for directors, supervisors and county civil affairs.
 */
import { ROLES, type Role } from '@qstx/shared'
import { childIn } from './children-matrix'
import type { TestContext } from './build-app'

type Expected = number | readonly [own: number, parent: number, sibling: number]
interface Case {
  request: (ctx: { t: TestContext; token?: string }) => Promise<{ url: string; payload?: object }>
  anonymous: number
  noRole: number
  roles: Record<Role, Expected>
}
const all = (status: Expected) => Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, Expected>
// The role is asked first (403 for any id, existing or not), then the region (404 outside, like a missing id).
const only = (allowed: Partial<Record<Role, Expected>>) => ({ ...all(403), ...allowed })

export const DUTY_MATRIX: Record<string, Case> = {
  'POST /api/children/:id/visits': {
    request: async ({ t }) => ({ url: `/api/children/${(await childIn(t)).id}/visits`, payload: { kind: 'contact', visitedOn: '2026-03-01' } }),
    anonymous: 401, noRole: 403, roles: only({ child_director: [201, 201, 404] }),
  },
  'GET /api/children/:id/visits': {
    request: async ({ t }) => ({ url: `/api/children/${(await childIn(t)).id}/visits` }),
    anonymous: 401, noRole: 403, roles: only({ child_director: [200, 200, 404], supervisor: [200, 200, 404], civil_affairs: [200, 200, 404] }),
  },
  'GET /api/duty/calendar': {
    request: async () => ({ url: '/api/duty/calendar' }),
    anonymous: 401, noRole: 403, roles: { ...all(403), child_director: 200, supervisor: 200, civil_affairs: 200 },
  },
}
