import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CreateDirectorVisitBodySchema, DirectorVisitListResponseSchema, DutyCalendarQuerySchema, DutyCalendarResponseSchema, ErrorResponseSchema, IdSchema,
} from '@qstx/shared'
import { createDutyService, DUTY_CACHE_MS } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['duty'] }

const routes: FastifyPluginAsyncZod = async (app) => {
  const duty = createDutyService({ prisma: app.prisma, pg: app.pg, clock: app.clock, cacheMs: DUTY_CACHE_MS })

  app.post(
    '/children/:id/visits',
    { schema: { ...secured, summary: "Record the director's contact or home visit (date, problems found, measures taken)", params: z.strictObject({ id: IdSchema }), body: CreateDirectorVisitBodySchema, response: { 201: z.object({ id: IdSchema }), ...errors } } },
    async (request, reply) => reply.status(201).send(await duty.record(request.requireActor(), request.params.id, request.body)),
  )

  app.get(
    '/children/:id/visits',
    { schema: { ...secured, summary: "A child's recorded contacts and home visits, newest first", params: z.strictObject({ id: IdSchema }), response: { 200: DirectorVisitListResponseSchema, ...errors } } },
    async (request) => ({ items: await duty.list(request.requireActor(), request.params.id) }),
  )

  app.get(
    '/duty/calendar',
    { schema: { ...secured, summary: 'Who is due and overdue for a contact or home visit, in my region', querystring: DutyCalendarQuerySchema, response: { 200: DutyCalendarResponseSchema, ...errors } } },
    async (request) => duty.calendar(request.requireActor(), request.query),
  )
}
export default routes
