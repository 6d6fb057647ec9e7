import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorResponseSchema, MeResponseSchema } from '@qstx/shared'
import { describeUser } from './service'

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user, their roles and the active one', security: [{ bearer: [] }], response: { 200: MeResponseSchema, 401: ErrorResponseSchema } } },
    async (request) => {
      const { userId } = request.requireUser()
      return describeUser(app.prisma, userId, request.actor?.roleAssignmentId ?? null)
    },
  )

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'End this session', security: [{ bearer: [] }], response: { 204: z.undefined(), 401: ErrorResponseSchema } } },
    async (request, reply) => {
      const { sessionId } = request.requireUser()
      await app.sessions.close(sessionId)
      return reply.status(204).send()
    },
  )
}
export default routes
