/**
 * A production build of the app has no demo back doors: the dev sign-in (any persona, any role in
 * any region), the persona list and the H5 stand-in for wx.login are not registered at all, so they
 * answer exactly like a path that never existed. The same requests against a development-style app
 * show that it is production mode, not a broken request, that makes them 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from './helpers/build-app'

const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  WECHAT_API_BASE: 'http://127.0.0.1:9',
  WECHAT_SECRET: 'x',
  DATA_KEYS: `p1:${Buffer.alloc(32, 1).toString('base64')}`,
  BLIND_INDEX_KEY: 'production-test-blind-index-key-0123456789',
}

// A region of the template database (Guangxi is loaded), so the body is one the dev route accepts.
const ANY_ROLE_LOGIN = { role: 'coordinator', regionCode: '450225000000' }

const DEV_REQUESTS = [
  { what: 'sign in as a demo persona', method: 'POST', url: '/api/dev/login', payload: { persona: 'demo.coordinator' } },
  { what: 'sign in as any role in any region', method: 'POST', url: '/api/dev/login', payload: ANY_ROLE_LOGIN },
  { what: 'list the demo personas', method: 'GET', url: '/api/dev/personas' },
  { what: 'get a fake wx.login code', method: 'POST', url: '/api/dev/wechat/code', payload: { deviceId: 'device-0001' } },
] as const

let prod: TestContext
let dev: TestContext

beforeAll(async () => {
  ;[prod, dev] = await Promise.all([buildTestApp({ env: PRODUCTION_ENV }), buildTestApp()])
})

afterAll(async () => {
  await prod?.close()
  await dev?.close()
})

describe('the app in production', () => {
  it('runs with the production configuration', () => {
    expect(prod.config.isProduction).toBe(true)
    expect(prod.config.seedDemo).toBe(false)
  })

  it.each(DEV_REQUESTS)('answers $method $url ($what) with 404 NOT_FOUND, as if it never existed', async ({ what: _what, ...request }) => {
    const res = await prod.app.inject(request)
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' })

    const unknown = await prod.app.inject({ ...request, url: '/api/no-such-route' })
    expect(res.json()).toEqual(unknown.json())
  })

  it('has no /api/dev routes in its route table or its OpenAPI document', async () => {
    for (const r of DEV_REQUESTS) expect(prod.app.hasRoute({ method: r.method, url: r.url }), r.url).toBe(false)
    const doc = (await prod.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> }
    expect(Object.keys(doc.paths).length).toBeGreaterThan(3)
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/dev'))).toEqual([])
  })

  it('opens no session through the dev sign-in', async () => {
    await prod.app.inject({ method: 'POST', url: '/api/dev/login', payload: ANY_ROLE_LOGIN })
    expect(await prod.prisma.session.count()).toBe(0)
    expect(await prod.prisma.user.count()).toBe(0)
  })

  it('answers /api/healthz with 200 and the database up', async () => {
    const res = await prod.app.inject({ method: 'GET', url: '/api/healthz' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', database: 'up' })
  })
})

describe('the same requests outside production', () => {
  it('reach the dev routes (so the 404s above come from production mode)', async () => {
    const personas = await dev.app.inject({ method: 'GET', url: '/api/dev/personas' })
    expect(personas.statusCode).toBe(200)
    const login = await dev.app.inject({ method: 'POST', url: '/api/dev/login', payload: ANY_ROLE_LOGIN })
    expect(login.statusCode).toBe(200)
    expect(login.json()).toHaveProperty('token')
    const code = await dev.app.inject({ method: 'POST', url: '/api/dev/wechat/code', payload: { deviceId: 'device-0001' } })
    expect(code.statusCode).toBe(200)
    for (const r of DEV_REQUESTS) expect(dev.app.hasRoute({ method: r.method, url: r.url }), r.url).toBe(true)
  })
})
