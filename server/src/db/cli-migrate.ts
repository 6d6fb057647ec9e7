/** `npm run db:migrate`: apply pending migrations to DATABASE_URL or the embedded database. */
import { loadConfig } from '../config'
import { openDatabase } from './database'
import { runCli, say } from '../lib/cli'

await runCli(async () => {
  const db = await openDatabase(loadConfig(), say)
  say('database is up to date')
  await db.close()
})
