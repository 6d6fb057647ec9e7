/**
 * Check-ins and the honour board in the authorization matrix (test/authz-matrix.test.ts spreads
 * this in). Check-ins belong to their pairing's child's village V; "own" is V, "parent" its
 * township, "sibling" the neighbouring village. The role check comes first (403 wherever a role
 * that may never act sits), then the region (404 outside, like a missing one). A volunteer records
 * only for their own pairing — the matrix makes the caller the volunteer of a new one — and reads
 * only their own record. Every POST /api/checkins carries a fresh Idempotency-Key.
 */
import { randomUUID } from 'node:crypto'
import { ROLES, type Role } from '@qstx/shared'
import type { TestContext } from './build-app'
import { consentedChildRow, pairingRow, pairWithCaller, VILLAGE as V } from './pairings'
import { ownApplication } from './volunteers'

type Expected = number | readonly [own: number, parent: number, sibling: number]
interface Case {
  request: (ctx: { t: TestContext; token?: string }) => Promise<{ url: string; payload?: object; headers?: Record<string, string> }>
  anonymous: number
  noRole: number
  roles: Record<Role, Expected>
}

const all = (status: Expected) => Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, Expected>
const only = (allowed: Partial<Record<Role, Expected>>) => ({ ...all(403), ...allowed })
const scoped = (ok: number): Expected => [ok, ok, 404]
const signedIn = { anonymous: 401, noRole: 403 }

const body = (t: TestContext, pairingId: string) => ({
  pairingId, startedAt: new Date(t.clock.now().getTime() - 3 * 3_600_000).toISOString(), durationMinutes: 60,
  contactMode: 'phone_video', serviceTypes: ['companionship'], summary: '视频聊了聊学校里的事',
})

/** A pending check-in of an active pairing in V, straight in the database. */
async function pendingCheckin(t: TestContext) {
  const p = await pairingRow(t, 'active', V)
  const c = await t.prisma.checkin.create({
    data: { pairingId: p.id, volunteerId: p.volunteerId, startedAt: new Date(t.clock.now().getTime() - 3 * 3_600_000), durationMinutes: 60, contactMode: 'home_visit', serviceTypes: ['reading'], summary: '读绘本', secCheck: 'pass', createdAt: t.clock.now() },
  })
  return c.id
}

/** Makes the caller (whatever their role) the volunteer of a new active pairing in V; answers its id. */
async function callersPairing(t: TestContext, token?: string) {
  const child = await consentedChildRow(t, V)
  if (token) await pairWithCaller(t, token, child.id)
  const p = token ? await t.prisma.pairing.findFirst({ where: { childId: child.id }, select: { id: true } }) : null
  return p?.id ?? (await pairingRow(t, 'active', V)).id
}

export const CHECKINS_MATRIX: Record<string, Case> = {
  'POST /api/checkins': {
    request: async ({ t, token }) => ({ url: '/api/checkins', payload: body(t, await callersPairing(t, token)), headers: { 'idempotency-key': randomUUID() } }),
    ...signedIn, roles: only({ volunteer: 201 }),
  },
  'GET /api/checkins': {
    request: async ({ t }) => ({ url: `/api/checkins?pairingId=${(await pairingRow(t, 'active', V)).id}` }),
    ...signedIn, roles: only({ coordinator: scoped(200), child_director: scoped(200), supervisor: scoped(200), civil_affairs: scoped(200) }),
  },
  'GET /api/checkins/mine': {
    request: async (c) => (await ownApplication(c, 'approved'), { url: '/api/checkins/mine' }),
    ...signedIn, roles: only({ volunteer: 200 }),
  },
  'GET /api/checkins/queue': { request: async () => ({ url: '/api/checkins/queue' }), ...signedIn, roles: only({ child_director: 200 }) },
  'GET /api/checkins/unconfirmed': { request: async () => ({ url: '/api/checkins/unconfirmed' }), ...signedIn, roles: only({ coordinator: 200, supervisor: 200 }) },
  'POST /api/checkins/:id/confirm': {
    request: async ({ t }) => ({ url: `/api/checkins/${await pendingCheckin(t)}/confirm`, payload: { note: '已核实' } }),
    ...signedIn, roles: only({ child_director: scoped(200) }),
  },
  'POST /api/checkins/:id/dispute': {
    request: async ({ t }) => ({ url: `/api/checkins/${await pendingCheckin(t)}/dispute`, payload: { reason: '家长说没有来过' } }),
    ...signedIn, roles: only({ child_director: scoped(200) }),
  },
  // Recognition is public among signed-in people; it shows only what volunteers consented to.
  'GET /api/honour-board': { request: async () => ({ url: `/api/honour-board?regionCode=${V}` }), ...signedIn, roles: all(200) },
  'GET /api/honour-board/me': {
    request: async (c) => (await ownApplication(c, 'approved'), { url: '/api/honour-board/me' }),
    ...signedIn, roles: only({ volunteer: 200 }),
  },
  'PUT /api/honour-board/me': {
    request: async (c) => (await ownApplication(c, 'approved'), { url: '/api/honour-board/me', payload: { optIn: true } }),
    ...signedIn, roles: only({ volunteer: 200 }),
  },
}
