/**
 * The authorization matrix: every registered route × every role × where the actor sits relative to
 * the record (its own region, the parent region, a sibling region), plus signed in without a role
 * and not signed in at all. The test fails when a route is registered that this table lacks.
 *
 * Records live in village V. "own": the actor's region is V; "parent": the township containing V;
 * "sibling": the neighbouring village. Out-of-scope records must answer exactly like missing ones:
 * every denial of a request naming a record by id is compared with the same request naming a random
 * id, so no route can tell an outsider that an id exists.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, type Role } from '@qstx/shared'
import { hashPassword } from '../server/src/modules/auth/service'
import { buildTestApp, type TestContext } from './helpers/build-app'
import { bearer, nextClientAddress, tokenFor } from './helpers/personas'
import { CHILDREN_MATRIX } from './helpers/children-matrix'
import { PAIRINGS_MATRIX } from './helpers/pairings-matrix'
import { DUTY_MATRIX } from './helpers/duty-matrix'
import { REPORTS_MATRIX } from './helpers/reports-matrix'
import { CHECKINS_MATRIX } from './helpers/checkins-matrix'
import { CARE_MATRIX } from './helpers/care-matrix'
import { ownApplication, teamAt, volunteerRow } from './helpers/volunteers'

const V = '450225101201'
const REGION = { own: V, parent: '450225101000', sibling: '450225101202' } as const
type Rel = keyof typeof REGION
type Expected = number | readonly [own: number, parent: number, sibling: number]

interface Ctx {
  t: TestContext
  /** The bearer token of the actor making the request, if any. */
  token?: string
}
interface Case {
  request: (ctx: Ctx) => Promise<{ url: string; payload?: object; remoteAddress?: string; headers?: Record<string, string> }>
  anonymous: number
  noRole: number
  roles: Record<Role, Expected>
}

const all = (status: Expected): Record<Role, Expected> => Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, Expected>
const only = (allowed: Partial<Record<Role, Expected>>, otherwise = 403): Record<Role, Expected> => ({ ...all(otherwise), ...allowed })
const scoped = (ok: number, outside = 404): Expected => [ok, ok, outside]

let n = 0
const fresh = () => ++n

async function directorAt(t: TestContext, regionCode: string) {
  const user = await t.prisma.user.create({ data: { displayName: `主任${fresh()}` } })
  return t.prisma.roleAssignment.create({ data: { userId: user.id, role: 'child_director', regionCode } })
}

async function invitationAt(t: TestContext, regionCode: string) {
  const creator = await directorAt(t, regionCode)
  return t.prisma.invitation.create({
    data: { codeHash: String(fresh()).padStart(64, '0'), role: 'child_director', regionCode, createdById: creator.userId, expiresAt: new Date(t.clock.now().getTime() + 86_400_000) },
  })
}

async function reportAt(t: TestContext, regionCode: string) {
  const reporter = await directorAt(t, regionCode)
  const report = await t.prisma.safeguardingReport.create({
    data: { reporterUserId: reporter.userId, regionCode, childName: '小雨', kind: 'neglect_guardianship', urgency: 'concern', seen: '无人照看', seenAt: t.clock.now() },
  })
  await t.prisma.safeguardingEvent.create({ data: { reportId: report.id, type: 'received' } })
  return report
}

const HANDLERS = ['child_director', 'supervisor', 'coordinator', 'civil_affairs', 'admin'] as const
const handlers = (status: Expected) => only(Object.fromEntries(HANDLERS.map((r) => [r, status])))
const newReport = { childName: '小雨', regionCode: V, kind: 'bullying', urgency: 'concern', seen: '在学校被高年级学生欺负', seenAt: '2026-03-01T08:00:00Z' }

async function newInvitationCode(t: TestContext) {
  const admin = await tokenFor(t.app, { role: 'admin', regionCode: '450000000000' })
  const res = await t.app.inject({ method: 'POST', url: '/api/invitations', headers: bearer(admin), payload: { role: 'child_director', regionCode: V } })
  return res.json().code as string
}

const publicRoute = (status: number): Pick<Case, 'anonymous' | 'noRole' | 'roles'> => ({ anonymous: status, noRole: status, roles: all(status) })

