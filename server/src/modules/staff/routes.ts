import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorResponseSchema, IdSchema, StaffListResponseSchema } from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createStaffService } from './service'

const errors = { 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['staff'] }
const IdParams = z.strictObject({ id: IdSchema })

const routes: FastifyPluginAsyncZod = async (app) => {
  const staff = createStaffService({ prisma: app.prisma, clock: app.clock })

  app.get(
    '/role-assignments',
    { schema: { ...secured, summary: 'Staff roles in your region', response: { 200: StaffListResponseSchema, ...errors } } },
    async (request) => ({ items: await staff.list(request.requireActor()) }),
  )

  app.delete(
    '/role-assignments/:id',
    { schema: { ...secured, summary: 'Remove a staff role', params: IdParams, response: { 204: z.undefined(), ...errors } } },
    async (request, reply) => {
      await staff.revokeRole(request.requireActor(), request.params.id, auditContext(request))
      return reply.status(204).send()
    },
  )

  app.post(
    '/users/:id/disable',
    { schema: { ...secured, summary: 'Disable a user (all their sessions end at once)', params: IdParams, response: { 204: z.undefined(), ...errors } } },
    async (request, reply) => {
      await staff.disableUser(request.requireActor(), request.params.id, auditContext(request))
      return reply.status(204).send()
    },
  )
}
export default routes
