/**
 * `npm run db:fill-masks`: once after upgrading past migration 20261210000000, write the masks of
 * values sealed before masks were kept (fill-masks.ts). Safe while the servers are up, and to run
 * again. Prints counts only, never a value.
 */
import { loadConfig } from '../config'
import { runCli, say } from '../lib/cli'
import { keyringFromConfig } from '../lib/keys'
import { openDatabase } from './database'
import { fillMasks } from './fill-masks'
import { createPrisma } from './prisma'

await runCli(async () => {
  const config = loadConfig()
  const db = await openDatabase(config, say)
  const prisma = createPrisma(db.url, { max: 2 })
  try {
    for (const [column, n] of Object.entries(await fillMasks(prisma, keyringFromConfig(config)))) say(`  ${column}: ${n} masks written`)
  } finally {
    await prisma.$disconnect()
    await db.close()
  }
})
