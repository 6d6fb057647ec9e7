/**
 * The pairing ledger's routes in the authorization matrix (test/authz-matrix.test.ts spreads this
 * in). Pairings belong to their child's village V; "own" is V, "parent" its township, "sibling"
 * the neighbouring village. A role that may never do an action gets 403 wherever it sits; a role
 * that may gets 404 for a pairing (or child) outside its region, like a missing one. Lists answer
 * 200 anywhere (with the caller's region's rows only). The volunteer's own list is theirs alone.
 */
import { ROLES, type PairingState, type Role } from '@qstx/shared'
import type { TestContext } from './build-app'
import { consentedChildRow, pairingRow, TOWNSHIP, VILLAGE as V } from './pairings'
import { volunteerRow } from './volunteers'

type Expected = number | readonly [own: number, parent: number, sibling: number]
interface Case {
  request: (ctx: { t: TestContext; token?: string }) => Promise<{ url: string; payload?: object }>
  anonymous: number
  noRole: number
  roles: Record<Role, Expected>
}

const all = (status: Expected) => Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, Expected>
const only = (allowed: Partial<Record<Role, Expected>>, otherwise: Expected = 403) => ({ ...all(otherwise), ...allowed })
const scoped = (ok: number): Expected => [ok, ok, 404]
const signedIn = { anonymous: 401, noRole: 403 }
const READERS = { coordinator: 200, child_director: 200, supervisor: 200, civil_affairs: 200 }
const step = (state: PairingState, tail: string, payload: object) =>
  async ({ t }: { t: TestContext }) => ({ url: `/api/pairings/${(await pairingRow(t, state)).id}/${tail}`, payload })

export const PAIRINGS_MATRIX: Record<string, Case> = {
  'GET /api/pairings': { request: async () => ({ url: '/api/pairings?state=active' }), ...signedIn, roles: only(READERS) },
  'GET /api/pairings/priority-children': { request: async () => ({ url: '/api/pairings/priority-children' }), ...signedIn, roles: only(READERS) },
  'GET /api/pairings/suggestions': {
    request: async ({ t }) => ({ url: `/api/pairings/suggestions?childId=${(await consentedChildRow(t)).id}` }),
    ...signedIn, roles: only({ coordinator: scoped(200) }),
  },
  'GET /api/pairings/mine': { request: async () => ({ url: '/api/pairings/mine' }), ...signedIn, roles: only({ volunteer: 200 }) },
  'POST /api/pairings': {
    // A new child of V with consent, and a new approved volunteer serving V's township.
    request: async ({ t }) => {
      const child = await consentedChildRow(t)
      const v = await volunteerRow(t, { status: 'approved', regionCode: TOWNSHIP, checksDone: true })
      return { url: '/api/pairings', payload: { childId: child.id, volunteerId: v.id } }
    },
    ...signedIn, roles: only({ coordinator: scoped(201) }),
  },
  'GET /api/pairings/:id': {
    request: async ({ t }) => ({ url: `/api/pairings/${(await pairingRow(t, 'active', V)).id}` }),
    ...signedIn, roles: only({ coordinator: scoped(200), child_director: scoped(200), supervisor: scoped(200), civil_affairs: scoped(200) }),
  },
  'POST /api/pairings/:id/acknowledge': { request: step('proposed', 'acknowledge', { note: '家庭同意' }), ...signedIn, roles: only({ child_director: scoped(200) }) },
  'POST /api/pairings/:id/approve': { request: step('acknowledged', 'approve', { startDate: '2026-03-02' }), ...signedIn, roles: only({ coordinator: scoped(200) }) },
  'POST /api/pairings/:id/decline': {
    request: step('proposed', 'decline', { reason: '家庭暂不同意' }),
    ...signedIn, roles: only({ coordinator: scoped(200), child_director: scoped(200) }),
  },
  'POST /api/pairings/:id/pause': {
    request: step('active', 'pause', { reason: '志愿者外出学习', expectedResumeDate: '2026-04-01' }),
    ...signedIn, roles: only({ coordinator: scoped(200) }),
  },
  'POST /api/pairings/:id/resume': { request: step('paused', 'resume', {}), ...signedIn, roles: only({ coordinator: scoped(200) }) },
  'POST /api/pairings/:id/end': { request: step('active', 'end', { reason: 'programme_ended' }), ...signedIn, roles: only({ coordinator: scoped(200) }) },
}
