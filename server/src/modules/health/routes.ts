import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { HealthResponseSchema } from '@qstx/shared'

const startedAt = Date.now()

/** Liveness with a real database round trip: load balancers and the README's smoke test use it. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: { tags: ['system'], summary: 'Health check (database included)', response: { 200: HealthResponseSchema, 503: HealthResponseSchema } },
    },
    async (_request, reply) => {
      let database: 'up' | 'down' = 'up'
      try {
        await app.prisma.$queryRaw`SELECT 1`
      } catch {
        database = 'down'
      }
      const body = {
        status: database === 'up' ? ('ok' as const) : ('degraded' as const),
        database,
        sessions: app.sessions.listening ? ('cached' as const) : ('direct' as const),
        version: process.env.npm_package_version ?? '0.1.0',
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      }
      return reply.status(database === 'up' ? 200 : 503).send(body)
    },
  )
}
export default routes
