/**
 * Never lost: a report and its notifications commit together; if the server dies right after the
 * commit, before anything was delivered, the restarted server delivers every notification exactly
 * once. The server runs as a real process against a fake WeChat that outlives it (in this process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrisma, type Db } from '../server/src/db/prisma'
import { deriveOpenid, startFakeWechat, type FakeWechat } from '../server/src/wechat/fake-server'
import { createTestDatabase } from './helpers/build-app'
import { START_TIMEOUT, eventually, startApi, stopAllServers, tempDir, withTimeout } from './helpers/server-process'

const APPID = 'wx0000000000crash0'
const SECRET = 'crash-test-secret'
const TEMPLATE = 'qstx-general-notice'
const VILLAGE = '450225101201'

let fake: FakeWechat
let prisma: Db
let databaseUrl: string
const dataDir = tempDir()

beforeAll(async () => {
  fake = await startFakeWechat({ appid: APPID, secret: SECRET })
  databaseUrl = await createTestDatabase()
  prisma = createPrisma(databaseUrl, { max: 2 })
})
afterAll(async () => {
  await stopAllServers()
  await prisma?.$disconnect()
  await fake?.close()
}, 60_000)

const boot = (runWorker: boolean) =>
  startApi({
    NODE_ENV: 'development', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SEED_DEMO: 'false',
    WECHAT_API_BASE: fake.url, WECHAT_APPID: APPID, WECHAT_SECRET: SECRET, WECHAT_TEMPLATE_GENERAL: TEMPLATE,
    RUN_WORKER: String(runWorker), LOG_LEVEL: 'warn',
  })

const post = async (base: string, path: string, body: object, token?: string) => {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('a crash between commit and delivery', () => {
  it('delivers each notification of a committed report exactly once after restart', async () => {
    const first = await boot(false)
    // Four staff who signed in with WeChat (so they have openids) and accepted the template.
    const staff: Array<[string, string]> = [['child_director', VILLAGE], ['supervisor', '450225101000'], ['coordinator', '450225000000'], ['civil_affairs', '450225000000']]
    const openids: string[] = []
    for (const [role, regionCode] of staff) {
      const deviceId = `crash-${role}`
      await post(first.base, '/api/auth/wechat', { code: fake.mintLoginCode({ deviceId }).code })
      const openid = deriveOpenid(APPID, deviceId)
      const user = await prisma.user.findUniqueOrThrow({ where: { openid } })
      await prisma.roleAssignment.create({ data: { userId: user.id, role: role as 'supervisor', regionCode } })
      fake.subscribe({ openid, templateIds: [TEMPLATE] })
      openids.push(openid)
    }
    const reporter = (await post(first.base, '/api/dev/login', { role: 'volunteer', regionCode: '450225101000' })).body.token as string
    const report = await post(first.base, '/api/safeguarding/reports', {
      childName: '小雨', regionCode: VILLAGE, kind: 'abuse_violence', urgency: 'immediate', seen: '孩子说昨晚被打', seenAt: '2026-03-01T12:00:00Z',
    }, reporter)
    expect(report.status).toBe(201)
    expect(fake.state.messages).toHaveLength(0)

    // The process dies at once: no graceful shutdown, nothing delivered.
    process.kill(-first.proc.child.pid!, 'SIGKILL')
    await withTimeout(first.proc.exited, 10_000, 'waiting for the killed server')

    await boot(true)
    const allDelivered = await eventually(() => openids.every((o) => fake.state.messages.some((m) => m.touser === o)), 30_000)
    expect(allDelivered).toBe(true)
    // Give a duplicate every chance to appear before counting.
    await new Promise((r) => setTimeout(r, 4000))
    for (const openid of openids) expect(fake.state.messages.filter((m) => m.touser === openid)).toHaveLength(1)
    expect(await prisma.notification.count({ where: { wechatStatus: 'sent' } })).toBe(4)
  }, START_TIMEOUT * 2)
})
