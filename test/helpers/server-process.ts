/**
 * The server as a real process (`tsx server/src/server.ts`), for tests that need what `app.inject`
 * cannot give: start-up refusals, signals, restarts, a kill -9. Every server runs in its own process
 * group; `stopAllServers()` (call it in afterAll) stops the groups — so an embedded PostgreSQL left
 * behind goes too — and removes the temp dirs, whatever failed.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ROOT_DIR } from '../../server/src/config'

export const START_TIMEOUT = 120_000

export interface ServerProcess {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  running: () => boolean
}

const processes: ServerProcess[] = []
const tempDirs: string[] = []

export function tempDir(): string {
  // Under os.tmpdir(), whose permissions let the embedded PostgreSQL's own OS user (when the
  // tests run as root) reach its data directory.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qstx-startup-'))
  tempDirs.push(dir)
  return dir
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/**
 * Starts the server with only the given environment (plus PATH/HOME), never the test runner's.
 * One process, `node --import tsx` (as README advises for production): the `tsx` command would put
 * a parent in front that relays signals and SIGKILLs its child when the child is slow to confirm
 * one (30 ms) — on a busy machine that turns SIGTERM into a kill.
 */
export function startServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    cwd: ROOT_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), TZ: 'Asia/Shanghai', H5_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let out = ''
  let err = ''
  let done = false
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => {
      done = true
      resolve({ code, signal })
    }),
  )
  const proc = { child, stdout: () => out, stderr: () => err, exited, running: () => !done }
  processes.push(proc)
  return proc
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms} ms`)), ms)))])
  } finally {
    clearTimeout(timer)
  }
}

/** Polls /api/healthz until it answers 200; fails at once, with its output, if the server exits. */
export async function waitUntilUp(proc: ServerProcess, base: string, timeoutMs = START_TIMEOUT): Promise<Response> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!proc.running()) throw new Error(`server exited during start-up:\n${proc.stderr()}\n${proc.stdout().slice(-2000)}`)
    try {
      const res = await fetch(`${base}/api/healthz`, { signal: AbortSignal.timeout(2000) })
      if (res.status === 200) return res
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server not up after ${timeoutMs} ms:\n${proc.stderr()}\n${proc.stdout().slice(-2000)}`)
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export async function portRefusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(true))
  })
}

export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return check()
}

export async function stopAllServers(): Promise<void> {
  for (const proc of processes) {
    if (!proc.running() || proc.child.pid === undefined) continue
    const group = -proc.child.pid
    try {
      process.kill(group, 'SIGTERM')
    } catch {
      // already gone
    }
    const stopped = await Promise.race([proc.exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 15_000))])
    try {
      // The whole group, so an embedded PostgreSQL left behind by a hung server goes too.
      process.kill(group, 'SIGKILL')
    } catch {
      // nothing left
    }
    if (!stopped) await proc.exited
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
}

/**
 * An API process on a free loopback port, up (healthz 200); with `sessionCache`, also LISTENing for
 * session changes — the cross-process checks are about that cache.
 */
export async function startApi(env: Record<string, string>, opts: { sessionCache?: boolean } = {}): Promise<{ proc: ServerProcess; base: string }> {
  const port = await freePort()
  const proc = startServer({ HOST: '127.0.0.1', ...env, PORT: String(port) })
  const base = `http://127.0.0.1:${port}`
  await waitUntilUp(proc, base)
  if (opts.sessionCache) {
    const cached = async () => ((await (await fetch(`${base}/api/healthz`)).json()) as { sessions: string }).sessions === 'cached'
    if (!(await eventually(cached, 15_000))) throw new Error(`${base} never LISTENed for session changes:\n${proc.stderr()}`)
  }
  return { proc, base }
}
