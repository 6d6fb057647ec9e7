/**
 * Debian's PgBouncer (`apt-get install -y pgbouncer`; `npm test` installs it where it can, helpers/system-deps.ts) in front of a test's
 * PostgreSQL, in transaction pooling — the mode a province's deployment would use — on a free port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { freePort, portRefusesConnections, tempDir } from './server-process'

export const PGBOUNCER = '/usr/sbin/pgbouncer'

export interface PgBouncer {
  /** `databaseUrl` with PgBouncer's host and port. */
  url: string
  /** e.g. [1, 18, 0]. */
  version: number[]
  stop(): Promise<void>
}

export function pgbouncerVersion(): number[] {
  const out = spawnSync(PGBOUNCER, ['--version'], { encoding: 'utf8' }).stdout ?? ''
  return (/PgBouncer (\d+)\.(\d+)\.(\d+)/.exec(out) ?? []).slice(1).map(Number)
}

/** Protocol-level named prepared statements arrived in 1.21 (max_prepared_statements). */
export const carriesNamedStatements = (v: number[]) => v[0]! > 1 || (v[0] === 1 && v[1]! >= 21)

export async function startPgBouncer(databaseUrl: string): Promise<PgBouncer> {
  if (!existsSync(PGBOUNCER)) throw new Error(`this test needs Debian's PgBouncer at ${PGBOUNCER}: apt-get install -y pgbouncer`)
  const target = new URL(databaseUrl)
  const database = target.pathname.slice(1)
  const port = await freePort()
  const dir = tempDir()
  // PgBouncer will not run as root: it drops to the postgres user, who must read and write here.
  chmodSync(dir, 0o777)
  const version = pgbouncerVersion()
  const ini = path.join(dir, 'pgbouncer.ini')
  writeFileSync(ini, [
    '[databases]',
    `${database} = host=127.0.0.1 port=${target.port} dbname=${database} user=${decodeURIComponent(target.username)} password=${decodeURIComponent(target.password)}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = any',
    'pool_mode = transaction',
    'default_pool_size = 10',
    'max_client_conn = 500',
    ...(carriesNamedStatements(version) ? ['max_prepared_statements = 200'] : []),
    `logfile = ${path.join(dir, 'pgbouncer.log')}`,
    `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
    '',
  ].join('\n'))
  chmodSync(ini, 0o644)
  const asRoot = process.getuid?.() === 0
  const child: ChildProcess = spawn(PGBOUNCER, [...(asRoot ? ['-u', 'postgres'] : []), ini], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = new URL(databaseUrl)
  url.hostname = '127.0.0.1'
  url.port = String(port)
  url.search = ''
  await waitForPort(port, child, () => output)
  return {
    url: url.toString(),
    version,
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited: ${output()}`)
    if (!(await portRefusesConnections(port))) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`pgbouncer did not listen on ${port}: ${output()}`)
}
