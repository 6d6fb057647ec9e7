/**
 * `npm run backup` and `npm run restore` on a real PostgreSQL with the demo and a day's activity
 * (a new child's file, reads and reveals, a director's visit, a check-in and its confirmation, a
 * harm report, delivered notifications): the restored database equals the one backed up, table by
 * table (row count and a checksum of every row) and sequence by sequence. The dump, opened as an
 * attacker holding it would, has no plaintext ID number, phone or address and no key.
 *
 * Server and tools are Debian's PostgreSQL (helpers/system-pg.ts): pg_dump refuses a server newer
 * than itself, and no pg_dump as new as the embedded PostgreSQL 18 is installable here.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idNumberCheckChar } from '@qstx/shared'
import { ROOT_DIR } from '../server/src/config'
import { backupDatabase, restoreDatabase } from '../server/src/db/backup'
import { createPrisma } from '../server/src/db/prisma'
import { migrate } from '../server/src/db/migrate'
import { findPgTool } from '../server/src/db/pg-tools'
import { installJobSchema } from '../server/src/jobs/worker'
import { Keyring, parseDataKeys, randomKeySpec } from '../server/src/lib/crypto'
import { seedDemo } from '../server/src/seed/demo'
import { buildTestApp, type TestContext } from './helpers/build-app'
import { activePairing, checkinBody, decide, directorOf, recordCheckin } from './helpers/checkins'
import { childBody } from './helpers/children'
import { fingerprint } from './helpers/db-fingerprint'
import { bearer, tokenFor } from './helpers/personas'
import { startSystemPg, type SystemPg } from './helpers/system-pg'

const run = promisify(execFile)
const CANARY_NAME = '甄金丝雀'
const CANARY_ID = '45022520150601776' + idNumberCheckChar('45022520150601776')
const CANARY_PHONE = '13987654321'
const CANARY_ADDRESS = '金丝雀村七组七号'
const DATA_KEYS = randomKeySpec('bk1')
const BLIND_INDEX_KEY = randomBytes(32).toString('base64')

let sys: SystemPg
let source: string
let t: TestContext
let dir: string
let childId: string

/** The real command, as an operator runs it: `tsx server/src/db/cli-<name>.ts …` (what `npm run <name>` runs). */
async function cli(name: 'backup' | 'restore', args: string[], databaseUrl: string) {
  const env = { PATH: process.env.PATH!, HOME: os.tmpdir(), DATABASE_URL: databaseUrl, PG_BIN_DIR: sys.binDir, DATA_KEYS, BLIND_INDEX_KEY }
  return run(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), [path.join(ROOT_DIR, `server/src/db/cli-${name}.ts`), ...args], { env, cwd: dir })
    .then((r) => ({ code: 0, out: r.stdout + r.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }))
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qstx-backup-'))
  sys = await startSystemPg()
  source = await sys.createDatabase('qstx')
  await migrate(source)
  await installJobSchema(source)
  const keyring = new Keyring(parseDataKeys(DATA_KEYS), Buffer.from(BLIND_INDEX_KEY))
  const prisma = createPrisma(source, { max: 2 })
  await seedDemo(prisma, keyring)
  await prisma.$disconnect()
  t = await buildTestApp({ databaseUrl: source, keyring })

  // A day's activity on top of the demo, every write through the API.
  const director = await directorOf(t)
  const created = await t.app.inject({
    method: 'POST', url: '/api/children', headers: bearer(director),
    payload: childBody({ name: CANARY_NAME, idNumber: CANARY_ID, address: CANARY_ADDRESS, guardians: [{ relation: 'mother', name: '梁秀英', phone: CANARY_PHONE, healthy: true }] }),
  })
  expect(created.statusCode, created.body).toBe(201)
  childId = created.json().child.id
  const civil = await tokenFor(t.app, 'demo.civil')
  const read = await t.app.inject({ method: 'GET', url: `/api/children/${childId}`, headers: bearer(civil) })
  expect(read.statusCode, read.body).toBe(200)
  expect((await t.app.inject({ method: 'POST', url: `/api/children/${childId}/reveal`, headers: bearer(director), payload: { field: 'idNumber' } })).json().value).toBe(CANARY_ID)
  const visit = await t.app.inject({ method: 'POST', url: `/api/children/${childId}/visits`, headers: bearer(director), payload: { kind: 'home_visit', visitedOn: '2026-03-01', problems: '作业没人辅导' } })
  expect(visit.statusCode, visit.body).toBe(201)
  const { pairingId, volunteer } = await activePairing(t)
  const checkinId = await recordCheckin(t, volunteer.token, checkinBody(t, pairingId))
  expect((await decide(t, director, checkinId, 'confirm')).statusCode).toBe(200)
  const report = await t.app.inject({
    method: 'POST', url: '/api/safeguarding/reports', headers: bearer(director),
    payload: { childName: CANARY_NAME, regionCode: '450225101201', kind: 'neglect_guardianship', urgency: 'concern', seen: '孩子一个人在家', seenAt: '2026-03-01T08:00:00Z' },
  })
  expect(report.statusCode, report.body).toBe(201)
  await t.runJobs()
}, 240_000)

