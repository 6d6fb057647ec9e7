/**
 * /api/checkins — love parents' check-ins and the directors' confirmation. POST needs an
 * Idempotency-Key header (one UUID per check-in, kept on the phone with it while it waits to be
 * sent): a retry gets the first answer again, marked `Idempotent-Replayed: true`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CheckinCreatedSchema, CheckinQueueQuerySchema, ConfirmCheckinBodySchema, CreateCheckinBodySchema, DisputeCheckinBodySchema, ErrorResponseSchema,
  IdSchema, IdempotencyHeadersSchema, MyCheckinsSchema, PairingCheckinsQuerySchema, PairingCheckinsSchema, StaffCheckinListSchema, StaffCheckinSchema,
  UnconfirmedQuerySchema,
} from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createCheckinService } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['checkins'] }
const params = z.strictObject({ id: IdSchema })

const routes: FastifyPluginAsyncZod = async (app) => {
  const checkins = createCheckinService({ prisma: app.prisma, clock: app.clock, wechat: app.wechat })

  app.post(
    '/',
    {
      schema: {
        ...secured,
        summary: 'Record a check-in of my active pairing (idempotent: Idempotency-Key header); worried → openReport',
        headers: IdempotencyHeadersSchema, body: CreateCheckinBodySchema,
        response: { 201: CheckinCreatedSchema, ...errors, 422: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const out = await checkins.record(request.requireActor(), request.body, request.headers['idempotency-key'])
      if (out.replayed) reply.header('idempotent-replayed', 'true')
      return reply.status(out.status as 201).send(out.body)
    },
  )

  app.get(
    '/',
    { schema: { ...secured, summary: "One pairing's check-ins, newest first, with its cadence (audited)", querystring: PairingCheckinsQuerySchema, response: { 200: PairingCheckinsSchema, ...errors } } },
    async (request) => checkins.ofPairing(request.requireActor(), request.query.pairingId, auditContext(request)),
  )

  app.get(
    '/mine',
    { schema: { ...secured, summary: 'My record: platform-recorded hours and points (confirmed only), counts, check-ins, each pairing’s next due contact', response: { 200: MyCheckinsSchema, ...errors } } },
    async (request) => checkins.mine(request.requireActor()),
  )

  app.get(
    '/queue',
    { schema: { ...secured, summary: "The director's queue: pending check-ins of my village, oldest first", querystring: CheckinQueueQuerySchema, response: { 200: StaffCheckinListSchema, ...errors } } },
    async (request) => checkins.queue(request.requireActor(), request.query),
  )

  app.get(
    '/unconfirmed',
    { schema: { ...secured, summary: 'Check-ins in my region left unconfirmed for 14 days, oldest first', querystring: UnconfirmedQuerySchema, response: { 200: StaffCheckinListSchema, ...errors } } },
    async (request) => checkins.unconfirmed(request.requireActor(), request.query),
  )

  app.post(
    '/:id/confirm',
    { schema: { ...secured, summary: 'Confirm that the visit happened: it counts for hours, points and the pairing’s health', params, body: ConfirmCheckinBodySchema, response: { 200: StaffCheckinSchema, ...errors } } },
    async (request) => checkins.confirm(request.requireActor(), request.params.id, request.body.note, auditContext(request)),
  )

  app.post(
    '/:id/dispute',
    { schema: { ...secured, summary: 'Dispute a check-in, with a reason (the volunteer is told)', params, body: DisputeCheckinBodySchema, response: { 200: StaffCheckinSchema, ...errors } } },
    async (request) => checkins.dispute(request.requireActor(), request.params.id, request.body.reason, auditContext(request)),
  )
}
export default routes
