/**
 * Both sides of how run.ts drives the servers it measures. Each server runs in a process of its own
 * so it never shares an event loop with autocannon (on a 2-core machine a shared loop would measure
 * the load generator as much as the server).
 *
 * Protocol: the child prints one line `{"url":"http://127.0.0.1:<port>"}` on stdout once it listens
 * (everything else it says goes to stderr), and shuts down cleanly when its stdin closes. Closing
 * stdin rather than signalling means a parent that dies — even by SIGKILL — still stops the child,
 * its embedded PostgreSQL and its temp dir, because the pipe closes with the parent.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'

/** Children start from the repo root, where `--import tsx` resolves, whatever directory the bench was started in. */
const REPO_ROOT = path.resolve(import.meta.dirname, '../..')

// ── child side ──────────────────────────────────────────────────────────────────────────────────

/**
 * Call first thing in a child: returns `onCleanup` to register teardown steps (run last-in,
 * first-out), and arranges that stdin closing, SIGTERM or SIGINT runs them and exits — also while
 * start-up is still under way, so a ctrl-c during seeding leaves nothing behind.
 */
export function childLifecycle(): { onCleanup(fn: () => unknown): void; shutdown(code: number): Promise<void> } {
  const steps: Array<() => unknown> = []
  let stopping = false
  const shutdown = async (code: number) => {
    if (stopping) return
    stopping = true
    for (const fn of steps) await Promise.resolve().then(fn).catch((e: Error) => console.error(`bench cleanup: ${e.message}`))
    process.exit(code)
  }
  process.stdin.on('end', () => void shutdown(0)).on('error', () => void shutdown(0)).resume()
  // `on`, not `once`: a repeated signal must not fall back to the default (exit without cleanup).
  process.on('SIGTERM', () => void shutdown(143))
  process.on('SIGINT', () => void shutdown(130))
  return { onCleanup: (fn) => void steps.unshift(fn), shutdown }
}

/** Tells the parent where the child listens (and anything else it needs, e.g. the database's URL). */
export function announce(url: string, extra: Record<string, string> = {}): void {
  process.stdout.write(`${JSON.stringify({ ...extra, url })}\n`)
}

/**
 * Runs `node --import tsx <script>` to its end, for a step the server leaves to a process of its own
 * (fixtures-process.ts). Its output goes to stderr — stdout carries the announcement — and it is
 * killed should this process exit first.
 */
export async function runToEnd(script: string, env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 2, 2] })
  const kill = () => child.kill('SIGKILL')
  process.once('exit', kill)
  try {
    const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('exit', resolve))
    if (code !== 0) throw new Error(`${script} exited with ${code}`)
  } finally {
    process.off('exit', kill)
  }
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

// ── parent side ─────────────────────────────────────────────────────────────────────────────────

export interface RunningChild {
  url: string
  /** What the child announced besides its URL. */
  announced: Record<string, string>
  stop(): Promise<void>
}

const running = new Set<RunningChild>()

/**
 * Starts `node [BENCH_NODE_ARGS] --import tsx <script>` (no tsx CLI wrapper in between, so the pid we hold is the
 * server itself) and resolves with its URL. With `tempDir`, the child gets BENCH_TMP_DIR and the
 * directory is deleted after the child exits, whatever happened to it.
 */
export async function startChild(script: string, opts: { tempDir?: boolean; startupTimeoutMs?: number; env?: Record<string, string> } = {}): Promise<RunningChild> {
  const dir = opts.tempDir ? mkdtempSync(path.join(os.tmpdir(), 'qstx-bench-')) : undefined
  // BENCH_NODE_ARGS: extra flags for the measured process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...opts.env, ...(dir ? { BENCH_TMP_DIR: dir } : {}) },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  // One stop in flight, shared: the error path and the ctrl-c path may both ask, and the second
  // caller must wait for the temp dir to be gone too, not return at once.
  let stopping: Promise<void> | undefined
  const handle: RunningChild = {
    url: '',
    announced: {},
    stop: () => (stopping ??= stopChild(child, exited, dir).finally(() => running.delete(handle))),
  }
  running.add(handle)
  try {
    handle.announced = await readAnnouncement(child, exited, opts.startupTimeoutMs ?? 300_000)
    handle.url = handle.announced.url!
    return handle
  } catch (err) {
    await handle.stop()
    throw new Error(`${path.basename(script)}: ${(err as Error).message}`)
  }
}

/** Stops every child still running: for the error and ctrl-c paths of run.ts. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop()))
}

async function readAnnouncement(child: ChildProcess, exited: Promise<number | null>, timeoutMs: number): Promise<Record<string, string>> {
  const lines = createInterface({ input: child.stdout! })
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      new Promise<Record<string, string>>((resolve) => {
        lines.on('line', (line) => {
          try {
            const message = JSON.parse(line) as Record<string, string>
            if (typeof message.url === 'string') resolve(message)
          } catch {
            // Not our announcement (a library printing to stdout): show it rather than lose it.
            process.stderr.write(`${line}\n`)
          }
        })
      }),
      exited.then((code) => Promise.reject(new Error(`exited with code ${code} before listening`))),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`did not listen within ${timeoutMs / 1000} s`)), timeoutMs)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, dir: string | undefined): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.stdin?.end()
    // Stopping PostgreSQL takes a moment; after 20 s assume the child hangs and kill it.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    await exited
    clearTimeout(timer)
  }
  if (dir) rmSync(dir, { recursive: true, force: true })
}
