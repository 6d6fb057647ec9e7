import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ConcernCreatedSchema, ConcernEventBodySchema, ConcernListSchema, CreateConcernBodySchema, ErrorResponseSchema, IdSchema } from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createConcernService } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['concerns'] }
const params = z.strictObject({ id: IdSchema })

const routes: FastifyPluginAsyncZod = async (app) => {
  const concerns = createConcernService({ prisma: app.prisma, pg: app.pg, clock: app.clock })

  app.post(
    '/children/:id/concerns',
    { schema: { ...secured, summary: 'Record a psychological or behavioural concern (not a safeguarding report): the special-attention flag and cadence follow', params, body: CreateConcernBodySchema, response: { 201: ConcernCreatedSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await concerns.record(request.requireActor(), request.params.id, request.body, auditContext(request))),
  )

  app.get(
    '/children/:id/concerns',
    { schema: { ...secured, summary: "A child's psychological concerns with their handling (audited)", params, response: { 200: ConcernListSchema, ...errors } } },
    async (request) => concerns.list(request.requireActor(), request.params.id, auditContext(request)),
  )

  app.post(
    '/concerns/:id/events',
    { schema: { ...secured, summary: 'Record handling of a concern: guardians told, referral and its outcome, a note, closing', params, body: ConcernEventBodySchema, response: { 201: z.object({ id: z.string() }), ...errors } } },
    async (request, reply) => reply.status(201).send(await concerns.addEvent(request.requireActor(), request.params.id, request.body, auditContext(request))),
  )
}
export default routes
