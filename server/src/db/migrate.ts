/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in order. Prisma Migrate cannot run
 * here (its schema engine is a binary download), so this small migrator does the same job:
 * each migration in its own transaction, recorded with a SHA-256 checksum, never applied twice,
 * and a start-up refusal when an applied migration's file has since changed.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { ROOT_DIR } from '../config'

export const MIGRATIONS_DIR = path.join(ROOT_DIR, 'prisma/migrations')

export class MigrationError extends Error {}

export interface Migration {
  name: string
  sql: string
  checksum: string
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      // Normalise line endings so a checkout on Windows does not look like a changed migration.
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8').replace(/\r\n/g, '\n')
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

/** Returns the names of the migrations it applied. */
export async function migrate(databaseUrl: string, opts: { dir?: string; log?: (msg: string) => void } = {}): Promise<string[]> {
  const log = opts.log ?? (() => {})
  const migrations = readMigrations(opts.dir)
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    // Two servers starting at once must not both apply the same migration.
    await client.query(`SELECT pg_advisory_lock(hashtext('qstx_migrations'))`)
    await client.query(`CREATE TABLE IF NOT EXISTS "_migrations" (
      "name" TEXT PRIMARY KEY,
      "checksum" CHAR(64) NOT NULL,
      "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
    )`)
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "_migrations"`)
    const applied = new Map(rows.map((r) => [r.name, r.checksum]))
    const known = new Set(migrations.map((m) => m.name))
    for (const name of applied.keys()) {
      if (!known.has(name)) throw new MigrationError(`the database has migration ${name}, which is not in prisma/migrations`)
    }
    const done: string[] = []
    for (const m of migrations) {
      const recorded = applied.get(m.name)
      if (recorded) {
        if (recorded !== m.checksum) {
          throw new MigrationError(`migration ${m.name} was changed after it was applied; add a new migration instead`)
        }
        continue
      }
      try {
        await client.query('BEGIN')
        await client.query(m.sql)
        await client.query(`INSERT INTO "_migrations" (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum])
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw new MigrationError(`migration ${m.name} failed: ${(err as Error).message}`)
      }
      log(`applied migration ${m.name}`)
      done.push(m.name)
    }
    return done
  } finally {
    await client.end()
  }
}
