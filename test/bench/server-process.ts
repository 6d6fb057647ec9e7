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
import { createPrisma } from '../../server/src/db/prisma'
import { systemClock } from '../../server/src/lib/clock'
import { Keyring, parseDataKeys, randomKeySpec } from '../../server/src/lib/crypto'
import { seedDemo } from '../../server/src/seed/demo'
import { generateCounty } from './fixtures/children'
import { WechatClient } from '../../server/src/wechat/client'
import { startFakeWechat } from '../../server/src/wechat/fake-server'
import { announce, childLifecycle, freePort } from './processes'

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

  // The same pool size as server.ts uses (createPrisma's default), so the bench sees production's limit.
  const prisma = createPrisma(databaseUrl)
  life.onCleanup(() => prisma.$disconnect())
  const keyring = new Keyring(parseDataKeys(randomKeySpec('bench')), randomBytes(32))
  // seedDemo loads the demo provinces' regions itself (广西 45 and 山西 14) when they are missing,
  // so a separate loadRegions(['45']) first would only load 广西 twice.
  await seedDemo(prisma, keyring, log)
  // The children scenarios' county: 50,000 files in 300 villages (fixtures/children.ts).
  await generateCounty(prisma, keyring, { log })
  // A freshly bulk-loaded database has no planner statistics and autovacuum would start analysing
  // it in the middle of a measurement; do it now, as a long-running production database has it.
  await prisma.$executeRawUnsafe('VACUUM ANALYZE')
  log(`database ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: '0' })
  const secret = 'bench-wechat-secret'
  const fake = await startFakeWechat({ appid: config.WECHAT_APPID, secret })
  life.onCleanup(() => fake.close())
  const wechat = new WechatClient({ baseUrl: fake.url, appid: config.WECHAT_APPID, secret })

  const app = await buildApp({ config, prisma, clock: systemClock, keyring, wechat, fakeWechatUrl: fake.url })
  life.onCleanup(() => app.close())
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  announce(address)
}

main().catch((err: Error) => {
  console.error(`bench server: ${err.message}`)
  void life.shutdown(1)
})
