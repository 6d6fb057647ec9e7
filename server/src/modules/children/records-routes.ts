/**
 * Around the files: transfers between villages, yearly completion and the hand-over to the township.
 * Registered inside routes.ts, so under /api/children.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  DeclineTransferBodySchema, HandoverResultSchema, IdSchema, RequestTransferBodySchema, TransferListResponseSchema, TransferSchema,
  YearBodySchema, YearRecordListResponseSchema, YearRecordSchema, YearRecordSummarySchema, YearSchema,
} from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createArchiveService } from './archive'
import { childErrors as errors, childSecured } from './route-common'
import { createTransferService } from './transfers'

const IdParams = z.strictObject({ id: IdSchema })

const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { prisma: app.prisma, pg: app.pg, clock: app.clock, keyring: app.keyring }
  const transfers = createTransferService(deps)
  const archive = createArchiveService(deps)
  const s = { ...childSecured }

  app.get(
    '/transfers',
    { schema: { ...s, summary: 'Transfers asked of your village (to decide) and by it (waiting), or in your region', response: { 200: TransferListResponseSchema, ...errors } } },
    async (request) => ({ items: await transfers.list(request.requireActor()) }),
  )

  app.post(
    '/transfers',
    { schema: { ...s, summary: "Ask for the file of a child who moved into your village (by the child's ID number)", body: RequestTransferBodySchema, response: { 201: TransferSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await transfers.request(request.requireActor(), request.body, auditContext(request))),
  )

  app.post(
    '/transfers/:id/accept',
    { schema: { ...s, summary: 'Let the file go to the asking village, with its history', params: IdParams, response: { 200: TransferSchema, ...errors } } },
    async (request) => transfers.accept(request.requireActor(), request.params.id, auditContext(request)),
  )

  app.post(
    '/transfers/:id/decline',
    { schema: { ...s, summary: 'Decline a transfer request, saying why', params: IdParams, body: DeclineTransferBodySchema, response: { 200: TransferSchema, ...errors } } },
    async (request) => transfers.decline(request.requireActor(), request.params.id, request.body.reason, auditContext(request)),
  )

  app.post(
    '/transfers/:id/cancel',
    { schema: { ...s, summary: 'Withdraw your own pending transfer request', params: IdParams, response: { 200: TransferSchema, ...errors } } },
    async (request) => transfers.cancel(request.requireActor(), request.params.id, auditContext(request)),
  )

  app.post(
    '/handover',
    { schema: { ...s, summary: "Hand the year's files of your village to the township (the year becomes read-only)", body: YearBodySchema, response: { 200: HandoverResultSchema, ...errors } } },
    async (request) => archive.handover(request.requireActor(), request.body.year, auditContext(request)),
  )

  app.post(
    '/:id/complete',
    { schema: { ...s, summary: 'Mark the file completed for a year (stores that year\'s record)', params: IdParams, body: YearBodySchema, response: { 200: YearRecordSummarySchema, ...errors } } },
    async (request) => archive.complete(request.requireActor(), request.params.id, request.body.year, auditContext(request)),
  )

  app.get(
    '/:id/years',
    { schema: { ...s, summary: 'The yearly records of a file', params: IdParams, response: { 200: YearRecordListResponseSchema, ...errors } } },
    async (request) => archive.list(request.requireActor(), request.params.id),
  )

  app.get(
    '/:id/years/:year',
    { schema: { ...s, summary: 'One year\'s record: the file as completed or handed over (audited)', params: z.strictObject({ id: IdSchema, year: YearSchema }), response: { 200: YearRecordSchema, ...errors } } },
    async (request) => archive.read(request.requireActor(), request.params.id, request.params.year, auditContext(request)),
  )
}
export default routes
