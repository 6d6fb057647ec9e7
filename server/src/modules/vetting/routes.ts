import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  DecisionBodySchema, ErrorResponseSchema, IdSchema, RecordChecksBodySchema, SuspendBodySchema, VettingApplicationSchema,
  VettingQueueQuerySchema, VettingQueueSchema,
} from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createVettingService } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['vetting'] }
const params = z.strictObject({ id: IdSchema })
const application = { 200: VettingApplicationSchema, ...errors }

const routes: FastifyPluginAsyncZod = async (app) => {
  const vetting = createVettingService({ prisma: app.prisma, clock: app.clock, keyring: app.keyring })

  app.get(
    '/queue',
    { schema: { ...secured, summary: 'Applications in my region by status, oldest first, with counts per status', querystring: VettingQueueQuerySchema, response: { 200: VettingQueueSchema, ...errors } } },
    async (request) => vetting.queue(request.requireActor(), request.query),
  )

  app.get(
    '/applications/:id',
    { schema: { ...secured, summary: 'One application (ID number and phone masked), its checks and history; the view is audited', params, response: application } },
    async (request) => vetting.application(request.requireActor(), request.params.id, auditContext(request)),
  )

  app.patch(
    '/applications/:id/checks',
    { schema: { ...secured, summary: 'Record checks: identity seen in person, criminal-record query, training, interview note', params, body: RecordChecksBodySchema, response: application } },
    async (request) => vetting.recordChecks(request.requireActor(), request.params.id, request.body, auditContext(request)),
  )

  app.post(
    '/applications/:id/decision',
    { schema: { ...secured, summary: 'Approve, ask for more information or reject, with a reason the volunteer sees', params, body: DecisionBodySchema, response: application } },
    async (request) => vetting.decide(request.requireActor(), request.params.id, request.body, auditContext(request)),
  )

  app.post(
    '/applications/:id/suspend',
    { schema: { ...secured, summary: 'Suspend an approved volunteer, with a reason the volunteer sees', params, body: SuspendBodySchema, response: application } },
    async (request) => vetting.suspend(request.requireActor(), request.params.id, request.body.reason, auditContext(request)),
  )
}
export default routes
