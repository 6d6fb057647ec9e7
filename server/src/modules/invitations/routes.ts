import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CreateInvitationBodySchema,
  CreatedInvitationSchema,
  ErrorResponseSchema,
  IdSchema,
  InvitationListResponseSchema,
  InvitationSchema,
  RedeemInvitationBodySchema,
  SessionResponseSchema,
} from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createInvitationService } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['invitations'] }

const routes: FastifyPluginAsyncZod = async (app) => {
  const invitations = createInvitationService({ prisma: app.prisma, clock: app.clock, sessions: app.sessions })

  app.post(
    '/',
    { schema: { ...secured, summary: 'Invite someone to a staff role in a region inside yours', body: CreateInvitationBodySchema, response: { 201: CreatedInvitationSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await invitations.create(request.requireActor(), request.body, auditContext(request))),
  )

  app.get(
    '/',
    { schema: { ...secured, summary: 'Invitations in your region', response: { 200: InvitationListResponseSchema, ...errors } } },
    async (request) => ({ items: await invitations.list(request.requireActor()) }),
  )

  app.post(
    '/:id/revoke',
    { schema: { ...secured, summary: 'Revoke a pending invitation', params: z.strictObject({ id: IdSchema }), response: { 200: InvitationSchema, ...errors } } },
    async (request) => invitations.revoke(request.requireActor(), request.params.id, auditContext(request)),
  )

  app.post(
    '/redeem',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (r) => `redeem:${r.ip}` } },
      schema: { tags: ['invitations'], summary: 'Redeem an invitation code (signed in with WeChat, or creating desk credentials)', body: RedeemInvitationBodySchema, response: { 200: SessionResponseSchema, ...errors } },
    },
    async (request) => invitations.redeem(request.userId, request.body, auditContext(request)),
  )
}
export default routes
