/**
 * Security headers, from helmet. The CSP allows inline styles (Taro H5 and Swagger UI set style
 * attributes) but no inline or foreign scripts; images may be data: URLs (NutUI icons).
 *
 * helmet's answer depends only on these options, so it is asked once, at start-up, and every
 * reply gets the same headers. @fastify/helmet builds helmet's middleware again for every request
 * (it allows per-route options and CSP nonces, which we use neither of): parsing the CSP
 * directives on each request cost more CPU than a signed-in request's own work.
 *
 * Every answer under /api/ is also `Cache-Control: no-store`: a child's file, a list of children,
 * a phone number must not stay in a browser's, a proxy's or the WeChat webview's cache after the
 * page is closed (PIPL: sensitive personal information). Helmet does not set it; the H5 app's own
 * files (plugins/external/static.ts) keep their caching.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  // The H5 app is served over plain http on localhost in the demo.
  strictTransportSecurity: false,
}

/** The headers helmet sets for these options, read off one pass of its middleware. */
export function securityHeaders(options: HelmetOptions = OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {}
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  }
  let failed: unknown
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => (failed = err))
  if (failed) throw failed
  return headers
}

export default fp(
  async (app) => {
    const headers = securityHeaders()
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(headers)
      if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store')
      done()
    })
  },
  { name: 'helmet' },
)
