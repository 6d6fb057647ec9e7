import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  AddReportEventBodySchema, CreateReportBodySchema, CreatedReportSchema, ErrorResponseSchema, HotlineListResponseSchema, HotlinesQuerySchema,
  IdSchema, MyReportListResponseSchema, ReportDetailSchema, ReportListQuerySchema, ReportListResponseSchema, hotlinesFor,
} from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createSafeguardingService } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['safeguarding'] }
const IdParams = z.strictObject({ id: IdSchema })

const routes: FastifyPluginAsyncZod = async (app) => {
  const safeguarding = createSafeguardingService({ prisma: app.prisma, clock: app.clock })

  // Public: the numbers to call come before everything else, even before signing in.
  app.get(
    '/hotlines',
    { schema: { tags: ['safeguarding'], summary: 'Numbers to call now (110, 120, the minors\' line, 12355)', querystring: HotlinesQuerySchema, response: { 200: HotlineListResponseSchema } } },
    async (request) => ({ items: hotlinesFor(request.query.regionCode ?? request.actor?.regionCode ?? '000000000000') }),
  )

  app.post(
    '/reports',
    { schema: { ...secured, summary: 'Raise a mandatory report (强制报告)', body: CreateReportBodySchema, response: { 201: CreatedReportSchema, ...errors } } },
    async (request, reply) => {
      const { userId } = request.requireUser()
      return reply.status(201).send(await safeguarding.report(userId, request.actor, request.body, auditContext(request)))
    },
  )

  app.get(
    '/reports/mine',
    { schema: { ...secured, summary: 'The stage of the reports I raised', response: { 200: MyReportListResponseSchema, 401: ErrorResponseSchema } } },
    async (request) => ({ items: await safeguarding.mine(request.requireUser().userId) }),
  )

  app.get(
    '/reports',
    { schema: { ...secured, summary: 'Reports in my region (handlers)', querystring: ReportListQuerySchema, response: { 200: ReportListResponseSchema, ...errors } } },
    async (request) => ({ items: await safeguarding.list(request.requireActor(), request.query.open === undefined ? undefined : request.query.open === 'true') }),
  )

  app.get(
    '/reports/:id',
    { schema: { ...secured, summary: 'One report with its handling log and reporter (audited)', params: IdParams, response: { 200: ReportDetailSchema, ...errors } } },
    async (request) => safeguarding.detail(request.requireActor(), request.params.id, auditContext(request)),
  )

  app.post(
    '/reports/:id/events',
    { schema: { ...secured, summary: 'Record a handling step: acknowledge, assess, refer, measure, note, close', params: IdParams, body: AddReportEventBodySchema, response: { 200: ReportDetailSchema, ...errors } } },
    async (request) => safeguarding.addEvent(request.requireActor(), request.params.id, request.body, auditContext(request)),
  )
}
export default routes
