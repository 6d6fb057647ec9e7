/**
 * SIGTERM is a routine event (a deploy, a restart), never a loss. Two API processes behind an
 * imagined proxy and a worker of their own, on one PostgreSQL:
 *   - API process A gets SIGTERM in the middle of a stream of check-ins. Every check-in already
 *     inside A finishes and is answered 201 (WeChat's content check is made slow so that twenty
 *     are inside at that moment); A stops accepting (a refused request is 503 in our shape, or the
 *     connection is refused) and exits 0. The phones send whatever got no 201 again, same
 *     Idempotency-Key, through B. Afterwards: every check-in exactly once, every one A acknowledged
 *     among them, no key left half-done.
 *   - The worker gets SIGTERM while it delivers a notice (WeChat answers slowly): it finishes that
 *     delivery — one message, recorded as sent, no job left locked — and exits 0.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrisma, type Db } from '../server/src/db/prisma'
import { deriveOpenid, startFakeWechat, type FakeWechat } from '../server/src/wechat/fake-server'
import { createTestDatabase } from './helpers/build-app'
import { START_TIMEOUT, eventually, freePort, startServer, stopAllServers, tempDir, waitUntilUp, withTimeout, type ServerProcess } from './helpers/server-process'

const APPID = 'wx0000000000grace0'
const SECRET = 'graceful-stop-secret'
const TEMPLATE = 'qstx-general-notice'
const VILLAGE = '450225101201'
const VOLUNTEERS = 10
const REQUESTS = 200
const CONCURRENCY = 20
const SEC_CHECK = '/wxa/msg_sec_check'

let fake: FakeWechat
let prisma: Db
let databaseUrl: string
const env = () => ({
  NODE_ENV: 'development', DATA_DIR: tempDir(), SEED_DEMO: 'false', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl,
  WECHAT_API_BASE: fake.url, WECHAT_APPID: APPID, WECHAT_SECRET: SECRET, WECHAT_TEMPLATE_GENERAL: TEMPLATE, SHUTDOWN_GRACE_SECONDS: '10',
})

async function api(): Promise<{ proc: ServerProcess; base: string }> {
  const port = await freePort()
  const proc = startServer({ ...env(), PORT: String(port), RUN_WORKER: 'false' })
  const base = `http://127.0.0.1:${port}`
  await waitUntilUp(proc, base)
  return { proc, base }
}

let a: Awaited<ReturnType<typeof api>>
let b: Awaited<ReturnType<typeof api>>
let worker: ServerProcess

beforeAll(async () => {
  fake = await startFakeWechat({ appid: APPID, secret: SECRET })
  databaseUrl = await createTestDatabase()
  prisma = createPrisma(databaseUrl, { max: 2 })
  worker = startServer({ ...env(), RUN_API: 'false', LOG_LEVEL: 'info' })
  ;[a, b] = await Promise.all([api(), api()])
  expect(await eventually(() => worker.stdout().includes('worker running'), 30_000)).toBe(true)
}, START_TIMEOUT * 2)

afterAll(async () => {
  await stopAllServers()
  await prisma?.$disconnect()
  await fake?.close()
}, 60_000)

type Answer = { status: number; body: Record<string, any> | null }
async function post(base: string, path: string, body: object, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) })
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, any> | null }
  } catch {
    return { status: 0, body: null } // refused or cut: no answer, as the phone sees it
  }
}

/** Volunteers signed in with WeChat (so each check-in goes through WeChat's content check), each with an active pairing. */
async function volunteers() {
  const out: Array<{ token: string; pairingId: string; openid: string }> = []
  for (let i = 0; i < VOLUNTEERS; i++) {
    const deviceId = `grace-volunteer-${i}`
    const openid = deriveOpenid(APPID, deviceId)
    const user = await prisma.user.create({ data: { displayName: `志愿者${i}`, openid } })
    await prisma.roleAssignment.create({ data: { userId: user.id, role: 'volunteer', regionCode: '450225101000' } })
    const v = await prisma.volunteer.create({ data: { userId: user.id, realName: `志愿者${i}`, status: 'approved', serviceRegionCode: '450225101000' } })
    const child = await prisma.child.create({ data: { villageCode: VILLAGE, name: `儿童${i}`, displayName: `小${i}`, gender: 'female', birthDate: new Date('2016-04-01T00:00:00Z'), categories: ['left_behind'] } })
    const at = new Date(Date.now() - 30 * 86_400_000)
    const p = await prisma.pairing.create({ data: { childId: child.id, volunteerId: v.id, villageCode: VILLAGE, state: 'active', proposedAt: at, approvedAt: at, startDate: at, stateChangedAt: at } })
    const signIn = await post(a.base, '/api/auth/wechat', { code: fake.mintLoginCode({ deviceId }).code })
    expect(signIn.status).toBe(200)
    out.push({ token: String(signIn.body!.token), pairingId: p.id, openid })
  }
  return out
}