afterAll(async () => {
  await t?.close().catch(() => {})
  await sys?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('npm run backup / npm run restore', () => {
  let file: string
  let before: Awaited<ReturnType<typeof fingerprint>>

  it('writes a dump readable only by its owner, and a restore into an empty database equals the original', async () => {
    before = await fingerprint(source)
    expect(Object.keys(before.tables).length).toBeGreaterThan(30)
    expect(before.tables['public.audit_logs']!.rows).toBeGreaterThan(3)
    const backup = await cli('backup', ['nightly.dump'], source)
    expect(backup.code, backup.out).toBe(0)
    file = path.join(dir, 'nightly.dump')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(existsSync(`${file}.partial`)).toBe(false)

    const empty = await sys.createDatabase('restored')
    const restore = await cli('restore', [file], empty)
    expect(restore.code, restore.out).toBe(0)
    expect(await fingerprint(empty)).toEqual(before)
  }, 120_000)

  it('holds no plaintext ID number, phone or address and no key, opened as an attacker would', async () => {
    // pg_restore turns the compressed archive back into SQL with every row: what a thief of the file reads.
    const { stdout: sql } = await run(path.join(sys.binDir, 'pg_restore'), ['--file', '-', file], { maxBuffer: 512 * 1024 * 1024 })
    const raw = readFileSync(file).toString('latin1')
    expect(sql).toContain(CANARY_NAME) // the search works: names are stored in the clear, and so are in the dump
    for (const secret of [CANARY_ID, CANARY_PHONE, CANARY_ADDRESS, BLIND_INDEX_KEY, DATA_KEYS.split(':')[1]!]) {
      expect(sql).not.toContain(secret)
      expect(raw).not.toContain(secret)
    }
  })

  it('is refused while the API is connected to the database it would replace', async () => {
    const refused = await cli('restore', [file, '--force'], source)
    expect(refused.code).toBe(1)
    expect(refused.out).toMatch(/other connection\(s\) to this database are open: stop the API and worker/)
  }, 60_000)

  it('taken under load, restores to exactly the snapshot it was taken in', async () => {
    // Writes keep coming (each file read writes an audit row) while pg_dump runs in a snapshot the
    // test holds open, so the original as of that snapshot can be checksummed afterwards.
    const civil = await tokenFor(t.app, 'demo.civil')
    let stop = false
    let reads = 0
    const load = (async () => {
      while (!stop) {
        const res = await t.app.inject({ method: 'GET', url: `/api/children/${childId}`, headers: bearer(civil) })
        if (res.statusCode === 200) reads++
      }
    })()
    const held = new pg.Client({ connectionString: source })
    let readsAtSnapshot: number
    try {
      while (reads < 5) await new Promise((r) => setTimeout(r, 20))
      await held.connect()
      await held.query('BEGIN ISOLATION LEVEL REPEATABLE READ')
      const snapshot = (await held.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0]!.s
      readsAtSnapshot = reads
      await backupDatabase(source, path.join(dir, 'busy.dump'), { binDirs: [sys.binDir], snapshot })
      while (reads < readsAtSnapshot + 5) await new Promise((r) => setTimeout(r, 20))
    } finally {
      stop = true
      await load
    }
    const asOfSnapshot = await fingerprint(held, { sequences: false })
    await held.query('COMMIT')
    await held.end()

    const copy = await sys.createDatabase('restored_busy')
    await restoreDatabase(copy, path.join(dir, 'busy.dump'), { binDirs: [sys.binDir], force: false })
    expect(await fingerprint(copy, { sequences: false })).toEqual(asOfSnapshot)
    const now = await fingerprint(source, { sequences: false })
    expect(now.tables['public.audit_logs']!.rows).toBeGreaterThan(asOfSnapshot.tables['public.audit_logs']!.rows)
  }, 120_000)

  it('refuses a database with tables unless --force, which replaces everything in it', async () => {
    await t.close()
    const admin = new pg.Client({ connectionString: source })
    await admin.connect()
    await admin.query(`INSERT INTO audit_logs ("action", "result") VALUES ('after.backup', 'success')`)
    await admin.query('CREATE TABLE stray (id int)')
    await admin.end()
    const changed = await fingerprint(source)

    const refused = await cli('restore', [file], source)
    expect(refused.code).toBe(1)
    expect(refused.out).toMatch(/the database is not empty \(\d+ tables.*add --force to replace everything in it/)
    expect(await fingerprint(source)).toEqual(changed)

    const forced = await cli('restore', [file, '--force'], source)
    expect(forced.code, forced.out).toBe(0)
    expect(await fingerprint(source)).toEqual(before)
  }, 120_000)

  it('says which pg_dump to install when the tools found are older than the server', async () => {
    await expect(findPgTool('pg_dump', 99, [sys.binDir])).rejects.toThrow(
      new RegExp(`pg_dump 99 or newer is needed for this PostgreSQL 99 server \\(.*pg_dump is version ${sys.major}.*postgresql-client-99.*PG_BIN_DIR`),
    )
  })
})
