/** The map of the API: every feature module and its prefix under /api. */
import type { FastifyPluginAsync } from 'fastify'
import auditRoutes from './audit/routes'
import authRoutes from './auth/routes'
import checkinRoutes from './checkins/routes'
import honourRoutes from './checkins/honour-routes'
import childrenRoutes from './children/routes'
import dashboardRoutes from './dashboard/routes'
import devRoutes from './dev/routes'
import dutyRoutes from './duty/routes'
import exportRoutes from './exports/routes'
import healthRoutes from './health/routes'
import invitationRoutes from './invitations/routes'
import metricsRoutes from './metrics/routes'
import notificationRoutes from './notifications/routes'
import pairingRoutes from './pairings/routes'
import regionRoutes from './regions/routes'
import safeguardingRoutes from './safeguarding/routes'
import staffRoutes from './staff/routes'
import teamRoutes from './teams/routes'
import vettingRoutes from './vetting/routes'
import volunteerRoutes from './volunteers/routes'
import activityRoutes from './activities/routes'
import concernRoutes from './concerns/routes'
import entrustedCareRoutes from './entrusted-care/routes'
import staffingRoutes from './staffing/routes'

const modules: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes)
  await app.register(metricsRoutes)
  await app.register(authRoutes, { prefix: '/' })
  await app.register(regionRoutes, { prefix: '/regions' })
  await app.register(invitationRoutes, { prefix: '/invitations' })
  await app.register(staffRoutes, { prefix: '/' })
  await app.register(auditRoutes, { prefix: '/audit' })
  await app.register(childrenRoutes, { prefix: '/children' })
  await app.register(notificationRoutes, { prefix: '/notifications' })
  await app.register(safeguardingRoutes, { prefix: '/safeguarding' })
  await app.register(dutyRoutes, { prefix: '/' })
  await app.register(volunteerRoutes, { prefix: '/volunteers' })
  await app.register(teamRoutes, { prefix: '/teams' })
  await app.register(vettingRoutes, { prefix: '/vetting' })
  await app.register(pairingRoutes, { prefix: '/pairings' })
  await app.register(checkinRoutes, { prefix: '/checkins' })
  await app.register(honourRoutes, { prefix: '/honour-board' })
  await app.register(exportRoutes, { prefix: '/exports' })
  await app.register(dashboardRoutes, { prefix: '/' })
  // Issue #17: entrusted care, directors' staffing and training, care activities, psychological concerns.
  await app.register(entrustedCareRoutes, { prefix: '/' })
  await app.register(staffingRoutes, { prefix: '/' })
  await app.register(activityRoutes, { prefix: '/activities' })
  await app.register(concernRoutes, { prefix: '/' })
  // Demo and test sign-in: absent from production builds of the route table, not just guarded.
  if (!app.config.isProduction) await app.register(devRoutes, { prefix: '/dev' })
}
export default modules
