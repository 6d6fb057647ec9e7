// `npm start`: build the H5 app when it is missing or older than its sources, then run the server
// (which starts the embedded PostgreSQL, migrates, seeds the demo on first start and serves it all).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const built = path.join(root, 'client/dist/h5/index.html')
const sources = ['client/src', 'client/config', 'shared/src'].map((p) => path.join(root, p))

function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return latest
}

const stale = !existsSync(built) || sources.some((dir) => existsSync(dir) && newest(dir) > statSync(built).mtimeMs)
if (stale && process.env.SKIP_H5_BUILD !== '1') {
  console.log('building the H5 app (client/dist/h5)…')
  const r = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) {
    console.error('error: the H5 build failed (see above)')
    process.exit(1)
  }
}

const server = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'server/src/server.ts')], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
