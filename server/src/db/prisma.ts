/**
 * Prisma 7 without Rust engines: the `prisma-client` generator over node-postgres (@prisma/adapter-pg).
 * The adapter is handed a `pg.Pool` of ours rather than a connection string, so the hot paths can
 * send their hand-written SQL over the same connections (db/sql.ts) without paying Prisma's
 * per-query interpretation — one pool, one connection limit, one place that closes it.
 */
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient, type Prisma } from '../generated/prisma/client'

const pools = new WeakMap<object, pg.Pool>()

export function createPrisma(databaseUrl: string, opts: { max?: number } = {}) {
  // maxLifetimeSeconds: a connection is replaced after an hour (when next idle). Each keeps the
  // statements prepared on it (db/sql.ts), and some texts name a county or a page (lib/policy
  // withinRegionSql, db/sql intLiteral): recycling bounds what one connection accumulates.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.max ?? 20, maxLifetimeSeconds: 3600 })
  // An idle connection that dies (PostgreSQL restarted) must not crash the process; the next
  // query gets a fresh connection, and a query in flight fails with a 503 (lib/db-unavailable.ts).
  pool.on('error', () => {})
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) })
  pools.set(prisma, pool)
  return prisma
}

export type Db = ReturnType<typeof createPrisma>
/** The transaction client every repository function takes first (ARCHITECTURE.md convention 7). */
export type Tx = Prisma.TransactionClient

/** The pool under a client made by createPrisma: for db/sql.ts, nothing else. */
export function poolOf(prisma: Db): pg.Pool {
  const pool = pools.get(prisma)
  if (!pool) throw new Error('poolOf: this Prisma client was not made by createPrisma')
  return pool
}
