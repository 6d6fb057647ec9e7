import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { CarerChangeBodySchema, EntrustedCareSchema, EntrustedStepBodySchema, ErrorResponseSchema, IdSchema } from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createEntrustedCareService } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['entrusted-care'] }
const params = z.strictObject({ id: IdSchema })
/** The log entry's number. */
const created = z.object({ id: z.string() })

const routes: FastifyPluginAsyncZod = async (app) => {
  const care = createEntrustedCareService({ prisma: app.prisma, pg: app.pg, clock: app.clock })

  app.get(
    '/children/:id/entrusted-care',
    { schema: { ...secured, summary: "A child's entrusted care: the arrangement, the yearly re-assessment, the follow-up and its log (audited)", params, response: { 200: EntrustedCareSchema, ...errors } } },
    async (request) => care.read(request.requireActor(), request.params.id, auditContext(request)),
  )

  app.post(
    '/children/:id/entrusted-care/steps',
    { schema: { ...secured, summary: 'Record a step after a finding: the parents told, or the carer helped and urged', params, body: EntrustedStepBodySchema, response: { 201: created, ...errors } } },
    async (request, reply) => reply.status(201).send(await care.step(request.requireActor(), request.params.id, request.body, auditContext(request))),
  )

  app.post(
    '/children/:id/entrusted-care/carer',
    { schema: { ...secured, summary: 'Record a new entrusted carer (its own entry in the file\'s history)', params, body: CarerChangeBodySchema, response: { 201: created, ...errors } } },
    async (request, reply) => reply.status(201).send(await care.changeCarer(request.requireActor(), request.params.id, request.body, auditContext(request))),
  )
}
export default routes
