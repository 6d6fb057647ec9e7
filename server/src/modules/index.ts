/** The map of the API: every feature module and its prefix under /api. */
import type { FastifyPluginAsync } from 'fastify'
import auditRoutes from './audit/routes'
import authRoutes from './auth/routes'
import devRoutes from './dev/routes'
import healthRoutes from './health/routes'
import invitationRoutes from './invitations/routes'
import notificationRoutes from './notifications/routes'
import regionRoutes from './regions/routes'
import staffRoutes from './staff/routes'

const modules: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes)
  await app.register(authRoutes, { prefix: '/' })
  await app.register(regionRoutes, { prefix: '/regions' })
  await app.register(invitationRoutes, { prefix: '/invitations' })
  await app.register(staffRoutes, { prefix: '/' })
  await app.register(auditRoutes, { prefix: '/audit' })
  await app.register(notificationRoutes, { prefix: '/notifications' })
  // Demo and test sign-in: absent from production builds of the route table, not just guarded.
  if (!app.config.isProduction) await app.register(devRoutes, { prefix: '/dev' })
}
export default modules
