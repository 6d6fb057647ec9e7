import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorResponseSchema, IdSchema, NotificationListResponseSchema, SubscribeTemplatesResponseSchema } from '@qstx/shared'
import { createNotificationService } from './service'

const secured = { security: [{ bearer: [] }], tags: ['notifications'] }

const routes: FastifyPluginAsyncZod = async (app) => {
  const notifications = createNotificationService({ prisma: app.prisma, clock: app.clock })

  app.get(
    '/',
    { schema: { ...secured, summary: 'My notifications, newest first, with the unread count', response: { 200: NotificationListResponseSchema, 401: ErrorResponseSchema } } },
    async (request) => notifications.list(request.requireUser().userId),
  )

  app.post(
    '/:id/read',
    { schema: { ...secured, summary: 'Mark one of my notifications read', params: z.strictObject({ id: IdSchema }), response: { 204: z.undefined(), 401: ErrorResponseSchema, 404: ErrorResponseSchema } } },
    async (request, reply) => {
      await notifications.markRead(request.requireUser().userId, request.params.id)
      return reply.status(204).send()
    },
  )

  app.get(
    '/templates',
    { schema: { tags: ['notifications'], summary: 'Subscribe-message templates to request on a tap', response: { 200: SubscribeTemplatesResponseSchema } } },
    async () => ({ templateIds: [app.config.WECHAT_TEMPLATE_GENERAL] }),
  )
}
export default routes