const MATRIX: Record<string, Case> = {
  'GET /api/healthz': { request: async () => ({ url: '/api/healthz' }), ...publicRoute(200) },
  'GET /api/openapi.json': { request: async () => ({ url: '/api/openapi.json' }), ...publicRoute(200) },
  // Only this machine or METRICS_TOKEN (none configured here): no session or role opens it.
  'GET /api/metrics': { request: async () => ({ url: '/api/metrics' }), ...publicRoute(403) },
  'GET /api/regions/:code': { request: async () => ({ url: `/api/regions/${V}` }), ...publicRoute(200) },
  'GET /api/regions/:code/children': { request: async () => ({ url: `/api/regions/${REGION.parent}/children` }), ...publicRoute(200) },
  'GET /api/dev/personas': { request: async () => ({ url: '/api/dev/personas' }), ...publicRoute(200) },
  'POST /api/dev/login': { request: async () => ({ url: '/api/dev/login', payload: { role: 'volunteer', regionCode: V } }), ...publicRoute(200) },
  'POST /api/dev/wechat/code': { request: async () => ({ url: '/api/dev/wechat/code', payload: { deviceId: `device-${fresh()}` } }), ...publicRoute(200) },
  'POST /api/auth/wechat': {
    request: async ({ t }) => ({ url: '/api/auth/wechat', payload: { code: t.fakeWechat.mintLoginCode({ deviceId: `d-${fresh()}` }).code } }),
    ...publicRoute(200),
  },
  'POST /api/auth/password': {
    request: async ({ t }) => {
      const username = `desk${fresh()}`
      await t.prisma.user.create({ data: { displayName: '桌面', username, passwordHash: await hashPassword('desk-password-1') } })
      return { url: '/api/auth/password', payload: { username, password: 'desk-password-1' }, remoteAddress: nextClientAddress() }
    },
    ...publicRoute(200),
  },
  'GET /api/me': { request: async () => ({ url: '/api/me' }), anonymous: 401, noRole: 200, roles: all(200) },
  'PUT /api/me/active-role': {
    request: async ({ t, token }) => {
      const me = token ? (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json() : null
      const id = me?.roles[0]?.id ?? (await directorAt(t, V)).id
      return { url: '/api/me/active-role', payload: { roleAssignmentId: id } }
    },
    // Without a role there is no assignment of one's own to switch to: someone else's is 404.
    anonymous: 401, noRole: 404, roles: all(200),
  },
  'POST /api/auth/logout': { request: async () => ({ url: '/api/auth/logout' }), anonymous: 401, noRole: 204, roles: all(204) },
  'POST /api/invitations': {
    request: async () => ({ url: '/api/invitations', payload: { role: 'child_director', regionCode: V } }),
    anonymous: 401, noRole: 403, roles: only({ admin: scoped(201, 403), civil_affairs: scoped(201, 403), coordinator: scoped(201, 403) }),
  },
  'GET /api/invitations': {
    request: async () => ({ url: '/api/invitations' }),
    anonymous: 401, noRole: 403, roles: only({ admin: 200, civil_affairs: 200, coordinator: 200 }),
  },
  'POST /api/invitations/:id/revoke': {
    request: async ({ t }) => ({ url: `/api/invitations/${(await invitationAt(t, V)).id}/revoke` }),
    anonymous: 401, noRole: 403, roles: only({ admin: scoped(200), civil_affairs: scoped(200), coordinator: scoped(200) }),
  },
  'POST /api/invitations/redeem': {
    request: async ({ t }) => ({
      url: '/api/invitations/redeem',
      payload: { code: await newInvitationCode(t), displayName: '新主任', username: `new${fresh()}`, password: 'a-good-password-9' },
      remoteAddress: nextClientAddress(),
    }),
    ...publicRoute(200),
  },
  'GET /api/role-assignments': {
    request: async () => ({ url: '/api/role-assignments' }),
    anonymous: 401, noRole: 403, roles: only({ admin: 200, civil_affairs: 200 }),
  },
  'DELETE /api/role-assignments/:id': {
    request: async ({ t }) => ({ url: `/api/role-assignments/${(await directorAt(t, V)).id}` }),
    anonymous: 401, noRole: 403, roles: only({ admin: scoped(204), civil_affairs: scoped(204) }),
  },
  'POST /api/users/:id/disable': {
    request: async ({ t }) => ({ url: `/api/users/${(await directorAt(t, V)).userId}/disable` }),
    anonymous: 401, noRole: 403, roles: only({ admin: scoped(204), civil_affairs: scoped(204) }),
  },
  'GET /api/notifications': { request: async () => ({ url: '/api/notifications' }), anonymous: 401, noRole: 200, roles: all(200) },
  'GET /api/notifications/templates': { request: async () => ({ url: '/api/notifications/templates' }), ...publicRoute(200) },
  'POST /api/notifications/:id/read': {
    // Always somebody else's notification: only its recipient may touch it, whatever the role.
    request: async ({ t }) => {
      const other = await directorAt(t, V)
      const n = await t.prisma.notification.create({ data: { recipientUserId: other.userId, kind: 'test', title: '测试', body: '测试' } })
      return { url: `/api/notifications/${n.id}/read` }
    },
    anonymous: 401, noRole: 404, roles: all(404),
  },
  'GET /api/safeguarding/hotlines': { request: async () => ({ url: `/api/safeguarding/hotlines?regionCode=${V}` }), ...publicRoute(200) },
  // Everyone in contact with children must be able to report, whatever their role or region.
  'POST /api/safeguarding/reports': { request: async () => ({ url: '/api/safeguarding/reports', payload: newReport }), anonymous: 401, noRole: 201, roles: all(201) },
  'GET /api/safeguarding/reports/mine': { request: async () => ({ url: '/api/safeguarding/reports/mine' }), anonymous: 401, noRole: 200, roles: all(200) },
  'GET /api/safeguarding/reports': { request: async () => ({ url: '/api/safeguarding/reports' }), anonymous: 401, noRole: 403, roles: handlers(200) },
  'GET /api/safeguarding/reports/:id': {
    request: async ({ t }) => ({ url: `/api/safeguarding/reports/${(await reportAt(t, V)).id}` }),
    anonymous: 401, noRole: 403, roles: handlers(scoped(200)),
  },
  'POST /api/safeguarding/reports/:id/events': {
    request: async ({ t }) => ({ url: `/api/safeguarding/reports/${(await reportAt(t, V)).id}/events`, payload: { type: 'note', note: '已电话了解情况' } }),
    anonymous: 401, noRole: 403, roles: handlers(scoped(200)),
  },
  // Volunteers: self-service, each person reaches only their own application (found by user id).
  'GET /api/volunteers/me': { request: async (c) => (await ownApplication(c, 'draft'), { url: '/api/volunteers/me' }), anonymous: 401, noRole: 200, roles: all(200) },
  'PUT /api/volunteers/me/draft': {
    request: async (c) => (await ownApplication(c, 'draft'), { url: '/api/volunteers/me/draft', payload: { availabilityNote: '周末上午' } }),
    anonymous: 401, noRole: 200, roles: all(200),
  },
  'PATCH /api/volunteers/me': {
    request: async (c) => (await ownApplication(c, 'approved'), { url: '/api/volunteers/me', payload: { capacity: 2 } }),
    anonymous: 401, noRole: 200, roles: all(200),
  },
  'POST /api/volunteers/me/submit': { request: async (c) => (await ownApplication(c, 'draft'), { url: '/api/volunteers/me/submit' }), anonymous: 401, noRole: 200, roles: all(200) },
  'POST /api/volunteers/me/withdraw': {
    request: async (c) => (await ownApplication(c, 'approved'), { url: '/api/volunteers/me/withdraw', payload: { reason: '家里有事，暂时退出' } }),
    anonymous: 401, noRole: 200, roles: all(200),
  },
  // Teams: anyone signed in may register one or join one; a roster is for its leader and the region's coordinators.
  'POST /api/teams': {
    request: async () => ({ url: '/api/teams', payload: { name: `测试团队${fresh()}`, type: 'youth_league', parentOrganisation: '共青团融水县委', serviceRegionCode: '450225000000' } }),
    anonymous: 401, noRole: 201, roles: all(201),
  },
  // The matrix's leaders lead no team (their team is somebody else's): 404, like a missing one.
  'GET /api/teams/mine': { request: async () => ({ url: '/api/teams/mine' }), anonymous: 401, noRole: 403, roles: only({ group_leader: 404 }) },
  'POST /api/teams/join': {
    request: async (c) => (await ownApplication(c, 'draft'), { url: '/api/teams/join', payload: { code: (await teamAt(c.t, REGION.parent)).joinCode } }),
    anonymous: 401, noRole: 200, roles: all(200),
  },
  'GET /api/teams/:id/members': {
    request: async ({ t }) => ({ url: `/api/teams/${(await teamAt(t, V)).id}/members` }),
    anonymous: 401, noRole: 403, roles: only({ coordinator: scoped(200), group_leader: 404 }),
  },
  // Vetting: coordinators, for applications whose service area lies inside their region.
  'GET /api/vetting/queue': { request: async () => ({ url: '/api/vetting/queue' }), anonymous: 401, noRole: 403, roles: only({ coordinator: 200 }) },
  'GET /api/vetting/applications/:id': {
    request: async ({ t }) => ({ url: `/api/vetting/applications/${(await volunteerRow(t, { status: 'submitted', regionCode: V })).id}` }),
    anonymous: 401, noRole: 403, roles: only({ coordinator: scoped(200) }),
  },
  'PATCH /api/vetting/applications/:id/checks': {
    request: async ({ t }) => ({
      url: `/api/vetting/applications/${(await volunteerRow(t, { status: 'submitted', regionCode: V })).id}/checks`,
      payload: { identityVerified: true, identityVerifiedOn: '2026-03-01' },
    }),
    anonymous: 401, noRole: 403, roles: only({ coordinator: scoped(200) }),
  },
  'POST /api/vetting/applications/:id/decision': {
    request: async ({ t }) => ({
      url: `/api/vetting/applications/${(await volunteerRow(t, { status: 'submitted', regionCode: V, checksDone: true })).id}/decision`,
      payload: { decision: 'approve', reason: '核查通过' },
    }),
    anonymous: 401, noRole: 403, roles: only({ coordinator: scoped(200) }),
  },
  'POST /api/vetting/applications/:id/suspend': {
    request: async ({ t }) => ({ url: `/api/vetting/applications/${(await volunteerRow(t, { status: 'approved', regionCode: V, checksDone: true })).id}/suspend`, payload: { reason: '暂停服务' } }),
    anonymous: 401, noRole: 403, roles: only({ coordinator: scoped(200) }),
  },
  'GET /api/audit': {
    request: async () => ({ url: '/api/audit' }),
    anonymous: 401, noRole: 403, roles: only({ admin: 200, civil_affairs: 200 }),
  },
  ...CHILDREN_MATRIX,
  ...PAIRINGS_MATRIX,
  ...DUTY_MATRIX,
  ...REPORTS_MATRIX,
  ...CHECKINS_MATRIX,
  ...CARE_MATRIX,
}

/** Swagger UI's own pages and assets: documentation, no data. */
const UNGUARDED_PREFIXES = ['/api/docs']

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

/** The table's request; `missingId` swaps the record's id in the URL for one that exists nowhere. */
async function call(key: string, token: string | undefined, { missingId = false } = {}) {
  const [method, path] = key.split(' ') as [string, string]
  const req = await MATRIX[key]!.request({ t, token })
  const url = missingId ? req.url.replace(UUID, randomUUID()) : req.url
  const headers = { ...req.headers, ...(token ? bearer(token) : {}) }
  return t.app.inject({ method: method as 'GET', url, headers, ...(req.payload ? { payload: req.payload } : {}), remoteAddress: req.remoteAddress ?? nextClientAddress() })
    .then((res) => ({ res, path, url: req.url }))
}

/** A denial that differs from a random id's answer tells the caller the id exists. */
async function oracle(key: string, token: string, denied: { statusCode: number; body: string }, url: string): Promise<string | null> {
  if (!UUID.test(url) || ![403, 404].includes(denied.statusCode)) return null
  const { res } = await call(key, token, { missingId: true })
  const codeOf = (body: string) => { try { return JSON.parse(body).code } catch { return body.slice(0, 40) } }
  return res.statusCode === denied.statusCode && codeOf(res.body) === codeOf(denied.body)
    ? null
    : `${denied.statusCode} ${codeOf(denied.body)} for an existing id, ${res.statusCode} ${codeOf(res.body)} for a missing one`
}

async function tokenWithoutRole(): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', remoteAddress: nextClientAddress(), payload: { code: t.fakeWechat.mintLoginCode({ deviceId: `norole-${fresh()}` }).code } })
  return res.json().token
}

