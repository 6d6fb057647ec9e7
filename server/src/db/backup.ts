/**
 * Backup and restore with PostgreSQL's own tools: `pg_dump --format=custom` (one consistent
 * snapshot of the whole database, compressed) and `pg_restore` in a single transaction, so a
 * restore either loads everything or nothing.
 *
 * What a dump holds: every row as stored. ID numbers, phones and addresses are stored sealed
 * (AES-256-GCM, keys in DATA_KEYS, never in the database), so the dump is useless for them without
 * the keys; names and the rest of a file are in it in the clear, so a dump is itself sensitive.
 */
import { renameSync, rmSync } from 'node:fs'
import pg from 'pg'
import { findPgTool, runPgTool, serverMajor } from './pg-tools'

export interface ToolOptions {
  /** Directories to look in before PATH (PG_BIN_DIR, the embedded binaries). */
  binDirs: Array<string | undefined>
}

/**
 * Writes the dump to `file`. It goes to `file.partial` first and is renamed when pg_dump has
 * finished, so a dump that failed halfway never looks like a backup. Owner-only permissions.
 */
export async function backupDatabase(url: string, file: string, o: ToolOptions & { snapshot?: string }): Promise<{ tool: string }> {
  const tool = await findPgTool('pg_dump', await serverMajor(url), o.binDirs)
  const partial = `${file}.partial`
  const umask = process.umask(0o077)
  try {
    await runPgTool(tool, ['--format=custom', '--file', partial, ...(o.snapshot ? ['--snapshot', o.snapshot] : [])], url)
    renameSync(partial, file)
  } catch (err) {
    rmSync(partial, { force: true })
    throw err
  } finally {
    process.umask(umask)
  }
  return { tool }
}

export class RestoreRefused extends Error {}

/** The tables of every schema that is not PostgreSQL's own: what "empty" means for a restore. */
async function userTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    ORDER BY 1`)
  return rows.map((r) => r.name)
}

/**
 * Loads `file` into the database at `url`. An empty database only, unless `force`: then every
 * schema of ours is dropped first (one transaction), and the restore runs in a second one — if it
 * fails, the database is left empty, never half-restored. Refused while anyone else is connected:
 * a running API or worker would write into what is being replaced.
 */
export async function restoreDatabase(url: string, file: string, o: ToolOptions & { force: boolean; log?: (m: string) => void }): Promise<{ tool: string }> {
  const tool = await findPgTool('pg_restore', await serverMajor(url), o.binDirs)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const others = Number((await client.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows[0].n)
    if (others > 0) throw new RestoreRefused(`${others} other connection(s) to this database are open: stop the API and worker processes (and PgBouncer's pool) first`)
    const tables = await userTables(client)
    if (tables.length > 0 && !o.force) {
      throw new RestoreRefused(`the database is not empty (${tables.length} tables, e.g. ${tables.slice(0, 3).join(', ')}): restore loads only into an empty database; add --force to replace everything in it`)
    }
    if (tables.length > 0) {
      const { rows } = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'`)
      o.log?.(`--force: dropping ${tables.length} tables in ${rows.map((r) => r.nspname).join(', ')}`)
      await client.query('BEGIN')
      for (const { nspname } of rows) await client.query(`DROP SCHEMA ${client.escapeIdentifier(nspname)} CASCADE`)
      await client.query('CREATE SCHEMA public')
      await client.query('COMMIT')
    }
  } finally {
    await client.end()
  }
  // --no-owner/--no-privileges: the restoring user owns what it loads, whoever owned it before.
  await runPgTool(tool, ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', file], url)
  return { tool }
}
