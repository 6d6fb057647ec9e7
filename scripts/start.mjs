// `npm start`: build the H5 app when it is missing or older than its sources, then run the server
// (which starts the embedded PostgreSQL, migrates, seeds the demo on first start and serves it all).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { ensureClientBuild, ROOT } from './client-build.mjs'

try {
  ensureClientBuild('h5')
} catch (err) {
  console.error(`error: ${err.message}`)
  process.exit(1)
}

// `node --import tsx`, not the `tsx` command: one process, so SIGTERM reaches the server once and it
// stops gracefully (the command's own relay may SIGKILL a server that is slow to acknowledge it).
const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/server.ts')], { cwd: ROOT, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
