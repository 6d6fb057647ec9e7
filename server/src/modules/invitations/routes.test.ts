import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
let admin: string
let coordinator: string
const COUNTY = '450225000000'
const VILLAGE = '450225101201'
const OTHER_COUNTY_VILLAGE = '450226100201'

beforeAll(async () => {
  t = await buildTestApp()
})
// Fresh sessions for every test: some tests move the clock past the staff idle timeout.
beforeEach(async () => {
  admin = await tokenFor(t.app, { role: 'admin', regionCode: '450000000000' })
  coordinator = await tokenFor(t.app, { role: 'coordinator', regionCode: COUNTY })
})
afterAll(() => t.close())

const invite = (token: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/invitations', headers: bearer(token), payload })
let ip = 0
// Each redemption from its own address: the route allows 10 a minute per address.
const redeem = (payload: object, token?: string) =>
  t.app.inject({ method: 'POST', url: '/api/invitations/redeem', payload, remoteAddress: `10.1.0.${++ip}`, ...(token ? { headers: bearer(token) } : {}) })
let seq = 0
const credentials = () => ({ displayName: '李芳', username: `lifang${++seq}`, password: 'village-2026-ok' })

describe('POST /api/invitations', () => {
  it('gives a coordinator a one-time code for a child director of a village in the county', async () => {
    const res = await invite(coordinator, { role: 'child_director', regionCode: VILLAGE, note: '古顶村儿童主任' })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({ role: 'child_director', regionCode: VILLAGE, regionName: '古顶村委会', status: 'pending' })
    expect(body.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/)
    expect(body.link).toBe(`/pages/invite/index?code=${body.code}`)
    expect(new Date(body.expiresAt).getTime() - new Date(body.createdAt).getTime()).toBe(7 * 24 * 3_600_000)
    // Only the hash is kept.
    expect(JSON.stringify(await t.prisma.invitation.findMany())).not.toContain(body.code)
  })

  it('refuses a role the inviter may not grant, a region outside theirs, or the wrong level', async () => {
    for (const payload of [
      { role: 'civil_affairs', regionCode: COUNTY },
      { role: 'child_director', regionCode: OTHER_COUNTY_VILLAGE },
      { role: 'child_director', regionCode: '450225101000' },
    ]) {
      const res = await invite(coordinator, payload)
      expect(res.statusCode).toBe(403)
      expect(res.json().code).toBe('INVITATION_OUT_OF_SCOPE')
    }
  })

  it('answers 403 to a role that cannot invite at all', async () => {
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE })
    expect((await invite(director, { role: 'child_director', regionCode: VILLAGE })).statusCode).toBe(403)
  })
})

describe('POST /api/invitations/redeem', () => {
  it('creates desk credentials, grants the role and signs the invitee in with it', async () => {
    const { code } = (await invite(admin, { role: 'coordinator', regionCode: COUNTY })).json()
    const creds = credentials()
    const res = await redeem({ code, ...creds })
    expect(res.statusCode).toBe(200)
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(res.json().token) })).json()
    expect(me).toMatchObject({ displayName: '李芳', activeRole: { role: 'coordinator', regionCode: COUNTY } })
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/password', payload: { username: creds.username, password: creds.password } })
    expect(signIn.statusCode).toBe(200)
  })

  it('adds the role to a user already signed in with WeChat', async () => {
    const { code } = (await invite(coordinator, { role: 'child_director', regionCode: VILLAGE })).json()
    const wx = (await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: t.fakeWechat.mintLoginCode({ deviceId: 'phone-of-lifang' }).code } })).json()
    const res = await redeem({ code }, wx.token)
    expect(res.statusCode).toBe(200)
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(res.json().token) })).json()
    expect(me.activeRole).toMatchObject({ role: 'child_director', regionCode: VILLAGE })
  })

  it('works only once', async () => {
    const { code } = (await invite(coordinator, { role: 'child_director', regionCode: VILLAGE })).json()
    expect((await redeem({ code, ...credentials() })).statusCode).toBe(200)
    const again = await redeem({ code, ...credentials() })
    expect(again.statusCode).toBe(400)
    expect(again.json().code).toBe('INVITATION_INVALID')
  })

  it('lets exactly one of two simultaneous redemptions win', async () => {
    const { code } = (await invite(coordinator, { role: 'child_director', regionCode: VILLAGE })).json()
    const results = await Promise.all([redeem({ code, ...credentials() }), redeem({ code, ...credentials() })])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400])
  })

  it('refuses an invitation after 7 days', async () => {
    const { code } = (await invite(coordinator, { role: 'child_director', regionCode: VILLAGE })).json()
    t.clock.advance(7 * 24 * 3_600_000 + 1000)
    expect((await redeem({ code, ...credentials() })).json().code).toBe('INVITATION_INVALID')
  })

  it('refuses a revoked invitation, and a revoke from another county answers 404', async () => {
    const created = (await invite(coordinator, { role: 'child_director', regionCode: VILLAGE })).json()
    const outsider = await tokenFor(t.app, { role: 'coordinator', regionCode: '450226000000' })
    expect((await t.app.inject({ method: 'POST', url: `/api/invitations/${created.id}/revoke`, headers: bearer(outsider) })).statusCode).toBe(404)
    const revoked = await t.app.inject({ method: 'POST', url: `/api/invitations/${created.id}/revoke`, headers: bearer(coordinator) })
    expect(revoked.json().status).toBe('revoked')
    expect((await redeem({ code: created.code, ...credentials() })).json().code).toBe('INVITATION_INVALID')
  })

  it('asks a desk user without an account for name, username and password, and enforces password rules', async () => {
    const { code } = (await invite(coordinator, { role: 'child_director', regionCode: VILLAGE })).json()
    expect((await redeem({ code })).json().code).toBe('CREDENTIALS_REQUIRED')
    const weak = await redeem({ code, displayName: '李芳', username: 'lifang-weak', password: 'short1' })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().fields.password).toBe('密码至少10位')
    // Nothing was half-saved: the code still works.
    expect((await redeem({ code, ...credentials() })).statusCode).toBe(200)
  })

  it('says a taken username is taken, and keeps the invitation usable', async () => {
    const { code } = (await invite(coordinator, { role: 'child_director', regionCode: VILLAGE })).json()
    const creds = credentials()
    const first = (await invite(coordinator, { role: 'child_director', regionCode: VILLAGE })).json()
    await redeem({ code: first.code, ...creds })
    const clash = await redeem({ code, ...creds })
    expect(clash.statusCode).toBe(409)
    expect(clash.json().code).toBe('USERNAME_TAKEN')
    expect((await redeem({ code, ...credentials() })).statusCode).toBe(200)
  })
})

describe('GET /api/invitations', () => {
  it('lists only the invitations inside the viewer\'s region', async () => {
    const township = await tokenFor(t.app, { role: 'coordinator', regionCode: '450225102000' })
    await invite(township, { role: 'child_director', regionCode: '450225102201' })
    const mine = (await t.app.inject({ method: 'GET', url: '/api/invitations', headers: bearer(township) })).json().items
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((i: { regionCode: string }) => i.regionCode.startsWith('450225102'))).toBe(true)
    const county = (await t.app.inject({ method: 'GET', url: '/api/invitations', headers: bearer(coordinator) })).json().items
    expect(county.length).toBeGreaterThan(mine.length)
  })
})
