/**
 * The production layout on one PostgreSQL: API processes without the worker (RUN_WORKER=false)
 * and a worker alone (RUN_API=false, `npm run worker`). Two API processes talk to PostgreSQL
 * directly; two more go through PgBouncer in transaction pooling (their LISTEN connection goes
 * direct, DATABASE_DIRECT_URL; Debian's PgBouncer 1.18 cannot carry named prepared statements,
 * so DATABASE_NAMED_STATEMENTS=false there). For each pair:
 *   - a check-in sent through one process and resent (same Idempotency-Key) through the other is
 *     stored once, and the notice of the director's decision, taken through either, reaches the
 *     volunteer's WeChat once (outbox → worker);
 *   - a logout or a disabled account through one process is refused on the next request through
 *     the other.
 * And a reminder job (the escalation sweep, every minute) runs once: each overdue report's
 * escalation notice reaches each recipient once, though four API processes share the database.
 * Every recipient accepted the template five times, so a duplicate would be delivered, not hidden.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrisma, type Db } from '../server/src/db/prisma'
import type { Role } from '@qstx/shared'
import { startFakeWechat, type FakeWechat } from '../server/src/wechat/fake-server'
import { createTestDatabase } from './helpers/build-app'
import { carriesNamedStatements, startPgBouncer, type PgBouncer } from './helpers/pgbouncer'
import { activePairing, signInWithWechat, wechatUser } from './helpers/process-fixtures'
import { START_TIMEOUT, eventually, startApi, startServer, stopAllServers, tempDir } from './helpers/server-process'

const APPID = 'wx0000000000procs0'
const SECRET = 'processes-test-secret'
const TEMPLATE = 'qstx-general-notice'
const VILLAGE = '450225101201'
const COUNTY = '450225000000'

let fake: FakeWechat
let prisma: Db
let bouncer: PgBouncer
const layouts: Record<string, [string, string]> = {}
const common = () => ({
  NODE_ENV: 'development', DATA_DIR: tempDir(), SEED_DEMO: 'false', HOST: '127.0.0.1', LOG_LEVEL: 'warn',
  WECHAT_API_BASE: fake.url, WECHAT_APPID: APPID, WECHAT_SECRET: SECRET, WECHAT_TEMPLATE_GENERAL: TEMPLATE,
})

const api = async (env: Record<string, string>) => (await startApi({ ...common(), ...env, RUN_WORKER: 'false' }, { sessionCache: true })).base

beforeAll(async () => {
  fake = await startFakeWechat({ appid: APPID, secret: SECRET })
  const databaseUrl = await createTestDatabase()
  prisma = createPrisma(databaseUrl, { max: 2 })
  bouncer = await startPgBouncer(databaseUrl)
  const worker = startServer({ ...common(), DATABASE_URL: databaseUrl, RUN_API: 'false', LOG_LEVEL: 'info' })
  const pooled = { DATABASE_URL: bouncer.url, DATABASE_DIRECT_URL: databaseUrl, DATABASE_NAMED_STATEMENTS: String(carriesNamedStatements(bouncer.version)) }
  const [a, b, c, d] = await Promise.all([api({ DATABASE_URL: databaseUrl }), api({ DATABASE_URL: databaseUrl }), api(pooled), api(pooled)])
  layouts.direct = [a!, b!]
  layouts['through PgBouncer (transaction pooling)'] = [c!, d!]
  expect(await eventually(() => worker.stdout().includes('worker running'), 30_000)).toBe(true)
}, START_TIMEOUT * 3)

afterAll(async () => {
  await stopAllServers()
  await bouncer?.stop()
  await prisma?.$disconnect()
  await fake?.close()
}, 60_000)

async function call(base: string, method: string, path: string, token?: string, body?: object, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, any> | null }
}

let people = 0
/** Someone who signed in with WeChat through `base`, holds `role`, and accepted the template five times. */
async function subscribedUser(base: string, role: Role, regionCode: string) {
  const deviceId = `procs-${role}-${++people}`
  const { openid, userId } = await wechatUser(prisma, APPID, deviceId, role, regionCode)
  const token = await signInWithWechat(base, fake, deviceId)
  for (let i = 0; i < 5; i++) fake.subscribe({ openid, templateIds: [TEMPLATE] })
  return { token, openid, userId }
}

const messagesTo = (openid: string) => fake.state.messages.filter((m) => m.touser === openid)
const settle = () => new Promise((r) => setTimeout(r, 4000)) // time enough for a duplicate to show

