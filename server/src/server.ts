/**
 * Process start-up: configuration, the database (embedded unless DATABASE_URL), migrations, the
 * demo seed on first start, the fake WeChat outside production, then the app on PORT/HOST and the
 * worker — both by default (`npm start`), or one of them (RUN_WORKER=false for each of several API
 * processes, RUN_API=false for a worker alone: `npm run worker`).
 * Any start-up failure prints one line naming the problem and exits 1 — no stack dump.
 *
 * SIGTERM (or SIGINT): the API stops taking requests and lets running ones finish, the worker lets
 * running jobs finish, both within SHUTDOWN_GRACE_SECONDS (plugins/app/graceful-close.ts,
 * jobs/worker.ts say what happens to stragglers); then the pools and the database close.
 */
import closeWithGrace from 'close-with-grace'
import pino from 'pino'
import { buildApp } from './app'
import { loadConfig, type Config } from './config'
import { openDatabase, type OpenDatabase } from './db/database'
import { createPrisma, type Db } from './db/prisma'
import { systemClock } from './lib/clock'
import { keyringFromConfig } from './lib/keys'
import { loggerOptions } from './lib/logger'
import { isDatabaseEmpty, seedDemo } from './seed/demo'
import { printBanner } from './seed/banner'
import { startWorker } from './jobs/worker'
import { useNamedStatements } from './db/sql'
import { closeApp } from './plugins/app/graceful-close'
import { WechatClient } from './wechat/client'
import { startFakeWechat } from './wechat/fake-server'

const DEV_WECHAT_SECRET = 'fake-wechat-secret-for-demo'

async function main() {
  const config = loadConfig()
  const log = pino(loggerOptions(config) as pino.LoggerOptions)
  const cleanup: Array<() => Promise<unknown>> = []
  /** What stops first, together, within the grace period: the API and the worker. */
  const stops: Array<(graceMs: number) => Promise<unknown>> = []
  useNamedStatements(config.DATABASE_NAMED_STATEMENTS)
  try {
    const db: OpenDatabase = await openDatabase(config, (m) => log.info(m)).catch((err: Error) => {
      throw new Error(config.DATABASE_URL ? `cannot use DATABASE_URL: ${describeDbError(err)}` : err.message)
    })
    cleanup.push(() => db.close())
    const keyring = keyringFromConfig(config)
    const prisma: Db = createPrisma(db.url)
    cleanup.unshift(() => prisma.$disconnect())
    // Seeding is the API's business: workers starting beside it must not seed a second time.
    if (config.RUN_API && config.seedDemo && (await isDatabaseEmpty(prisma))) {
      log.info('empty database: seeding the demo county (first start only)')
      await seedDemo(prisma, keyring, (m) => log.info(m))
    }

    const wechatSecret = config.WECHAT_SECRET ?? DEV_WECHAT_SECRET
    let wechatBase = config.WECHAT_API_BASE
    let fakeWechatUrl: string | undefined
    if (!wechatBase) {
      const fake = await startFakeWechat({ appid: config.WECHAT_APPID, secret: wechatSecret })
      cleanup.unshift(() => fake.close())
      wechatBase = fakeWechatUrl = fake.url
      log.info(`fake WeChat server on ${fake.url} (no WECHAT_API_BASE configured)`)
    }
    const wechat = new WechatClient({ baseUrl: wechatBase, appid: config.WECHAT_APPID, secret: wechatSecret })

    if (config.RUN_WORKER) {
      const worker = await startWorker({ databaseUrl: db.directUrl, prisma, wechat, templateId: config.WECHAT_TEMPLATE_GENERAL, clock: systemClock, keyring })
      stops.push((graceMs) => worker.stop(graceMs))
      if (!config.RUN_API) log.info('worker running (RUN_API=false: no HTTP in this process)')
    }

    if (config.RUN_API) {
      const app = await buildApp({ config, prisma, clock: systemClock, keyring, wechat, fakeWechatUrl })
      stops.push((graceMs) => closeApp(app, graceMs))
      await app.listen({ port: config.PORT, host: config.HOST }).catch((err: NodeJS.ErrnoException) => {
        throw new Error(err.code === 'EADDRINUSE' ? `port ${config.PORT} is already in use (set PORT to another port)` : err.message)
      })
      const address = app.server.address()
      const port = typeof address === 'object' && address ? address.port : config.PORT
      if (!config.isProduction) await printBanner(prisma, `http://localhost:${port}`)
    }

    const graceMs = config.SHUTDOWN_GRACE_SECONDS * 1000
    // The delay is the last resort, past the grace period and the pools' own closing.
    closeWithGrace({ delay: graceMs + 10_000 }, async ({ err, signal }) => {
      if (err) log.error({ err: { message: err.message } }, 'shutting down after an error')
      else log.info(`${signal ?? 'shutdown'}: closing (grace ${config.SHUTDOWN_GRACE_SECONDS} s)`)
      await Promise.all(stops.map((stop) => stop(graceMs).catch(() => {})))
      for (const fn of cleanup) await fn().catch(() => {})
      log.info('closed')
    })
  } catch (err) {
    await Promise.all(stops.map((stop) => stop(0).catch(() => {})))
    for (const fn of cleanup) await fn().catch(() => {})
    throw err
  }
}

function describeDbError(err: Error & { code?: string }): string {
  if (err.code === 'ECONNREFUSED') return 'nothing is listening at that host and port'
  if (err.code === 'ENOTFOUND') return 'that host name does not resolve'
  if (err.code === '28P01') return 'the password was refused'
  if (err.code === '3D000') return 'that database does not exist'
  return err.message
}

main().catch((err: Error) => {
  console.error(`error: ${err.message}`)
  process.exit(1)
})

export type { Config }
