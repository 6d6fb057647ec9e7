import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import fp from 'fastify-plugin'
import { sendError } from '../app/error-handler'

/**
 * Serves the H5 build of the mini-program at `/`. The H5 router uses browser history, so any GET
 * outside /api that is not a file gets index.html; /api keeps its JSON 404.
 */
export default fp<{ root: string }>(
  async (app, { root }) => {
    if (!existsSync(path.join(root, 'index.html'))) {
      app.log.warn(`no H5 build in ${root}; run npm run build:h5 (the API still works)`)
      app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'NOT_FOUND'))
      return
    }
    await app.register(fastifyStatic, { root, wildcard: false, index: 'index.html', maxAge: '1h' })
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api')) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html')
      }
      return sendError(reply, 404, 'NOT_FOUND')
    })
  },
  { name: 'static' },
)
