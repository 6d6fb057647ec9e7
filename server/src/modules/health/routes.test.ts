import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

describe('GET /api/healthz', () => {
  it('is 200 with the database up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/healthz' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', database: 'up' })
  })

  it('is 503 with the database down once the connection is gone', async () => {
    const other = await buildTestApp()
    await other.prisma.$disconnect()
    // Point the app at a database that refuses connections.
    const { createPrisma } = await import('../../db/prisma')
    const broken = createPrisma('postgresql://nobody:wrong@127.0.0.1:9/none')
    ;(other.app as unknown as { prisma: unknown }).prisma = broken
    const res = await other.app.inject({ method: 'GET', url: '/api/healthz' })
    expect(res.statusCode).toBe(503)
    expect(res.json()).toMatchObject({ status: 'degraded', database: 'down' })
    await other.close()
  })
})

describe('GET /api/openapi.json', () => {
  it('documents the API from the route schemas, with named schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(doc.info.title).toBe('牵手童行 API')
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/healthz', '/api/me', '/api/regions/{code}/children']))
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Health', 'Me', 'ErrorResponse']))
  })
})

describe('GET /api/regions/:code/children', () => {
  it('lists the villages of a township from the real national codes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions/450225101000/children' })
    expect(res.statusCode).toBe(200)
    const names = res.json().items.map((r: { name: string }) => r.name)
    expect(names).toContain('古顶村委会')
    expect(res.json().items.every((r: { level: string }) => r.level === 'village')).toBe(true)
  })

  it('answers 400 with a Chinese field message for a malformed code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions/45/children' })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields.code).toBe('地区代码应为12位数字')
  })
})
