import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer } from '../../../../test/helpers/personas'
import { hashPassword } from './service'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const loginCode = (deviceId: string) => t.fakeWechat.mintLoginCode({ deviceId }).code
const wechatSignIn = (code: string) => t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })

describe('POST /api/auth/wechat', () => {
  it('creates the user on first sign-in and finds the same user the next time', async () => {
    const first = await wechatSignIn(loginCode('device-aaaa'))
    expect(first.statusCode).toBe(200)
    const me1 = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(first.json().token) })).json()
    expect(me1.activeRole).toBeNull()
    const second = await wechatSignIn(loginCode('device-aaaa'))
    const me2 = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(second.json().token) })).json()
    expect(me2.userId).toBe(me1.userId)
  })

  it('answers 401 WECHAT_CODE_INVALID when a login code is used twice', async () => {
    const code = loginCode('device-bbbb')
    expect((await wechatSignIn(code)).statusCode).toBe(200)
    const again = await wechatSignIn(code)
    expect(again.statusCode).toBe(401)
    expect(again.json()).toEqual({ code: 'WECHAT_CODE_INVALID', message: '微信登录凭证无效，请重新登录' })
  })

  it('answers 503 WECHAT_BUSY with retry advice when WeChat is busy', async () => {
    t.fakeWechat.control({ failNext: { path: '/sns/jscode2session', errcode: -1, errmsg: 'system error' } })
    const res = await wechatSignIn(loginCode('device-cccc'))
    expect(res.statusCode).toBe(503)
    expect(res.json().code).toBe('WECHAT_BUSY')
    expect(res.headers['retry-after']).toBe('2')
  })

  it('answers 429 when WeChat rate-limits the user and 403 for a high-risk user', async () => {
    t.fakeWechat.control({ failNext: { path: '/sns/jscode2session', errcode: 45011, errmsg: 'api minute-quota reach limit' } })
    expect((await wechatSignIn(loginCode('device-dddd'))).json().code).toBe('WECHAT_RATE_LIMITED')
    t.fakeWechat.control({ failNext: { path: '/sns/jscode2session', errcode: 40226, errmsg: 'invalid user' } })
    const risky = await wechatSignIn(loginCode('device-eeee'))
    expect(risky.statusCode).toBe(403)
    expect(risky.json().code).toBe('WECHAT_USER_RISKY')
  })

  it('records failed WeChat sign-ins in the audit trail', async () => {
    const before = await t.prisma.auditLog.count({ where: { action: 'auth.sign_in.wechat', result: 'failure' } })
    await wechatSignIn('not-a-code')
    expect(await t.prisma.auditLog.count({ where: { action: 'auth.sign_in.wechat', result: 'failure' } })).toBe(before + 1)
  })
})

describe('POST /api/auth/password', () => {
  const password = 'correct-horse-42'
  beforeAll(async () => {
    const user = await t.prisma.user.create({ data: { displayName: '陈丽', username: 'chenli', passwordHash: await hashPassword(password) } })
    await t.prisma.roleAssignment.create({ data: { userId: user.id, role: 'coordinator', regionCode: '450225000000' } })
  })
  const signIn = (pw: string, username = 'chenli') => t.app.inject({ method: 'POST', url: '/api/auth/password', payload: { username, password: pw }, remoteAddress: `10.0.0.${Math.floor(Math.random() * 200)}` })

  it('signs a staff member in with the active role of their first assignment', async () => {
    const res = await signIn(password)
    expect(res.statusCode).toBe(200)
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(res.json().token) })).json()
    expect(me.activeRole.role).toBe('coordinator')
  })

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await signIn(password, 'nobody')
    const wrong = await signIn('wrong-password-1')
    expect(unknown.statusCode).toBe(401)
    expect(unknown.json()).toEqual(wrong.json())
  })

  it('locks the account for 15 minutes after 5 failures, then lets the right password in', async () => {
    await signIn(password) // resets the counter
    for (let i = 0; i < 5; i++) expect((await signIn(`wrong-${i}-password`)).statusCode).toBe(401)
    const locked = await signIn(password)
    expect(locked.statusCode).toBe(401)
    expect(locked.json().code).toBe('SIGN_IN_FAILED')
    t.clock.advance(14 * 60_000)
    expect((await signIn(password)).statusCode).toBe(401)
    t.clock.advance(2 * 60_000)
    expect((await signIn(password)).statusCode).toBe(200)
    expect(await t.prisma.auditLog.count({ where: { action: 'auth.sign_in.locked' } })).toBe(2)
  })
})

describe('PUT /api/me/active-role', () => {
  it('switches to another of the user\'s own roles and refuses someone else\'s', async () => {
    const user = await t.prisma.user.create({ data: { displayName: '双角色' } })
    const a = await t.prisma.roleAssignment.create({ data: { userId: user.id, role: 'child_director', regionCode: '450225101201' } })
    const b = await t.prisma.roleAssignment.create({ data: { userId: user.id, role: 'volunteer', regionCode: '450225101000' } })
    const other = await t.prisma.roleAssignment.create({ data: { userId: (await t.prisma.user.create({ data: { displayName: '别人' } })).id, role: 'admin', regionCode: '450000000000' } })
    const { token } = await t.app.inject({ method: 'POST', url: '/api/dev/login', payload: { role: 'child_director', regionCode: '450225101201' } }).then((r) => r.json())
    // dev login picked the first director of that village: ours.
    const sw = await t.app.inject({ method: 'PUT', url: '/api/me/active-role', headers: bearer(token), payload: { roleAssignmentId: b.id } })
    expect(sw.statusCode).toBe(200)
    expect(sw.json().activeRole).toMatchObject({ id: b.id, role: 'volunteer' })
    expect(sw.json().roles.map((r: { id: string }) => r.id)).toEqual([a.id, b.id])
    const steal = await t.app.inject({ method: 'PUT', url: '/api/me/active-role', headers: bearer(token), payload: { roleAssignmentId: other.id } })
    expect(steal.statusCode).toBe(404)
  })
})
