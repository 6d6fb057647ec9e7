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
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrisma, type Db } from '../server/src/db/prisma'
import { startFakeWechat, type FakeWechat } from '../server/src/wechat/fake-server'
import { createTestDatabase } from './helpers/build-app'
import { checkinStream, pairedVolunteers, postJson, signInWithWechat, wechatUser, type Answer } from './helpers/process-fixtures'
import { START_TIMEOUT, eventually, startApi, startServer, stopAllServers, tempDir, withTimeout, type ServerProcess } from './helpers/server-process'

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

const api = () => startApi({ ...env(), RUN_WORKER: 'false' })
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

const post = (base: string, path: string, body: object, headers: Record<string, string> = {}) => postJson(base + path, body, headers)

describe('SIGTERM', () => {
  it('lets the API finish the check-ins inside it, refuse the rest in our shape, and lose none', async () => {
    // Signed in with WeChat, so each check-in goes through WeChat's content check.
    const people = await pairedVolunteers(prisma, fake, { appid: APPID, base: a.base, village: VILLAGE, n: VOLUNTEERS, prefix: 'grace' })
    // Each content check takes 400 ms, so the requests in flight are inside A's handlers.
    fake.control({ failNext: Array.from({ length: REQUESTS * 2 }, () => ({ path: SEC_CHECK, delayMs: 400 })) })
    const requests = checkinStream(people, REQUESTS)
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
    const { openid, userId } = await wechatUser(prisma, APPID, deviceId, 'child_director', VILLAGE)
    await signInWithWechat(b.base, fake, deviceId)
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
    expect(await prisma.notification.findMany({ where: { recipientUserId: userId }, select: { wechatStatus: true } })).toEqual([{ wechatStatus: 'sent' }])
    const locked = await prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE locked_at IS NOT NULL`
    expect(locked).toEqual([{ n: 0 }])
  }, 120_000)
})
