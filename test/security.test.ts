import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../server/src/seed/demo'
import { buildTestApp, type TestContext } from './helpers/build-app'
import { bearer, tokenFor } from './helpers/personas'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

describe('security baseline', () => {
  it('sends no CORS permission to another origin (closed by default)', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/api/me', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } })
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('sets protective headers on answers, refusals and misses alike', async () => {
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/healthz' }),
      await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer not-a-real-session-token-at-all' } }),
      await t.app.inject({ method: 'GET', url: '/api/no-such-route' }),
    ]
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 404])
    for (const res of answers) {
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['content-security-policy']).toContain("script-src 'self'")
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
      expect(res.headers['strict-transport-security']).toBeUndefined()
      expect(res.headers['cache-control']).toBe('no-store')
    }
  })

  it("keeps no API answer in any cache: a signed-in director's list and a child's file are no-store", async () => {
    await seedDemo(t.prisma, t.keyring)
    const director = bearer(await tokenFor(t.app, 'demo.director.guding'))
    const list = await t.app.inject({ method: 'GET', url: '/api/children', headers: director })
    expect(list.statusCode).toBe(200)
    const id = (list.json() as { items: Array<{ id: string }> }).items[0]!.id
    const file = await t.app.inject({ method: 'GET', url: `/api/children/${id}`, headers: director })
    expect(file.statusCode).toBe(200)
    for (const res of [list, file]) expect(res.headers['cache-control']).toBe('no-store')
  })

  it('refuses a body over 256 KB with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password', payload: { username: 'x', password: 'y'.repeat(300_000) } })
    expect(res.statusCode).toBe(413)
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('answers malformed JSON with 400 and the one error body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { 'content-type': 'application/json' }, payload: '{"username":' })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) })
  })

  it('limits desk sign-in attempts per address to 10 a minute', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/password', remoteAddress: '10.200.0.1', payload: { username: 'nobody', password: 'wrong-password-1' } })
      statuses.push(res.statusCode)
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true)
    expect(statuses.slice(10)).toEqual([429, 429])
  })

  it('rejects a malformed Authorization header instead of ignoring it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Basic abc' } })
    expect(res.statusCode).toBe(401)
  })
})

describe('client addresses', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted, so rate limits cannot be dodged', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/auth/password', remoteAddress: '10.201.0.1',
        headers: { 'x-forwarded-for': `203.0.113.${i}` }, payload: { username: 'nobody', password: 'wrong-password-1' },
      })
      statuses.push(res.statusCode)
    }
    expect(statuses.at(-1)).toBe(429)
  })
})
