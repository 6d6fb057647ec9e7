/**
 * Finds the database: DATABASE_URL when configured, otherwise the embedded server under DATA_DIR.
 * Then applies migrations, so whoever opens the database gets the current schema — except backup
 * and restore, which must see the database exactly as it is (`migrate: false`).
 */
import path from 'node:path'
import type { Config } from '../config'
import { DataDirError, EmbeddedPgError, PortInUseError, startEmbeddedPostgres } from './embedded'
import { installJobSchema } from '../jobs/worker'
import { migrate } from './migrate'

export interface OpenDatabase {
  /** For the pool: PgBouncer's address when there is one. */
  url: string
  /** PostgreSQL itself, for what needs a session (migrations, LISTEN, the worker): DATABASE_DIRECT_URL or `url`. */
  directUrl: string
  embedded: boolean
  close(): Promise<void>
}

export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATABASE_DIRECT_URL' | 'DATA_DIR' | 'EMBEDDED_PG_PORT'>,
  log: (msg: string) => void,
  opts: { migrate?: boolean } = {},
): Promise<OpenDatabase> {
  let db: OpenDatabase
  if (config.DATABASE_URL) {
    db = { url: config.DATABASE_URL, directUrl: config.DATABASE_DIRECT_URL ?? config.DATABASE_URL, embedded: false, close: async () => {} }
  } else {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(config.DATA_DIR, 'pg'), port: config.EMBEDDED_PG_PORT }).catch((err: unknown) => {
      // Name the setting to change: "port 54329 is already in use" alone leaves the operator guessing.
      if (err instanceof PortInUseError) {
        throw new EmbeddedPgError(`the embedded PostgreSQL's port ${err.port} is already in use: set EMBEDDED_PG_PORT to a free port (or DATABASE_URL to use another PostgreSQL)`)
      }
      if (err instanceof DataDirError) throw new EmbeddedPgError(`${err.message}; set DATA_DIR to a directory it can use`)
      throw err
    })
    await pg.createDatabase('qstx')
    log(`embedded PostgreSQL on 127.0.0.1:${config.EMBEDDED_PG_PORT}, data in ${path.join(config.DATA_DIR, 'pg')}`)
    db = { url: pg.urlFor('qstx'), directUrl: pg.urlFor('qstx'), embedded: true, close: () => pg.stop() }
  }
  if (opts.migrate === false) return db
  try {
    await migrate(db.directUrl, { log })
    await installJobSchema(db.directUrl)
  } catch (err) {
    await db.close()
    throw err
  }
  return db
}
