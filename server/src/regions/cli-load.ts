/**
 * `npm run regions:load -- 45 14` loads Guangxi and Shanxi; `npm run regions:load -- all` loads
 * the whole country (≈ 660,000 rows).
 */
import { loadConfig } from '../config'
import { openDatabase } from '../db/database'
import { createPrisma } from '../db/prisma'
import { runCli, say } from '../lib/cli'
import { listProvinces } from './china-division'
import { loadRegions } from './load'

await runCli(async () => {
  const args = process.argv.slice(2)
  if (args.length === 0) {
    const provinces = await listProvinces()
    throw new Error(
      `name a province code or "all", e.g. npm run regions:load -- 45\n` +
        provinces.map((p) => `  ${p.code} ${p.name}`).join('\n'),
    )
  }
  const provinces = args.includes('all') ? 'all' : args
  for (const p of provinces === 'all' ? [] : provinces) {
    if (!/^\d{2}$/.test(p)) throw new Error(`"${p}" is not a 2-digit province code (e.g. 45 for 广西)`)
  }
  const db = await openDatabase(loadConfig(), say)
  const prisma = createPrisma(db.url)
  try {
    const n = await loadRegions(prisma, provinces)
    say(`loaded ${n} regions`)
  } finally {
    await prisma.$disconnect()
    await db.close()
  }
})
