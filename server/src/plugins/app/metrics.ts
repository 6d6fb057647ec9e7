/**
 * Prometheus metrics (prom-client), served at GET /api/metrics (modules/metrics).
 *
 * Per request exactly one thing happens: one histogram observation of the time Fastify already
 * measured (reply.elapsedTime), into a child looked up by route and status — no timers, no label
 * hashing on the hot path. Everything else (pool, outbox, jobs, reminders) is read when Prometheus
 * scrapes. Each app has its own registry (tests build many apps in one process); the process's own
 * metrics (CPU, memory, event-loop delay, GC) are registered once per process.
 */
import fp from 'fastify-plugin'
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

declare module 'fastify' {
  interface FastifyInstance {
    metrics: { registry: Registry; process: Registry; gauges: ReturnType<typeof scrapeGauges> }
  }
}

let processRegistry: Registry | undefined
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry()
    collectDefaultMetrics({ register: processRegistry })
  }
  return processRegistry
}

function scrapeGauges(registry: Registry) {
  const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []) => new Gauge<L>({ name, help, labelNames, registers: [registry] })
  return {
    dbUp: gauge('qstx_database_up', '1 when the scrape reached PostgreSQL, else 0 (and the database figures below are stale)'),
    pool: gauge('qstx_db_pool_connections', "This process's PostgreSQL pool: connections by state, and its maximum", ['state']),
    poolWaiting: gauge('qstx_db_pool_waiting_requests', 'Queries waiting for a free connection of the pool'),
    outbox: gauge('qstx_outbox_pending', 'Notifications not yet handed to WeChat'),
    outboxAge: gauge('qstx_outbox_oldest_age_seconds', 'Age of the oldest notification not yet handed to WeChat (0 when none)'),
    jobsReady: gauge('qstx_jobs_ready', 'Background jobs due to run and not taken by a worker', ['task']),
    jobsFailed: gauge('qstx_jobs_failed', 'Background jobs that used all their attempts (they stay for inspection)', ['task']),
    remindersDue: gauge('qstx_reminders_due', 'Reminders whose time has come and that no worker has sent yet', ['kind']),
  }
}

export default fp(
  async (app) => {
    const registry = new Registry()
    const duration = new Histogram<'method' | 'route' | 'status_code'>({
      name: 'http_request_duration_seconds',
      help: 'Time from the request arriving to the response being sent, by route and status',
      labelNames: ['method', 'route', 'status_code'],
      // Hot paths answer in a few milliseconds; exports and PDFs take seconds.
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    })
    app.decorate('metrics', { registry, process: processMetrics(), gauges: scrapeGauges(registry) })

    const children = new Map<string, ReturnType<typeof duration.labels>>()
    app.addHook('onResponse', (request, reply, done) => {
      // An unknown URL is one label value, not one per path an outsider tries.
      const route = request.routeOptions.url ?? 'unmatched'
      const key = `${request.method} ${route} ${reply.statusCode}`
      let child = children.get(key)
      if (!child) {
        child = duration.labels(request.method, route, String(reply.statusCode))
        children.set(key, child)
      }
      child.observe(reply.elapsedTime / 1000)
      done()
    })
  },
  { name: 'metrics' },
)
