// The H5 build of the client (client/dist/h5), rebuilt when missing or older than its sources.
// Used by `npm start` (scripts/start.mjs) and the end-to-end tests (test/e2e/global-setup.ts).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const H5_DIR = path.join(ROOT, 'client/dist/h5')
const BUILT = path.join(H5_DIR, 'index.html')
// Everything the build reads that we write: sources, build config, and the shared package.
const SOURCES = [
  'client/src', 'client/config', 'client/babel.config.js', 'client/package.json', 'shared/src', 'shared/package.json', 'scripts/compress-h5.mjs',
].map((p) =>
  path.join(ROOT, p),
)

function newest(p) {
  const stat = statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = stat.mtimeMs // a deleted file changes its directory's mtime
  for (const entry of readdirSync(p)) latest = Math.max(latest, newest(path.join(p, entry)))
  return latest
}

/** Why the build must run, or null when client/dist/h5 is up to date. */
export function h5BuildStaleness() {
  if (!existsSync(BUILT)) return 'no H5 build yet'
  const builtAt = statSync(BUILT).mtimeMs
  const changed = SOURCES.find((p) => existsSync(p) && newest(p) > builtAt)
  return changed ? `${path.relative(ROOT, changed)} changed since the last build` : null
}

/**
 * Builds the H5 app when it is missing or stale (SKIP_H5_BUILD=1 skips the check). Throws when the
 * build fails — including `taro build` exiting 0 without writing index.html, which it can do.
 */
export function ensureH5Build({ log = console.log } = {}) {
  if (process.env.SKIP_H5_BUILD === '1') return { built: false }
  const reason = h5BuildStaleness()
  if (!reason) return { built: false }
  log(`building the H5 app (client/dist/h5): ${reason}…`)
  const startedAt = Date.now()
  // Taro picks the production build only when NODE_ENV is unset; a caller's NODE_ENV=test (vitest)
  // would make babel-preset-taro emit CommonJS and pull in untranspiled .cjs dependencies.
  const { NODE_ENV: _ignored, ...env } = process.env
  const r = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit', env })
  if (r.status !== 0) throw new Error(`the H5 build failed (npm run build:h5 exited ${r.status ?? r.signal}; see above)`)
  // A second early: file systems with coarse timestamps.
  if (!existsSync(BUILT) || statSync(BUILT).mtimeMs < startedAt - 1000) {
    throw new Error('the H5 build wrote no client/dist/h5/index.html although taro exited 0 (see the build output above)')
  }
  return { built: true }
}
