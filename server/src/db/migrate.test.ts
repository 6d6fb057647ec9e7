/**
 * The migrator against a real PostgreSQL: each test gets an empty database and a temporary
 * migrations folder in Prisma's layout (<name>/migration.sql), so the cases can change, break and
 * delete migrations without touching prisma/migrations.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from 'vitest'
import { migrate, MigrationError } from './migrate'

const created: string[] = []
let dir: string
let url: string
let db: pg.Client

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: inject('pgAdminUrl') })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}

function write(name: string, sql: string) {
  mkdirSync(path.join(dir, name), { recursive: true })
  writeFileSync(path.join(dir, name, 'migration.sql'), sql)
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

async function recorded(): Promise<Array<{ name: string; checksum: string }>> {
  const { rows } = await db.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "_migrations" ORDER BY name`)
  return rows
}

async function tableExists(name: string): Promise<boolean> {
  const { rows } = await db.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [`public.${name}`])
  return rows[0]!.t !== null
}

const A = `CREATE TABLE "steps" ("n" SERIAL PRIMARY KEY, "what" TEXT NOT NULL);\nINSERT INTO "steps" ("what") VALUES ('a');\n`
// Depends on A: applying B before A fails, so the order is proven by B succeeding.
const B = `CREATE TABLE "things" ("id" INT PRIMARY KEY, "step" INT REFERENCES "steps"("n"));\nINSERT INTO "steps" ("what") VALUES ('b');\n`
const C = `INSERT INTO "things" ("id", "step") VALUES (1, 1);\nINSERT INTO "steps" ("what") VALUES ('c');\n`

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qstx-migrations-'))
  const name = `mig_${randomBytes(6).toString('hex')}`
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0`))
  created.push(name)
  const u = new URL(inject('pgAdminUrl'))
  u.pathname = `/${name}`
  url = u.toString()
  db = new pg.Client({ connectionString: url })
  await db.connect()
})

afterEach(async () => {
  await db?.end()
  rmSync(dir, { recursive: true, force: true })
})

afterAll(async () => {
  await admin(async (c) => {
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  })
})

describe('migrate()', () => {
  it('applies pending migrations in name order and records each with its checksum', async () => {
    // Written out of order, and next to files Prisma's layout also has, which are not migrations.
    write('20260103000000_c', C)
    write('20260101000000_a', A)
    write('20260102000000_b', B)
    writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n')
    mkdirSync(path.join(dir, 'notes'))
    const logged: string[] = []

    const applied = await migrate(url, { dir, log: (m) => logged.push(m) })

    expect(applied).toEqual(['20260101000000_a', '20260102000000_b', '20260103000000_c'])
    const { rows } = await db.query<{ what: string }>(`SELECT "what" FROM "steps" ORDER BY "n"`)
    expect(rows.map((r) => r.what)).toEqual(['a', 'b', 'c'])
    expect(await recorded()).toEqual([
      { name: '20260101000000_a', checksum: sha256(A) },
      { name: '20260102000000_b', checksum: sha256(B) },
      { name: '20260103000000_c', checksum: sha256(C) },
    ])
    expect(logged).toEqual(applied.map((n) => `applied migration ${n}`))
  })

  it('applies nothing when run again, and only the new migration after one is added', async () => {
    write('20260101000000_a', A)
    write('20260102000000_b', B)
    await migrate(url, { dir })

    expect(await migrate(url, { dir })).toEqual([])
    expect((await db.query(`SELECT 1 FROM "steps"`)).rowCount).toBe(2)

    write('20260103000000_c', C)
    expect(await migrate(url, { dir })).toEqual(['20260103000000_c'])
    expect((await db.query(`SELECT 1 FROM "steps"`)).rowCount).toBe(3)
    expect((await recorded()).map((r) => r.name)).toHaveLength(3)
  })

  it('refuses to run when an applied migration was changed, naming it, and applies nothing else', async () => {
    write('20260101000000_a', A)
    write('20260102000000_b', B)
    await migrate(url, { dir })
    write('20260101000000_a', A.replace("'a'", "'a, edited'"))
    write('20260103000000_c', C)

    const err = await migrate(url, { dir }).catch((e: unknown) => e)

    expect(err).toBeInstanceOf(MigrationError)
    expect((err as Error).message).toMatch(/migration 20260101000000_a was changed after it was applied/)
    expect((await recorded()).map((r) => r.name)).toEqual(['20260101000000_a', '20260102000000_b'])
    expect((await db.query(`SELECT 1 FROM "things"`)).rowCount).toBe(0)
  })

  it('does not count a Windows checkout (CRLF line endings) as a changed migration', async () => {
    write('20260101000000_a', A)
    await migrate(url, { dir })
    write('20260101000000_a', A.replace(/\n/g, '\r\n'))

    expect(await migrate(url, { dir })).toEqual([])
  })

  it('rolls a failing migration back entirely, does not record it, and names it in the error', async () => {
    write('20260101000000_a', A)
    // The first statements succeed; the last fails. None of it may stay behind.
    write('20260102000000_b', `CREATE TABLE "half" ("id" INT);\nINSERT INTO "steps" ("what") VALUES ('b');\nINSERT INTO "no_such_table" VALUES (1);\n`)
    write('20260103000000_c', `CREATE TABLE "after" ("id" INT);\n`)

    const err = await migrate(url, { dir }).catch((e: unknown) => e)

    expect(err).toBeInstanceOf(MigrationError)
    expect((err as Error).message).toMatch(/migration 20260102000000_b failed: .*no_such_table/)
    expect(await tableExists('half')).toBe(false)
    expect(await tableExists('after')).toBe(false)
    const { rows } = await db.query<{ what: string }>(`SELECT "what" FROM "steps"`)
    expect(rows.map((r) => r.what)).toEqual(['a'])
    expect((await recorded()).map((r) => r.name)).toEqual(['20260101000000_a'])

    // Once fixed, the same run picks up where it stopped.
    write('20260102000000_b', `CREATE TABLE "half" ("id" INT);\n`)
    expect(await migrate(url, { dir })).toEqual(['20260102000000_b', '20260103000000_c'])
  })

  it('refuses to run when the database has a migration that is missing on disk, naming it', async () => {
    write('20260101000000_a', A)
    write('20260102000000_b', B)
    await migrate(url, { dir })
    rmSync(path.join(dir, '20260102000000_b'), { recursive: true })
    write('20260103000000_c', `CREATE TABLE "after" ("id" INT);\n`)

    const err = await migrate(url, { dir }).catch((e: unknown) => e)

    expect(err).toBeInstanceOf(MigrationError)
    expect((err as Error).message).toMatch(/20260102000000_b/)
    expect(await tableExists('after')).toBe(false)
  })

  it('applies each migration once when two servers migrate the same database at the same time', async () => {
    // Slow enough that the two calls overlap; a second application would fail (CREATE TABLE) or
    // show up as a second row.
    write('20260101000000_a', `SELECT pg_sleep(0.3);\n${A}`)
    write('20260102000000_b', `SELECT pg_sleep(0.3);\n${B}`)

    const settled = await Promise.allSettled([migrate(url, { dir }), migrate(url, { dir }), migrate(url, { dir })])

    expect(settled.filter((s) => s.status === 'rejected')).toEqual([])
    const results = settled.map((s) => (s.status === 'fulfilled' ? s.value : []))
    expect(results.flat().sort()).toEqual(['20260101000000_a', '20260102000000_b'])
    expect(results.filter((r) => r.length > 0)).toHaveLength(1)
    const { rows } = await db.query<{ what: string }>(`SELECT "what" FROM "steps" ORDER BY "n"`)
    expect(rows.map((r) => r.what)).toEqual(['a', 'b'])
    expect(await recorded()).toHaveLength(2)
  })
})