describe('SIGTERM', () => {
  it('lets the API finish the check-ins inside it, refuse the rest in our shape, and lose none', async () => {
    const people = await volunteers()
    // Each content check takes 400 ms, so the requests in flight are inside A's handlers.
    fake.control({ failNext: Array.from({ length: REQUESTS * 2 }, () => ({ path: SEC_CHECK, delayMs: 400 })) })
    const now = Date.now()
    const requests = Array.from({ length: REQUESTS }, (_, i) => {
      const who = people[i % VOLUNTEERS]!
      return {
        key: randomUUID(), token: who.token,
        body: { pairingId: who.pairingId, startedAt: new Date(now - (3 * 60 + i) * 60_000).toISOString(), durationMinutes: 60, contactMode: 'home_visit', serviceTypes: ['reading'], summary: `第${i}次走访：一起读书` },
      }
    })
    const acknowledgedByA = new Map<string, string>()
    const finishedAfterSignal: string[] = []
    const refusals: Answer[] = []
    const ids = new Map<string, string>()
    let signalled = false
    let aRefuses = false
    let next = 0
    const phone = async () => {
      while (next < REQUESTS) {
        const r = requests[next++]!
        for (;;) {
          const viaA = !aRefuses
          const sentBeforeSignal = signalled === false
          const res = await post(viaA ? a.base : b.base, '/api/checkins', r.body, { authorization: `Bearer ${r.token}`, 'idempotency-key': r.key })
          if (res.status === 201) {
            ids.set(r.key, String(res.body!.id))
            if (viaA) acknowledgedByA.set(r.key, String(res.body!.id))
            if (viaA && sentBeforeSignal && signalled) finishedAfterSignal.push(r.key)
            break
          }
          refusals.push(res)
          if (viaA && signalled) aRefuses = true // the proxy takes A out of rotation
          else if (res.status !== 409) throw new Error(`unexpected answer ${res.status}: ${JSON.stringify(res.body)}`)
          else await new Promise((resolve) => setTimeout(resolve, 500)) // still in progress: the phone waits and resends
        }
        if (!signalled && ids.size >= REQUESTS / 3) {
          signalled = true
          process.kill(a.proc.child.pid!, 'SIGTERM')
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, phone))
    const exit = await withTimeout(a.proc.exited, 30_000, 'waiting for A to stop')

    expect(exit.code).toBe(0)
    expect(aRefuses).toBe(true)
    // The check-ins inside A when the signal came were finished and answered, not cut.
    expect(finishedAfterSignal.length).toBeGreaterThan(0)
    // A refusal is "try again later" in our shape, or no connection at all — never a 500.
    for (const r of refusals.filter((x) => x.status !== 0 && x.status !== 409)) {
      expect(r.status).toBe(503)
      expect(r.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/[\u4e00-\u9fff]/) })
    }

    // Exactly once each; nothing A acknowledged is missing; no key left half-done.
    expect(ids.size).toBe(REQUESTS)
    const stored = await prisma.checkin.findMany({ select: { id: true } })
    expect(new Set(stored.map((c) => c.id))).toEqual(new Set(ids.values()))
    for (const [key, id] of acknowledgedByA) expect(ids.get(key)).toBe(id)
    const keys = await prisma.idempotencyKey.groupBy({ by: ['status'], _count: true })
    expect(keys).toEqual([{ status: 'completed', _count: REQUESTS }])
  }, 240_000)

  it('lets the worker finish the delivery it is making, once, and leave no job locked', async () => {
    const deviceId = 'grace-director'
    const openid = deriveOpenid(APPID, deviceId)
    const user = await prisma.user.create({ data: { displayName: '李主任', openid } })
    await prisma.roleAssignment.create({ data: { userId: user.id, role: 'child_director', regionCode: VILLAGE } })
    expect((await post(b.base, '/api/auth/wechat', { code: fake.mintLoginCode({ deviceId }).code })).status).toBe(200)
    for (let i = 0; i < 3; i++) fake.subscribe({ openid, templateIds: [TEMPLATE] })
    const reporter = (await post(b.base, '/api/dev/login', { role: 'volunteer', regionCode: '450225101000' })).body!.token as string
    // WeChat takes 3 s to accept the message: the worker is inside the job when SIGTERM comes.
    fake.control({ failNext: { path: '/cgi-bin/message/subscribe/send', delayMs: 3000 } })
    const report = await post(b.base, '/api/safeguarding/reports', {
      childName: '小雨', regionCode: VILLAGE, kind: 'neglect_guardianship', urgency: 'concern', seen: '孩子独自在家', seenAt: new Date().toISOString(),
    }, { authorization: `Bearer ${reporter}` })
    expect(report.status).toBe(201)
    const sending = () => !fake.state.failNext.some((f) => f.path === '/cgi-bin/message/subscribe/send')
    expect(await eventually(sending, 30_000)).toBe(true)
    process.kill(worker.child.pid!, 'SIGTERM')
    const exit = await withTimeout(worker.exited, 30_000, 'waiting for the worker to stop')

    expect(exit.code).toBe(0)
    expect(fake.state.messages.filter((m) => m.touser === openid)).toHaveLength(1)
    expect(await prisma.notification.findMany({ where: { recipientUserId: user.id }, select: { wechatStatus: true } })).toEqual([{ wechatStatus: 'sent' }])
    const locked = await prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE locked_at IS NOT NULL`
    expect(locked).toEqual([{ n: 0 }])
  }, 120_000)
})
