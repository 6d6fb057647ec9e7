// The client's builds — client/dist/h5 and client/dist/weapp — rebuilt when missing or older than
// their sources. Used by `npm start` (scripts/start.mjs, H5), the end-to-end tests
// (test/e2e/global-setup.ts, H5) and the mini-program tests (test/weapp/global-setup.ts, weapp).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const H5_DIR = path.join(ROOT, 'client/dist/h5')
export const WEAPP_DIR = path.join(ROOT, 'client/dist/weapp')
// The file each build writes last-ish and always: its mtime is the build's.
const BUILT = { h5: path.join(H5_DIR, 'index.html'), weapp: path.join(WEAPP_DIR, 'app.json') }
// Everything the build reads that we write: sources, build config, and the shared package.
const SOURCES = [
  'client/src', 'client/config', 'client/babel.config.js', 'client/package.json', 'client/project.config.json',
  'shared/src', 'shared/package.json', 'scripts/compress-h5.mjs',
].map((p) => path.join(ROOT, p))

function newest(p) {
  const stat = statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = stat.mtimeMs // a deleted file changes its directory's mtime
  for (const entry of readdirSync(p)) latest = Math.max(latest, newest(path.join(p, entry)))
  return latest
}

/** Why the `target` build ('h5' or 'weapp') must run, or null when it is up to date. */
export function buildStaleness(target) {
  const built = BUILT[target]
  if (!existsSync(built)) return `no ${target} build yet`
  const builtAt = statSync(built).mtimeMs
  const changed = SOURCES.find((p) => existsSync(p) && newest(p) > builtAt)
  return changed ? `${path.relative(ROOT, changed)} changed since the last build` : null
}

/**
 * Builds `target` when it is missing or stale (SKIP_CLIENT_BUILD=1 skips the check). Throws when the build fails — including `taro build` exiting 0 without writing
 * its output, which it can do.
 */
export function ensureClientBuild(target, { log = console.log } = {}) {
  if (process.env.SKIP_CLIENT_BUILD === '1') return { built: false }
  const reason = buildStaleness(target)
  if (!reason) return { built: false }
  const out = path.relative(ROOT, path.dirname(BUILT[target]))
  log(`building the ${target} app (${out}): ${reason}…`)
  const startedAt = Date.now()
  // Taro picks the production build only when NODE_ENV is unset; a caller's NODE_ENV=test (vitest)
  // would make babel-preset-taro emit CommonJS and pull in untranspiled .cjs dependencies.
  const { NODE_ENV: _ignored, ...env } = process.env
  const r = spawnSync('npm', ['run', `build:${target}`], { cwd: ROOT, stdio: 'inherit', env })
  if (r.status !== 0) throw new Error(`the ${target} build failed (npm run build:${target} exited ${r.status ?? r.signal}; see above)`)
  // A second early: file systems with coarse timestamps.
  if (!existsSync(BUILT[target]) || statSync(BUILT[target]).mtimeMs < startedAt - 1000) {
    throw new Error(`the ${target} build wrote no ${path.relative(ROOT, BUILT[target])} although taro exited 0 (see the build output above)`)
  }
  // The build is as old as the sources it read: a file saved while it ran makes the next check rebuild.
  utimesSync(BUILT[target], new Date(startedAt), new Date(startedAt))
  return { built: true }
}
