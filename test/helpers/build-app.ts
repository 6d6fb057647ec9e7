/**
 * The real app over a database of its own: clones the migrated template, starts a fake WeChat
 * server, and builds the app with a controllable clock. Requests go through real Fastify
 * (`app.inject`) to a real PostgreSQL — nothing of ours is mocked.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import './provided-context'
import { buildApp, type App } from '../../server/src/app'
import { loadConfig, type Config } from '../../server/src/config'
import { createPrisma, type Db } from '../../server/src/db/prisma'
import { ManualClock } from '../../server/src/lib/clock'
import { Keyring, parseDataKeys, randomKeySpec } from '../../server/src/lib/crypto'
import { runDueJobs } from '../../server/src/jobs/worker'
import { WechatClient } from '../../server/src/wechat/client'
import { startFakeWechat } from '../../server/src/wechat/fake-server'

export interface TestContext {
  app: App
  prisma: Db
  clock: ManualClock
  keyring: Keyring
  config: Config
  databaseUrl: string
  fakeWechat: Awaited<ReturnType<typeof startFakeWechat>>
  /** Runs the background jobs that are due (notification delivery), then returns. */
  runJobs(): Promise<void>
  close(): Promise<void>
}

/** A fresh database cloned from the migrated template; returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject('pgAdminUrl')
  const name = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDb')}"`)
  } finally {
    await admin.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function buildTestApp(
  opts: { env?: Record<string, string>; logStream?: { write(line: string): void }; databaseUrl?: string; keyring?: Keyring } = {},
): Promise<TestContext> {
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase())
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, H5_DIR: '/nonexistent', ...opts.env })
  const prisma = createPrisma(databaseUrl, { max: 5 })
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'))
  const keyring = opts.keyring ?? new Keyring(parseDataKeys(randomKeySpec('t1')), randomBytes(32))
  const secret = 'test-secret'
  const fakeWechat = await startFakeWechat({ appid: config.WECHAT_APPID, secret })
  const wechat = new WechatClient({ baseUrl: fakeWechat.url, appid: config.WECHAT_APPID, secret })
  const app = await buildApp({ config, prisma, clock, keyring, wechat, fakeWechatUrl: fakeWechat.url, ...(opts.logStream ? { logStream: opts.logStream } : {}) })
  await app.ready()
  return {
    app, prisma, clock, keyring, config, databaseUrl, fakeWechat,
    runJobs: () => runDueJobs({ databaseUrl, prisma, wechat, templateId: config.WECHAT_TEMPLATE_GENERAL, clock, keyring }),
    async close() {
      await app.close()
      await prisma.$disconnect()
      await fakeWechat.close()
    },
  }
}
