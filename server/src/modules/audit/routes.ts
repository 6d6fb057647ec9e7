import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { AuditListResponseSchema, AuditQuerySchema, ErrorResponseSchema } from '@qstx/shared'
import { listAudit } from './service'

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['audit'], security: [{ bearer: [] }],
        summary: 'The audit trail of your region (who opened which file, sign-ins, invitations, exports)',
        querystring: AuditQuerySchema,
        response: { 200: AuditListResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema },
      },
    },
    async (request) => listAudit(app.prisma, request.requireActor(), request.query),
  )
}
export default routes
