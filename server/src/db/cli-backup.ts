/**
 * `npm run backup [FILE]`: a consistent dump of the whole database (embedded, or DATABASE_URL) in
 * PostgreSQL's custom format, to FILE or backups/qstx-<date>.dump. See README "Backup and restore".
 */
import { mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config'
import { runCli, say } from '../lib/cli'
import { backupDatabase } from './backup'
import { openDatabase } from './database'
import { EMBEDDED_BIN_DIR } from './pg-tools'

await runCli(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} })
  if (positionals.length > 1) throw new Error('usage: npm run backup [FILE]')
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  const file = path.resolve(positionals[0] ?? path.join('backups', `qstx-${stamp}.dump`))
  mkdirSync(path.dirname(file), { recursive: true })
  const config = loadConfig()
  const db = await openDatabase(config, say, { migrate: false })
  try {
    const { tool } = await backupDatabase(db.url, file, { binDirs: [config.PG_BIN_DIR, EMBEDDED_BIN_DIR] })
    say(`backup written: ${file} (${(statSync(file).size / 1_048_576).toFixed(1)} MB, ${tool})`)
    say('it cannot be read without DATA_KEYS and BLIND_INDEX_KEY: keep those safe too, apart from the backup')
  } finally {
    await db.close()
  }
})