describe('authorization matrix', () => {
  it('covers every registered route', () => {
    const registered = t.app.routeList
      .filter((r) => !UNGUARDED_PREFIXES.some((p) => r.url.startsWith(p)))
      .map((r) => `${r.method} ${r.url}`)
    expect([...new Set(registered)].sort()).toEqual(Object.keys(MATRIX).sort())
  })

  for (const key of Object.keys(MATRIX)) {
    describe(key, () => {
      it('answers anonymous and role-less callers as the table says', async () => {
        expect((await call(key, undefined)).res.statusCode, 'anonymous').toBe(MATRIX[key]!.anonymous)
        const token = await tokenWithoutRole()
        const { res, url } = await call(key, token)
        expect(res.statusCode, 'no role').toBe(MATRIX[key]!.noRole)
        expect(await oracle(key, token, res, url), 'no role').toBeNull()
      })

      it('answers every role in its own, the parent and a sibling region as the table says', async () => {
        const problems: string[] = []
        for (const role of ROLES) {
          const expected = MATRIX[key]!.roles[role]
          for (const [i, rel] of (['own', 'parent', 'sibling'] as Rel[]).entries()) {
            const want = typeof expected === 'number' ? expected : expected[i]!
            const token = await tokenFor(t.app, { role, regionCode: REGION[rel] })
            const { res, url } = await call(key, token)
            if (res.statusCode !== want) problems.push(`${role}@${rel}: ${res.statusCode} (want ${want}) ${res.body.slice(0, 80)}`)
            const leak = await oracle(key, token, res, url)
            if (leak) problems.push(`${role}@${rel}: ${leak}`)
          }
        }
        expect(problems).toEqual([])
        // 21 sign-ins and requests in a row, some rendering a PDF: on a busy CI machine (every test
        // file runs at once) this can take far longer than the default 30 s, without being wrong.
      }, 180_000)
    })
  }
})
