/**
 * The bench's data, written by a process of its own (server-process.ts runs it and waits): the demo
 * county by the project's own seed, then the load fixtures. Generating 50,000 files and their
 * pairings, visits and check-ins allocates a few GB in passing; done inside the measured server,
 * it left that process's heap in a state no production server is in (file p95 24.8 ms and p99 42
 * against 18.6 and 24 for the same server started clean, on the same database). Takes
 * DATABASE_URL, BENCH_DATA_KEYS and BENCH_INDEX_KEY (the server's keyring) and WECHAT_APPID.
 */
import { createPrisma } from '../../server/src/db/prisma'
import { Keyring, parseDataKeys } from '../../server/src/lib/crypto'
import { seedDemo } from '../../server/src/seed/demo'
import { generateCounty } from './fixtures/children'
import { generatePairings } from './fixtures/pairings'
import { generateCheckinPairings } from './fixtures/checkins'
import { generateDirectorVisits } from './fixtures/ledger'
import { countyCheckins } from './fixtures/province'

const log = (m: string) => process.stderr.write(`  [fixtures] ${m}\n`)
const env = (name: string) => process.env[name] ?? (() => { throw new Error(`${name} is not set`) })()

const prisma = createPrisma(env('DATABASE_URL'))
const keyring = new Keyring(parseDataKeys(env('BENCH_DATA_KEYS')), Buffer.from(env('BENCH_INDEX_KEY'), 'base64'))
try {
  // seedDemo loads the demo provinces' regions itself (广西 45 and 山西 14) when they are missing,
  // so a separate loadRegions(['45']) first would only load 广西 twice.
  await seedDemo(prisma, keyring, log)
  // BENCH_FIXTURES=demo (first-screen.ts): the demo county as people see it, without the load fixtures.
  if (process.env.BENCH_FIXTURES !== 'demo') {
    // The children scenarios' county: 50,000 files in 300 villages (fixtures/children.ts).
    const county = await generateCounty(prisma, keyring, { log })
    // The pairing scenarios' ledger over that county: 5,000 volunteers, 20,000 pairings (fixtures/pairings.ts).
    await generatePairings(prisma, county.villages, { log })
    // The ledger's Q1–Q4 rows: this year's director visits (fixtures/ledger.ts).
    await generateDirectorVisits(prisma, { children: 50_000, log })
    // A year or two of love parents' check-ins: 30 per approved pairing (fixtures/province.ts).
    await countyCheckins(prisma, log)
    // The check-in scenario's love parents: WeChat users (openids of the fake WeChat) with active pairings.
    await generateCheckinPairings(prisma, env('WECHAT_APPID'))
  }
} finally {
  await prisma.$disconnect()
}
