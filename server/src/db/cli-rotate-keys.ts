/**
 * `npm run keys:rotate`: re-seal every encrypted value with the first key of DATA_KEYS.
 * Rotation, step by step: put the new key first in DATA_KEYS and keep the old one after it
 * ("k2:…,k1:…"), restart the servers (new writes use k2, old values still decrypt), run this,
 * then remove k1. Safe to run while the servers are up, and to run again.
 *
 * It prints to the operator's terminal only key ids, table and column names, and counts — never a
 * value, sealed or open (rotateKeys' log lines name tables only).
 */
import { loadConfig } from '../config'
import { runCli, say } from '../lib/cli'
import { keyringFromConfig } from '../lib/keys'
import { openDatabase } from './database'
import { createPrisma } from './prisma'
import { rotateKeys } from './rotate-keys'

await runCli(async () => {
  const config = loadConfig()
  const keyring = keyringFromConfig(config)
  const db = await openDatabase(config, say)
  const prisma = createPrisma(db.url, { max: 2 })
  try {
    say(`re-sealing with key ${keyring.activeKeyId}…`)
    const report = await rotateKeys(prisma, keyring, { batchSize: Number(process.env.ROTATE_BATCH_SIZE ?? 500), log: (m) => say(`  ${m}`) })
    for (const [column, { rows, values }] of Object.entries(report)) say(`  ${column}: ${values} values in ${rows} rows re-sealed`)
    say(JSON.stringify({ activeKeyId: keyring.activeKeyId, report }))
  } finally {
    await prisma.$disconnect()
    await db.close()
  }
})
