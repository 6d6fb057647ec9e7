import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { AnnualReportQuerySchema, AnnualReportSchema, DashboardQuerySchema, DashboardSchema, ErrorResponseSchema } from '@qstx/shared'
import { createAnnualReportService } from './annual'
import { createDashboardService, DASHBOARD_CACHE_MS } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['reports'] }

const routes: FastifyPluginAsyncZod = async (app) => {
  const dashboards = createDashboardService({ prisma: app.prisma, clock: app.clock, cacheMs: DASHBOARD_CACHE_MS })
  const reports = createAnnualReportService({ prisma: app.prisma, clock: app.clock })

  app.get(
    '/dashboard',
    {
      schema: {
        ...secured,
        summary: 'Figures of a region inside mine and of each region one level down (children, pairings, overdue visits, open reports, check-ins)',
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema, ...errors },
      },
    },
    async (request) => dashboards.dashboard(request.requireActor(), request.query),
  )

  app.get(
    '/reports/annual',
    {
      schema: {
        ...secured,
        summary: 'The annual progress report (工作进展情况) of a region inside mine, for a year',
        querystring: AnnualReportQuerySchema,
        response: { 200: AnnualReportSchema, ...errors },
      },
    },
    async (request) => reports.annual(request.requireActor(), request.query),
  )
}
export default routes
