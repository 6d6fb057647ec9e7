import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import fp from 'fastify-plugin'
import { sendError } from '../app/error-handler'

/** Bundles and styles carry a content hash in their names (client/config): a name never changes meaning. */
const HASHED = /^\/(js|css)\//
const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * Serves the H5 build of the mini-program at `/`. The H5 router uses browser history, so any GET
 * outside /api that is not a file gets index.html; /api keeps its JSON 404.
 *
 * For a village's 3G link (test/bench/first-screen.ts): the Brotli or gzip copy written at build time
 * (scripts/compress-h5.mjs) goes to browsers that accept it, and hashed files are cached for a year
 * without asking again — the next morning's visit loads no script over the network. index.html is
 * always checked (no-cache), so a new build reaches everyone on their next visit.
 */
export default fp<{ root: string }>(
  async (app, { root }) => {
    if (!existsSync(path.join(root, 'index.html'))) {
      app.log.warn(`no H5 build in ${root}; run npm run build:h5 (the API still works)`)
      app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'NOT_FOUND'))
      return
    }
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: 'index.html',
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const url = `/${path.relative(root, filePath).split(path.sep).join('/')}`
        reply.header('cache-control', HASHED.test(url) ? YEAR_IMMUTABLE : 'no-cache')
      },
    })
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api')) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html')
      }
      return sendError(reply, 404, 'NOT_FOUND')
    })
  },
  { name: 'static' },
)
