/**
 * PostgreSQL dies in the middle of a stream of check-ins (kill -9 of its postmaster) and comes
 * back. The phones retry every request that did not get a 2xx, with the same Idempotency-Key and
 * body. Afterwards every check-in is there exactly once: none that was answered 2xx is lost, none
 * is stored twice, and each key's stored answer names its one check-in. While the database is down
 * the server says so — 503 SERVICE_UNAVAILABLE with Retry-After, never a 500 — which is what makes
 * the phones' outbox keep a check-in queued instead of showing an error.
 *
 * The server runs as a real process (test/helpers/server-process.ts) over a PostgreSQL of this
 * test's own (so killing it harms nothing else), with the fake WeChat in this process.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/src/db/embedded'
import { createPrisma, type Db } from '../server/src/db/prisma'
import { startFakeWechat, type FakeWechat } from '../server/src/wechat/fake-server'
import { checkinStream, pairedVolunteers, postJson } from './helpers/process-fixtures'
import { START_TIMEOUT, eventually, freePort, isAlive, startServer, stopAllServers, tempDir, waitUntilUp, withTimeout } from './helpers/server-process'

const APPID = 'wx0000000000fault0'
const SECRET = 'fault-test-secret'
const VILLAGE = '450225101201'
const VOLUNTEERS = 10
const REQUESTS = 300
const CONCURRENCY = 20

const dir = tempDir()
const dataDir = path.join(dir, 'pg')
let port: number
let pg: EmbeddedDatabase
let prisma: Db
let fake: FakeWechat
let base: string

const startPg = () => startEmbeddedPostgres({ dataDir, port, persistent: true })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

beforeAll(async () => {
  port = await freePort()
  pg = await startPg()
  await pg.createDatabase('qstx')
  fake = await startFakeWechat({ appid: APPID, secret: SECRET })
  const serverPort = await freePort()
  // The server applies the migrations itself at start-up; the worker stays off (nothing to deliver here).
  const proc = startServer({
    NODE_ENV: 'development', DATABASE_URL: pg.urlFor('qstx'), DATA_DIR: dir, SEED_DEMO: 'false', HOST: '127.0.0.1', PORT: String(serverPort),
    WECHAT_API_BASE: fake.url, WECHAT_APPID: APPID, WECHAT_SECRET: SECRET, RUN_WORKER: 'false', LOG_LEVEL: 'silent',
  })
  base = `http://127.0.0.1:${serverPort}`
  await waitUntilUp(proc, base)
  prisma = createPrisma(pg.urlFor('qstx'), { max: 2 })
}, START_TIMEOUT)

afterAll(async () => {
  await stopAllServers()
  await prisma?.$disconnect()
  await fake?.close()
  await pg?.stop().catch(() => undefined)
}, 60_000)

const post = (pathname: string, body: object, headers: Record<string, string> = {}) => postJson(base + pathname, body, headers)

describe('check-ins while PostgreSQL is killed and restarted', () => {
  it('keeps every check-in answered 2xx, stores none twice, and completes every retried one', async () => {
    const people = await pairedVolunteers(prisma, fake, { appid: APPID, base, village: VILLAGE, n: VOLUNTEERS, prefix: 'fault' })
    const requests = checkinStream(people, REQUESTS)
    const send = (r: (typeof requests)[number]) => post('/api/checkins', r.body, { authorization: `Bearer ${r.token}`, 'idempotency-key': r.key })

    const answers = new Map<string, { status: number; id?: string }>()
    // Every answer other than 201 while PostgreSQL was down: status, code and Retry-After.
    const outage: Array<{ status: number; code: unknown; retryAfter: string | null }> = []
    let next = 0
    let killed = false
    const killAfter = REQUESTS / 3
    const worker = async () => {
      while (next < REQUESTS) {
        const r = requests[next++]!
        const res = await send(r)
        answers.set(r.key, { status: res.status, ...(res.status === 201 ? { id: String(res.body!.id) } : {}) })
        if (res.status !== 201) outage.push({ status: res.status, code: res.body?.code, retryAfter: res.retryAfter })
        if (!killed && answers.size >= killAfter) {
          killed = true
          // kill -9 of the postmaster, mid-stream: in-flight transactions die with it.
          const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
          process.kill(pid, 'SIGKILL')
          expect(await eventually(() => !isAlive(pid), 10_000)).toBe(true)
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    const failed = requests.filter((r) => answers.get(r.key)!.status !== 201)
    expect(killed).toBe(true)
    expect(failed.length).toBeGreaterThan(0) // the outage was felt
    // …as "try again later": 503 with Retry-After (or no answer at all), never a 500.
    expect(outage.filter((a) => a.status !== 0 && a.status !== 503)).toEqual([])
    expect(outage.filter((a) => a.status === 503).length).toBeGreaterThan(0)
    expect(outage.filter((a) => a.status === 503).every((a) => a.code === 'SERVICE_UNAVAILABLE' && a.retryAfter === '5')).toBe(true)

    // PostgreSQL comes back (its orphaned backends may need a moment to exit before it will start).
    const restartDeadline = Date.now() + 60_000
    for (;;) {
      try {
        pg = await startPg()
        break
      } catch (err) {
        if (Date.now() > restartDeadline) throw err
        await sleep(500)
      }
    }

    // The phones retry every request without a 2xx, same key and body, until each is answered 201.
    // 409 IDEMPOTENCY_IN_PROGRESS is a claim whose holder died with the database: it frees itself
    // when its lease runs out (15 s).
    const retryDeadline = Date.now() + 90_000
    let pending = failed
    while (pending.length > 0 && Date.now() < retryDeadline) {
      const results = await Promise.all(pending.map(async (r) => ({ r, res: await send(r) })))
      for (const { r, res } of results) if (res.status === 201) answers.set(r.key, { status: 201, id: String(res.body!.id) })
      pending = results.filter(({ res }) => res.status !== 201).map(({ r }) => r)
      if (pending.length) await sleep(1000)
    }
    expect(pending.map((r) => answers.get(r.key))).toEqual([])

    // Every request has its one check-in, under the id its key answered; none twice.
    const ids = requests.map((r) => answers.get(r.key)!.id!)
    expect(new Set(ids).size).toBe(REQUESTS)
    const stored = await withTimeout(prisma.checkin.findMany({ select: { id: true, pairingId: true, startedAt: true } }), 30_000, 'reading the check-ins')
    expect(stored).toHaveLength(REQUESTS)
    expect(new Set(stored.map((c) => `${c.pairingId} ${c.startedAt.toISOString()}`)).size).toBe(REQUESTS)
    expect(new Set(stored.map((c) => c.id))).toEqual(new Set(ids))
    const keys = await prisma.idempotencyKey.findMany({ select: { key: true, status: true, responseBody: true } })
    expect(keys.filter((k) => k.status === 'completed')).toHaveLength(REQUESTS)
    const byKey = new Map(keys.map((k) => [k.key, (k.responseBody as { id: string }).id]))
    for (const r of requests) expect(byKey.get(r.key)).toBe(answers.get(r.key)!.id)
  }, 300_000)
})
