import rateLimit from '@fastify/rate-limit'
import fp from 'fastify-plugin'

/**
 * Per-client request budget. Keyed by the bearer token's session when signed in (so a whole village
 * behind one NAT address is not one client), otherwise by IP. Sign-in routes set stricter limits.
 */
export default fp<{ perMinute: number }>(
  async (app, opts) => {
    await app.register(rateLimit, {
      global: true,
      max: opts.perMinute,
      timeWindow: '1 minute',
      keyGenerator: (request) => request.headers.authorization?.slice(-24) ?? request.ip,
      // Our error handler turns this into { code: 'RATE_LIMITED', message }.
      errorResponseBuilder: (_req, ctx) => Object.assign(new Error('rate limited'), { statusCode: ctx.statusCode }),
    })
  },
  { name: 'rate-limit' },
)
