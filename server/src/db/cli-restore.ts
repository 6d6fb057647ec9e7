/**
 * `npm run restore FILE [--force]`: loads a dump made by `npm run backup` into the database
 * (embedded, or DATABASE_URL). Refuses a database that already has tables unless --force, and one
 * that other processes are connected to. Migrations newer than the dump apply at the next start.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config'
import { runCli, say } from '../lib/cli'
import { restoreDatabase } from './backup'
import { openDatabase } from './database'
import { EMBEDDED_BIN_DIR } from './pg-tools'

await runCli(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } })
  if (positionals.length !== 1) throw new Error('usage: npm run restore FILE [--force]')
  const file = path.resolve(positionals[0]!)
  if (!existsSync(file)) throw new Error(`no such file: ${file}`)
  const config = loadConfig()
  const db = await openDatabase(config, say, { migrate: false })
  try {
    const { tool } = await restoreDatabase(db.url, file, { binDirs: [config.PG_BIN_DIR, EMBEDDED_BIN_DIR], force: values.force, log: say })
    say(`restored ${file} (${tool}); start the servers with the same DATA_KEYS and BLIND_INDEX_KEY as when it was made`)
  } finally {
    await db.close()
  }
})
