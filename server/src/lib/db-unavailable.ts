/**
 * Is this error "the database cannot be reached right now" rather than a bug? Those answer 503
 * with Retry-After (plugins/app/error-handler.ts), so phones keep a check-in queued and send it
 * again instead of showing 系统出错了 for an outage that fixes itself when PostgreSQL is back.
 *
 * The shapes, as seen here with Prisma 7 over @prisma/adapter-pg when PostgreSQL is killed:
 *   - model queries: PrismaClientKnownRequestError P1001 (can't reach), P1017 (server closed);
 *   - raw queries: P2010 with meta.driverAdapterError.cause = { kind: 'DatabaseNotReachable' } or
 *     { kind: 'postgres', code: '57P01' } (terminated by an administrator / a shutdown);
 *   - a query in flight when the server dies: pg's plain Error "Connection terminated unexpectedly",
 *     which the adapter passes through unmapped;
 *   - a new connection while PostgreSQL restarts: SQLSTATE 57P03 (cannot_connect_now).
 */

/** Prisma's codes for a database it cannot reach or that went away (P2024: no pool connection in time). */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])
/** Driver adapter error kinds (@prisma/driver-adapter-utils) that mean the connection, not the query. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'])
/** Node socket errors. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])
/**
 * SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections; class 08 is
 * "connection exception" as a whole.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300'])
/** node-postgres's fixed messages for a connection that died or could not be had (no code on them). */
const PG_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect/, /^Client has encountered a connection error/]

interface ErrorLike {
  name?: unknown
  code?: unknown
  kind?: unknown
  message?: unknown
  cause?: unknown
  meta?: { driverAdapterError?: unknown }
}

function matches(e: ErrorLike): boolean {
  const code = typeof e.code === 'string' ? e.code : ''
  if (e.name === 'PrismaClientInitializationError') return true
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true
  return typeof e.message === 'string' && PG_MESSAGES.some((re) => re.test(e.message as string))
}

export function isDatabaseUnavailable(err: unknown): boolean {
  // Errors wrap errors (Prisma → DriverAdapterError → the adapter's mapped cause): follow a few links.
  const seen = new Set<unknown>()
  const queue: unknown[] = [err]
  while (queue.length > 0 && seen.size < 8) {
    const e = queue.shift()
    if (!e || typeof e !== 'object' || seen.has(e)) continue
    seen.add(e)
    const x = e as ErrorLike
    if (matches(x)) return true
    queue.push(x.cause, x.meta?.driverAdapterError)
  }
  return false
}

/** Seconds a client should wait before trying again: PostgreSQL restarts in a few seconds. */
export const DB_RETRY_AFTER_SECONDS = 5
