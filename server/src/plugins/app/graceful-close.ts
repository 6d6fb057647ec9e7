/**
 * Stopping without losing work (SIGTERM, server.ts). Once `app.close()` begins:
 *   - a request that reaches us is refused with 503 SERVICE_UNAVAILABLE and Retry-After, in our
 *     shape (Fastify's own closing answer is not: app.ts turns it off) — the phone's outbox keeps
 *     the check-in and sends it again, through another process behind the proxy;
 *   - requests already running finish, and their replies close the connection: otherwise an idle
 *     keep-alive socket would hold the close open until its 72-second timeout.
 * `closeApp` bounds the wait: whatever still runs after the grace period loses its connection
 * (its transaction commits or rolls back whole; the client retries with its Idempotency-Key).
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../../lib/app-error'
import { DB_RETRY_AFTER_SECONDS } from '../../lib/db-unavailable'

export default fp(
  async (app) => {
    let closing = false
    app.addHook('preClose', async () => {
      closing = true
    })
    app.addHook('onRequest', async (_request, reply) => {
      if (!closing) return
      reply.header('connection', 'close').header('retry-after', String(DB_RETRY_AFTER_SECONDS))
      throw new AppError('SERVICE_UNAVAILABLE')
    })
    app.addHook('onSend', async (_request, reply) => {
      if (closing) reply.header('connection', 'close')
    })
  },
  { name: 'graceful-close' },
)

/** Closes the app, cutting the connections of requests still running after `graceMs`. */
export async function closeApp(app: FastifyInstance, graceMs: number): Promise<void> {
  const cut = setTimeout(() => app.server.closeAllConnections(), graceMs)
  try {
    await app.close()
  } finally {
    clearTimeout(cut)
  }
}
