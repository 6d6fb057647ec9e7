/**
 * The limit row: a bare Fastify route that makes one `SELECT` through a `pg` Pool with the app's
 * pool settings (db/prisma.ts: 20 connections), against the bench's own database. It is what any
 * route that needs the database at all can at best do on this machine, so a scenario's ratio to
 * it says how much of the machine the request's own work takes — and how far it is from the floor.
 * Beside it, `/audited` (the same writing an audit row) and `/statement/:id` (a read's own statement,
 * run bare): what a read could at best do, given the SQL it must run.
 */
import Fastify from 'fastify'
import pg from 'pg'
import { sql } from '../../server/src/db/sql'
import { auditInsert } from '../../server/src/lib/audit'
import { announce, childLifecycle } from './processes'
import type { Statement } from '../helpers/statements'

const life = childLifecycle()

async function main() {
  const connectionString = process.env.BENCH_DATABASE_URL
  if (!connectionString) throw new Error('BENCH_DATABASE_URL is not set')
  const pool = new pg.Pool({ connectionString, max: 20 })
  life.onCleanup(() => pool.end())
  const app = Fastify({ logger: false })
  app.get('/', async () => (await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0])
  // The same, writing an audit row as the read does (lib/audit auditInsert: a data-modifying CTE,
  // the same columns and values): the most an audited read — a child's file, a suggestion — can do.
  app.get('/audited', async (request) => {
    const audit = auditInsert(
      { requestId: request.id, ip: request.ip, actorUserId: null, actorRole: null, regionCode: null, at: new Date() },
      { action: 'bench.limit', result: 'success', targetType: 'child', targetId: '5a000000-0000-4000-8000-000000000000' },
    )
    const q = sql`WITH audit AS (${audit}) SELECT 1 AS one`
    return (await pool.query<{ one: number }>({ name: 'audited', text: q.text, values: q.values as unknown[] })).rows[0]
  })
  // A read's own statement, caught from the app (server-process.ts), run bare: the same text and
  // values, prepared as the app prepares it, its rows sent as they come — no session, no policy,
  // no view, no response schema. What a read does beyond it is the app's per-request work.
  const own: Statement[] = []
  app.post('/statements', async (request) => {
    own.push(request.body as Statement)
    return { id: own.length - 1 }
  })
  app.get('/statement/:id', async (request) => {
    const id = Number((request.params as { id: string }).id)
    const s = own[id]!
    return (await pool.query({ ...(s.named ? { name: `own${id}` } : {}), text: s.text, values: s.values })).rows
  })
  life.onCleanup(() => app.close())
  announce(await app.listen({ port: 0, host: '127.0.0.1' }))
}

main().catch((err: Error) => {
  console.error(`bench limit: ${err.message}`)
  void life.shutdown(1)
})
