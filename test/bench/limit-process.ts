/**
 * The limit row: a bare Fastify route that makes one `SELECT` through a `pg` Pool with the app's
 * pool settings (db/prisma.ts: 20 connections), against the bench's own database. It is what any
 * route that needs the database at all can at best do on this machine, so a scenario's ratio to
 * it says how much of the machine the request's own work takes — and how far it is from the floor.
 */
import Fastify from 'fastify'
import pg from 'pg'
import { announce, childLifecycle } from './processes'

const life = childLifecycle()

async function main() {
  const connectionString = process.env.BENCH_DATABASE_URL
  if (!connectionString) throw new Error('BENCH_DATABASE_URL is not set')
  const pool = new pg.Pool({ connectionString, max: 20 })
  life.onCleanup(() => pool.end())
  const app = Fastify({ logger: false })
  app.get('/', async () => (await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0])
  life.onCleanup(() => app.close())
  announce(await app.listen({ port: 0, host: '127.0.0.1' }))
}

main().catch((err: Error) => {
  console.error(`bench limit: ${err.message}`)
  void life.shutdown(1)
})
