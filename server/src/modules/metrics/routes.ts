import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorResponseSchema } from '@qstx/shared'
import { assertMayScrape } from './policy'
import { scrapeFigures } from './repository'

/** Prometheus text format; the figures from the database are read now, once per scrape. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/metrics',
    {
      config: { rateLimit: false, ownCredentials: true },
      schema: {
        tags: ['system'],
        summary: 'Metrics in Prometheus text format (from this machine, or with METRICS_TOKEN as a Bearer token)',
        response: { 200: z.string(), 403: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      assertMayScrape(request, app.config.METRICS_TOKEN)
      const g = app.metrics.gauges
      const pool = app.pg
      g.pool.set({ state: 'total' }, pool.totalCount)
      g.pool.set({ state: 'idle' }, pool.idleCount)
      g.pool.set({ state: 'max' }, pool.options.max ?? 10)
      g.poolWaiting.set(pool.waitingCount)
      try {
        const f = await scrapeFigures(pool, app.clock.now())
        g.outbox.set(f.outbox)
        g.outboxAge.set(f.outboxAgeSeconds)
        // Tasks that have no ready or failed job now answer 0, not their last value.
        g.jobsReady.reset()
        g.jobsFailed.reset()
        for (const [task, n] of Object.entries(f.jobsReady)) g.jobsReady.set({ task }, n)
        for (const [task, n] of Object.entries(f.jobsFailed)) g.jobsFailed.set({ task }, n)
        g.remindersDue.set({ kind: 'checkin.confirm' }, f.confirmRemindersDue)
        g.dbUp.set(1)
      } catch {
        g.dbUp.set(0)
      }
      const text = (await app.metrics.registry.metrics()) + (await app.metrics.process.metrics())
      return reply.type(app.metrics.registry.contentType).send(text)
    },
  )
}
export default routes
