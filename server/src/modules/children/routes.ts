/**
 * /api/children — children's files (一人一档). The file itself here; transfers and the yearly
 * records in records-routes.ts. Which fields each role gets back is policy.ts's business; the
 * response schemas are the second line of defence.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ChildCardSchema, ChildFullViewSchema, ChildListQuerySchema, ChildListResponseSchema, ChildViewSchema, ChildWriteResponseSchema,
  CloseChildBodySchema, CreateChildBodySchema, HistoryResponseSchema, IdSchema, RevealBodySchema,
  RevealResponseSchema, UpdateChildBodySchema,
} from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createChildReadService } from './reads'
import recordsRoutes from './records-routes'
import { childErrors, childSecured } from './route-common'
import { createChildWriteService } from './service'

const IdParams = z.strictObject({ id: IdSchema })

const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { prisma: app.prisma, pg: app.pg, clock: app.clock, keyring: app.keyring }
  const reads = createChildReadService(deps)
  const writes = createChildWriteService(deps)
  const s = { ...childSecured }

  app.get(
    '/',
    { schema: { ...s, summary: "Children in your region: the director's desk list, with filters and name search", querystring: ChildListQuerySchema, response: { 200: ChildListResponseSchema, ...childErrors } } },
    async (request) => reads.list(request.requireActor(), request.query),
  )

  app.post(
    '/',
    { schema: { ...s, summary: 'Register a child of your village (warnings when the facts do not fit the category)', body: CreateChildBodySchema, response: { 201: ChildWriteResponseSchema, ...childErrors } } },
    async (request, reply) => reply.status(201).send(await writes.create(request.requireActor(), request.body, auditContext(request))),
  )

  await app.register(recordsRoutes)

  app.get(
    '/:id',
    { schema: { ...s, summary: "A child's file, in the view your role allows (audited)", params: IdParams, response: { 200: ChildViewSchema, ...childErrors } } },
    async (request) => reads.get(request.requireActor(), request.params.id, auditContext(request)),
  )

  app.patch(
    '/:id',
    { schema: { ...s, summary: "Edit a child's file (send the version you loaded; history keeps every change)", params: IdParams, body: UpdateChildBodySchema, response: { 200: ChildWriteResponseSchema, ...childErrors } } },
    async (request) => writes.update(request.requireActor(), request.params.id, request.body, auditContext(request)),
  )

  app.post(
    '/:id/reveal',
    {
      // Reveals are deliberate and rare; a burst of them looks like someone copying files.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { ...s, summary: 'Show one masked field in full (ID number, address, a guardian\'s phone) — audited', params: IdParams, body: RevealBodySchema, response: { 200: RevealResponseSchema, ...childErrors } },
    },
    async (request) => reads.reveal(request.requireActor(), request.params.id, request.body, auditContext(request)),
  )

  app.get(
    '/:id/card',
    { schema: { ...s, summary: 'The card a volunteer sees of a child they are actively paired with', params: IdParams, response: { 200: ChildCardSchema, ...childErrors } } },
    async (request) => reads.card(request.requireActor(), request.params.id, auditContext(request)),
  )

  app.get(
    '/:id/history',
    { schema: { ...s, summary: "The file's timeline: edits (who, what, when), transfers, closing, yearly records", params: IdParams, response: { 200: HistoryResponseSchema, ...childErrors } } },
    async (request) => reads.history(request.requireActor(), request.params.id, auditContext(request)),
  )

  app.post(
    '/:id/close',
    { schema: { ...s, summary: 'Close a file (aged out, moved away, no longer eligible)', params: IdParams, body: CloseChildBodySchema, response: { 200: ChildFullViewSchema, ...childErrors } } },
    async (request) => writes.close(request.requireActor(), request.params.id, request.body, auditContext(request)),
  )
}
export default routes
