import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
const VILLAGE = '450225101201'
const TOWNSHIP = '450225101000'

beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })
const minutes = (n: number) => n * 60_000

describe('GET /api/me', () => {
  it('answers 401 UNAUTHENTICATED without a token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' })
  })

  it('answers 401 for a token that was never issued', async () => {
    const res = await me('x'.repeat(43))
    expect(res.statusCode).toBe(401)
  })

  it('shows the active role with its region name', async () => {
    const token = await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE })
    const body = (await me(token)).json()
    expect(body.activeRole).toMatchObject({ role: 'child_director', regionCode: VILLAGE, regionName: '古顶村委会' })
    expect(body.roles).toHaveLength(1)
  })
})

describe('sessions', () => {
  it('ends a staff session after 30 idle minutes but keeps an active one alive', async () => {
    const token = await tokenFor(t.app, { role: 'supervisor', regionCode: TOWNSHIP })
    t.clock.advance(minutes(29))
    expect((await me(token)).statusCode).toBe(200)
    t.clock.advance(minutes(29))
    expect((await me(token)).statusCode).toBe(200)
    t.clock.advance(minutes(31))
    const res = await me(token)
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('SESSION_EXPIRED')
  })

  it('keeps a volunteer signed in after a week away, as phones in villages expect', async () => {
    const token = await tokenFor(t.app, { role: 'volunteer', regionCode: TOWNSHIP })
    t.clock.advance(minutes(7 * 24 * 60))
    expect((await me(token)).statusCode).toBe(200)
    t.clock.advance(minutes(15 * 24 * 60))
    expect((await me(token)).statusCode).toBe(401)
  })

  it('ends every session at its absolute lifetime however active it is', async () => {
    const token = await tokenFor(t.app, { role: 'volunteer', regionCode: VILLAGE })
    const days = t.config.SESSION_MAX_HOURS / 24
    for (let d = 0; d < days - 1; d++) {
      t.clock.advance(minutes(24 * 60))
      expect((await me(token)).statusCode).toBe(200)
    }
    t.clock.advance(minutes(48 * 60))
    expect((await me(token)).json().code).toBe('SESSION_EXPIRED')
  })

  it('revokes the session on logout', async () => {
    const token = await tokenFor(t.app, { role: 'coordinator', regionCode: '450225000000' })
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) })
    expect(out.statusCode).toBe(204)
    expect((await me(token)).statusCode).toBe(401)
  })

  it('locks a disabled user out on the very next request', async () => {
    const token = await tokenFor(t.app, { role: 'civil_affairs', regionCode: '450225000000' })
    const { userId } = (await me(token)).json()
    await t.prisma.user.update({ where: { id: userId }, data: { disabledAt: t.clock.now() } })
    expect((await me(token)).statusCode).toBe(401)
  })

  it('drops a removed role on the very next request', async () => {
    const token = await tokenFor(t.app, { role: 'coordinator', regionCode: TOWNSHIP })
    const { activeRole } = (await me(token)).json()
    await t.prisma.roleAssignment.update({ where: { id: activeRole.id }, data: { revokedAt: t.clock.now() } })
    const after = (await me(token)).json()
    expect(after.activeRole).toBeNull()
    expect(after.roles).toEqual([])
  })
})

describe('POST /api/dev/login', () => {
  it('refuses unknown personas with PERSONA_NOT_FOUND', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/dev/login', payload: { persona: 'demo.nobody' } })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('PERSONA_NOT_FOUND')
  })

  it('rejects unknown keys in the body (no mass assignment)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/dev/login', payload: { role: 'admin', regionCode: '450000000000', userId: 'x' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VALIDATION_FAILED')
  })

  it('refuses a region code that does not exist', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/dev/login', payload: { role: 'admin', regionCode: '999999000000' } })
    expect(res.statusCode).toBe(404)
  })
})