describe.each(Object.keys({ direct: 1, 'through PgBouncer (transaction pooling)': 1 }))('two API processes and a worker, %s', (layout) => {
  it('stores a check-in resent through the other process once and delivers each decision notice once', async () => {
    const [a, b] = layouts[layout]!
    const volunteer = await subscribedUser(a, 'volunteer', '450225101000')
    const pairing = { id: await activePairing(prisma, volunteer.userId, VILLAGE, '王秀兰') }
    const director = (await call(b, 'POST', '/api/dev/login', undefined, { role: 'child_director', regionCode: VILLAGE })).body!.token as string

    for (const [first, second, decision] of [[a, b, 'confirm'], [b, a, 'dispute']] as const) {
      const key = randomUUID()
      const body = { pairingId: pairing.id, startedAt: new Date(Date.now() - (decision === 'confirm' ? 5 : 3) * 3_600_000).toISOString(), durationMinutes: 60, contactMode: 'home_visit', serviceTypes: ['reading'], summary: '一起读书' }
      const sent = await call(first, 'POST', '/api/checkins', volunteer.token, body, { 'idempotency-key': key })
      const resent = await call(second, 'POST', '/api/checkins', volunteer.token, body, { 'idempotency-key': key })
      expect([sent.status, resent.status]).toEqual([201, 201])
      expect(resent.body!.id).toBe(sent.body!.id)
      const decided = await call(second, 'POST', `/api/checkins/${sent.body!.id}/${decision}`, director, decision === 'confirm' ? {} : { reason: '当天孩子不在家' })
      expect(decided.status).toBe(200)
    }
    expect(await prisma.checkin.count({ where: { pairingId: pairing.id } })).toBe(2)
    expect(await eventually(() => messagesTo(volunteer.openid).length >= 2, 30_000)).toBe(true)
    await settle()
    expect(messagesTo(volunteer.openid)).toHaveLength(2)
  }, 90_000)

  it('refuses a session logged out through one process on the next request through the other', async () => {
    const [a, b] = layouts[layout]!
    for (const [here, there] of [[a, b], [b, a]] as const) {
      const token = (await call(here, 'POST', '/api/dev/login', undefined, { role: 'coordinator', regionCode: COUNTY })).body!.token as string
      for (const base of [a, b, a, b]) expect((await call(base, 'GET', '/api/me', token)).status).toBe(200)
      expect((await call(here, 'POST', '/api/auth/logout', token)).status).toBe(204)
      expect((await call(there, 'GET', '/api/me', token)).status).toBe(401)
    }
  })

  it('refuses an account disabled through one process on the next request through the other', async () => {
    const [a, b] = layouts[layout]!
    const admin = (await call(a, 'POST', '/api/dev/login', undefined, { role: 'admin', regionCode: '450000000000' })).body!.token as string
    const user = await subscribedUser(b, 'child_director', '450225102201')
    for (const base of [a, b, a, b]) expect((await call(base, 'GET', '/api/me', user.token)).status).toBe(200)
    expect((await call(a, 'POST', `/api/users/${user.userId}/disable`, admin)).status).toBe(204)
    expect((await call(b, 'GET', '/api/me', user.token)).status).toBe(401)
  })
})

describe('the worker beside four API processes', () => {
  it('runs the escalation reminder once: one notice per overdue report and recipient', async () => {
    const [a] = layouts.direct!
    const [c] = layouts['through PgBouncer (transaction pooling)']!
    const civil = await subscribedUser(a, 'civil_affairs', COUNTY)
    const coordinator = await subscribedUser(c, 'coordinator', COUNTY)
    // Two reports nobody acknowledged for 31 minutes (safeguarding_reports is append-only, so they
    // are written already that old): the next sweep, within a minute, takes each to the county.
    const reports: string[] = []
    for (const childName of ['小雨', '小雪']) {
      const createdAt = new Date(Date.now() - 31 * 60_000)
      const report = await prisma.safeguardingReport.create({
        data: { reporterUserId: civil.userId, regionCode: VILLAGE, childName, kind: 'abuse_violence', urgency: 'immediate', seen: '孩子说昨晚被打', seenAt: createdAt, createdAt },
      })
      await prisma.safeguardingEvent.create({ data: { reportId: report.id, type: 'received', at: createdAt } })
      reports.push(report.id)
    }
    const escalations = (openid: string, report: string) => messagesTo(openid).filter((m) => m.page?.endsWith(report) && m.data.thing1?.value.includes('升级'))
    const all = () => [civil, coordinator].every((u) => reports.every((r) => escalations(u.openid, r).length >= 1))
    expect(await eventually(all, 120_000)).toBe(true)
    await settle()
    for (const u of [civil, coordinator]) for (const r of reports) expect(escalations(u.openid, r)).toHaveLength(1)
    expect(await prisma.notification.count({ where: { kind: 'safeguarding.escalated', wechatStatus: 'sent' } })).toBe(4)
  }, 180_000)
})
