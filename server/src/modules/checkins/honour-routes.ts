/** /api/honour-board — the region's honour board (opted-in volunteers only) and my own choice. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorResponseSchema, HonourBoardQuerySchema, HonourBoardSchema, HonourSettingBodySchema, HonourSettingSchema } from '@qstx/shared'
import { createHonourService } from './honour'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['checkins'] }

const routes: FastifyPluginAsyncZod = async (app) => {
  const honour = createHonourService({ prisma: app.prisma, clock: app.clock })

  app.get(
    '/',
    { schema: { ...secured, summary: 'Honour board of a region: volunteers who opted in, by points (confirmed check-ins), never children', querystring: HonourBoardQuerySchema, response: { 200: HonourBoardSchema, ...errors } } },
    async (request) => honour.board(request.requireActor(), request.query),
  )

  app.get(
    '/me',
    { schema: { ...secured, summary: 'Whether I appear on the honour board, and by which name', response: { 200: HonourSettingSchema, ...errors } } },
    async (request) => honour.setting(request.requireActor()),
  )

  app.put(
    '/me',
    { schema: { ...secured, summary: 'Opt in or out of the honour board; the real name only if I choose it', body: HonourSettingBodySchema, response: { 200: HonourSettingSchema, ...errors } } },
    async (request) => honour.setSetting(request.requireActor(), request.body),
  )
}
export default routes
