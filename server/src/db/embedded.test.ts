/**
 * A process that used the embedded PostgreSQL ends with the exit code it set: vitest sets
 * `process.exitCode = 1` when a test failed, and `npm test` must then fail too.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { freePort } from '../../../test/helpers/server-process'

const dir = mkdtempSync(path.join(os.tmpdir(), 'qstx-exit-code-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('keeps process.exitCode when the process ends on its own after the database stopped', async () => {
  const root = path.resolve(import.meta.dirname, '../../..')
  const script = `
    import { startEmbeddedPostgres } from ${JSON.stringify(path.join(root, 'server/src/db/embedded.ts'))}
    const pg = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(path.join(dir, 'pg'))}, port: ${await freePort()}, persistent: false })
    await pg.stop()
    process.exitCode = 3
  `
  const run = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 120_000 })
  expect(run.stderr).toBe('')
  expect(run.status).toBe(3)
}, 150_000)
