/**
 * Sessions come from a cache in each API process (modules/auth/session-cache.ts), and still a
 * logout, a disabled user or a removed role takes effect on the very next request — through any
 * process. Two real server processes on one PostgreSQL: each change is made through one (or by an
 * operator in the database) and the next request goes to the other, whose cache held the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrisma, type Db } from '../server/src/db/prisma'
import { createTestDatabase } from './helpers/build-app'
import { START_TIMEOUT, startApi, stopAllServers, tempDir } from './helpers/server-process'

let prisma: Db
let a: string
let b: string

// The cache is on only while the process LISTENs; before that every request reads the database.
const boot = async (databaseUrl: string) =>
  (await startApi({ NODE_ENV: 'development', DATABASE_URL: databaseUrl, DATA_DIR: tempDir(), SEED_DEMO: 'false', RUN_WORKER: 'false', LOG_LEVEL: 'warn' }, { sessionCache: true })).base

beforeAll(async () => {
  const databaseUrl = await createTestDatabase()
  prisma = createPrisma(databaseUrl, { max: 2 })
  ;[a, b] = await Promise.all([boot(databaseUrl), boot(databaseUrl)])
}, START_TIMEOUT * 2)
afterAll(async () => {
  await stopAllServers()
  await prisma?.$disconnect()
}, 60_000)

const call = async (base: string, method: string, path: string, token?: string, body?: object) => {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, any> | null }
}

/** Signs in through A and warms both caches with a few requests each. */
async function signedIn(role: string, regionCode: string) {
  const token = (await call(a, 'POST', '/api/dev/login', undefined, { role, regionCode })).body!.token as string
  for (const base of [a, b, a, b]) expect((await call(base, 'GET', '/api/me', token)).status).toBe(200)
  return token
}

describe('the session cache across two API processes', () => {
  it('refuses a session logged out through one process on the next request through the other', async () => {
    const token = await signedIn('coordinator', '450225000000')
    expect((await call(a, 'POST', '/api/auth/logout', token)).status).toBe(204)
    expect((await call(b, 'GET', '/api/me', token)).status).toBe(401)
    expect((await call(a, 'GET', '/api/me', token)).status).toBe(401)
  })

  it('locks out a user an operator disabled in the database, in both processes at once', async () => {
    const token = await signedIn('civil_affairs', '450225000000')
    const { userId } = (await call(b, 'GET', '/api/me', token)).body!
    await prisma.user.update({ where: { id: userId }, data: { disabledAt: new Date() } })
    expect((await call(b, 'GET', '/api/me', token)).status).toBe(401)
    expect((await call(a, 'GET', '/api/me', token)).status).toBe(401)
  })

  it('drops a removed role on the next request through the other process', async () => {
    const token = await signedIn('child_director', '450225101201')
    const before = (await call(b, 'GET', '/api/me', token)).body!
    expect(before.activeRole.role).toBe('child_director')
    expect((await call(b, 'GET', '/api/children', token)).status).toBe(200)
    await prisma.roleAssignment.update({ where: { id: before.activeRole.id }, data: { revokedAt: new Date() } })
    const after = (await call(b, 'GET', '/api/me', token)).body!
    expect(after.activeRole).toBeNull()
    expect(after.roles).toEqual([])
    expect((await call(a, 'GET', '/api/children', token)).status).toBe(403)
  })

  it('shows a role granted elsewhere on the next /api/me', async () => {
    const token = await signedIn('supervisor', '450225101000')
    const { userId, roles } = (await call(a, 'GET', '/api/me', token)).body!
    expect(roles).toHaveLength(1)
    await prisma.roleAssignment.create({ data: { userId, role: 'coordinator', regionCode: '450225101000' } })
    const after = (await call(b, 'GET', '/api/me', token)).body!
    expect(after.roles.map((r: { role: string }) => r.role).sort()).toEqual(['coordinator', 'supervisor'])
  })
})
