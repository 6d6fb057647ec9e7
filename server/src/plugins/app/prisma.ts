/**
 * Shares one Prisma client (and the keyring, clock and config) with every route and service, and
 * the pool under it as `app.pg` for the hot paths' hand-written SQL (db/sql.ts).
 */
import fp from 'fastify-plugin'
import type { Config } from '../../config'
import type pg from 'pg'
import { poolOf, type Db } from '../../db/prisma'
import type { Clock } from '../../lib/clock'
import type { Keyring } from '../../lib/crypto'

declare module 'fastify' {
  interface FastifyInstance {
    prisma: Db
    pg: pg.Pool
    config: Config
    clock: Clock
    keyring: Keyring
  }
}

export interface CoreDeps {
  prisma: Db
  config: Config
  clock: Clock
  keyring: Keyring
}

export default fp<CoreDeps>(
  async (app, deps) => {
    app.decorate('prisma', deps.prisma)
    app.decorate('pg', poolOf(deps.prisma))
    app.decorate('config', deps.config)
    app.decorate('clock', deps.clock)
    app.decorate('keyring', deps.keyring)
  },
  { name: 'prisma' },
)
