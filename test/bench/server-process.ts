/**
 * The real app, as run.ts measures it: a fresh embedded PostgreSQL in BENCH_TMP_DIR, migrated and
 * seeded with the demo county by the project's own functions, then buildApp() with the development
 * config (dev sign-in routes on, logs silent so logging is not what we measure), the fake WeChat,
 * the system clock and a random keyring. Prints its URL (see processes.ts) and runs until told to stop.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { buildApp } from '../../server/src/app'
import { loadConfig } from '../../server/src/config'
import { startEmbeddedPostgres } from '../../server/src/db/embedded'
import { migrate } from '../../server/src/db/migrate'
import { createPrisma, poolOf } from '../../server/src/db/prisma'
import { systemClock } from '../../server/src/lib/clock'
import { Keyring, parseDataKeys, randomKeySpec } from '../../server/src/lib/crypto'
import { growProvince } from './fixtures/province'
import { startWorker } from '../../server/src/jobs/worker'
import { collectGarbage } from '../../server/src/modules/exports/heap'
import { WechatClient } from '../../server/src/wechat/client'
import { startFakeWechat } from '../../server/src/wechat/fake-server'
import { catchStatements } from '../helpers/statements'
import { announce, childLifecycle, freePort, runToEnd } from './processes'

const life = childLifecycle()
const log = (m: string) => process.stderr.write(`  [server] ${m}\n`)

async function main() {
  const dir = process.env.BENCH_TMP_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'qstx-bench-'))
  // run.ts deletes the dir too; doing it here as well covers a parent that was killed outright.
  life.onCleanup(() => rmSync(dir, { recursive: true, force: true }))

  const started = Date.now()
  // persistent: false — stop() deletes the data directory.
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), persistent: false })
  life.onCleanup(() => pg.stop())
  await pg.createDatabase('qstx')
  const databaseUrl = pg.urlFor('qstx')
  await migrate(databaseUrl)

  // The data is written by a process of its own (fixtures-process.ts), so this one starts as a
  // production server does; it gets this server's keys to seal the files with.
  const keys = { data: randomKeySpec('bench'), index: randomBytes(32).toString('base64') }
  // The rate limiter runs as in production (its cost is measured), with a budget no scenario reaches:
  // the scenarios measure throughput, not how the limiter refuses.
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: '0', RATE_LIMIT_PER_MINUTE: '10000000' })
  await runToEnd('test/bench/fixtures-process.ts', { DATABASE_URL: databaseUrl, BENCH_DATA_KEYS: keys.data, BENCH_INDEX_KEY: keys.index, WECHAT_APPID: config.WECHAT_APPID })
  // The same pool size as server.ts uses (createPrisma's default), so the bench sees production's limit.
  const prisma = createPrisma(databaseUrl)
  life.onCleanup(() => prisma.$disconnect())
  // What the app's own pool is sent (not the worker's, nor the session cache's LISTEN connection):
  // its connections are marked as the pool opens them, so this starts before any is.
  const ours = new WeakSet<object>()
  poolOf(prisma).on('connect', (client) => ours.add(client))
  const statements = catchStatements((client) => ours.has(client))
  const keyring = new Keyring(parseDataKeys(keys.data), Buffer.from(keys.index, 'base64'))
  // A freshly bulk-loaded database has no planner statistics and autovacuum would start analysing
  // it in the middle of a measurement; do it now, as a long-running production database has it.
  // The checkpoint writes out what the load left in shared buffers, which the checkpointer would
  // otherwise spread over the next minutes of measurements (commits waiting behind its writes).
  await prisma.$executeRawUnsafe('VACUUM ANALYZE')
  await prisma.$executeRawUnsafe('CHECKPOINT')
  log(`database ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  const secret = 'bench-wechat-secret'
  const fake = await startFakeWechat({ appid: config.WECHAT_APPID, secret })
  life.onCleanup(() => fake.close())
  const wechat = new WechatClient({ baseUrl: fake.url, appid: config.WECHAT_APPID, secret })

  const app = await buildApp({ config, prisma, clock: systemClock, keyring, wechat, fakeWechatUrl: fake.url })
  life.onCleanup(() => app.close())
  // The worker runs in this process as in `npm start`: background exports are made here, so their
  // memory shows in this process's RSS, which the bench reads through the route below.
  const worker = await startWorker({ databaseUrl, prisma, wechat, templateId: config.WECHAT_TEMPLATE_GENERAL, clock: systemClock, keyring })
  life.onCleanup(() => worker.stop())
  benchMemoryRoute(app)
  benchProvinceRoute(app, databaseUrl)
  benchStatementsRoutes(app, statements)
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  // The limit row (limit-process.ts) measures one SELECT against this same database.
  announce(address, { databaseUrl })
}

main().catch((err: Error) => {
  console.error(`bench server: ${err.message}`)
  void life.shutdown(1)
})

/**
 * GET /__bench/memory — this process's memory, with the highest values sampled every 20 ms since
 * the last `?reset=1`. A reset first collects garbage (exports/heap.ts), so the baseline is the live
 * heap, not what generating the fixtures left behind. Only the bench's server process has this
 * route (it is added here, after buildApp): it exists in no build of the product and needs no place
 * in the authorization matrix.
 */
function benchMemoryRoute(app: Awaited<ReturnType<typeof buildApp>>) {
  const sample = () => {
    const m = process.memoryUsage()
    return { rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers }
  }
  let peak = sample()
  setInterval(() => {
    const m = sample()
    for (const k of Object.keys(m) as Array<keyof typeof m>) peak[k] = Math.max(peak[k], m[k])
  }, 20).unref()
  app.get('/__bench/memory', async (request) => {
    const reset = !!(request.query as { reset?: string }).reset
    if (reset) collectGarbage()
    const now = sample()
    const out = { ...now, peakRss: Math.max(peak.rss, now.rss), peak: { ...peak } }
    if (reset) peak = now
    return out
  })
}

/**
 * POST /__bench/province — grows the county's database to the province around it (fixtures/
 * province.ts) while the app runs, so run.ts measures the county's reads on both. Bench-only, like
 * the memory route.
 */
function benchProvinceRoute(app: Awaited<ReturnType<typeof buildApp>>, databaseUrl: string) {
  app.post('/__bench/province', async () => growProvince(databaseUrl, log))
}

/**
 * POST /__bench/statements/start, then one request, then POST /__bench/statements/stop: the
 * statements that request sent. run.ts hands a read's one statement to the limit process, which
 * runs it bare (limit-process.ts /statement): what the read costs beyond its own SQL. Bench-only.
 */
function benchStatementsRoutes(app: Awaited<ReturnType<typeof buildApp>>, statements: ReturnType<typeof catchStatements>) {
  app.post('/__bench/statements/start', async () => {
    statements.start()
    return {}
  })
  app.post('/__bench/statements/stop', async () => statements.stop())
}
