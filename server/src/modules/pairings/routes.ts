/**
 * /api/pairings — the pairing ledger (结对台账) and matching. The steps answer with the pairing as it
 * now stands (its events included), so a page can show the next step without another request.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  AcknowledgePairingBodySchema, ApprovePairingBodySchema, DeclinePairingBodySchema, EndPairingBodySchema, ErrorResponseSchema, IdSchema,
  MyPairingsSchema, PairingDetailSchema, PairingListQuerySchema, PairingListSchema, PausePairingBodySchema, PriorityChildrenQuerySchema,
  PriorityChildrenSchema, ProposePairingBodySchema, ResumePairingBodySchema, SuggestionsQuerySchema, SuggestionsSchema,
} from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createPairingService } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['pairings'] }
const params = z.strictObject({ id: IdSchema })
const detail = { 200: PairingDetailSchema, ...errors }

const routes: FastifyPluginAsyncZod = async (app) => {
  const pairings = createPairingService({ prisma: app.prisma, pg: app.pg, clock: app.clock })

  app.get(
    '/',
    { schema: { ...secured, summary: 'The ledger of my region: filter by state, village or township, volunteer, child, team, stale; counts per state', querystring: PairingListQuerySchema, response: { 200: PairingListSchema, ...errors } } },
    async (request) => pairings.list(request.requireActor(), request.query),
  )

  app.get(
    '/priority-children',
    { schema: { ...secured, summary: 'Priority children (重点儿童) of my region without a live pairing, highest risk and longest waiting first', querystring: PriorityChildrenQuerySchema, response: { 200: PriorityChildrenSchema, ...errors } } },
    async (request) => pairings.priorityChildren(request.requireActor(), request.query),
  )

  app.get(
    '/suggestions',
    { schema: { ...secured, summary: 'Approved volunteers with room for this child, ranked, each with a score and the reasons (audited)', querystring: SuggestionsQuerySchema, response: { 200: SuggestionsSchema, ...errors } } },
    async (request) => pairings.suggest(request.requireActor(), request.query.childId, request.query.limit, auditContext(request)),
  )

  app.get(
    '/mine',
    { schema: { ...secured, summary: "A volunteer's own pairings (active, paused, ended), with the way to each child's card", response: { 200: MyPairingsSchema, ...errors } } },
    async (request) => pairings.mine(request.requireActor()),
  )

  app.post(
    '/',
    { schema: { ...secured, summary: 'Propose a pairing (guardian consent on file, volunteer approved with room); the village director is asked', body: ProposePairingBodySchema, response: { 201: PairingDetailSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await pairings.propose(request.requireActor(), request.body, auditContext(request))),
  )

  app.get(
    '/:id',
    { schema: { ...secured, summary: 'One pairing with its ledger events (who, when, what, why) — audited', params, response: detail } },
    async (request) => pairings.get(request.requireActor(), request.params.id, auditContext(request)),
  )

  app.post(
    '/:id/acknowledge',
    { schema: { ...secured, summary: "The village's director confirms the family agrees; the coordinator is told", params, body: AcknowledgePairingBodySchema, response: detail } },
    async (request) => pairings.acknowledge(request.requireActor(), request.params.id, request.body.note, auditContext(request)),
  )

  app.post(
    '/:id/approve',
    { schema: { ...secured, summary: 'Approve an acknowledged pairing from a start date; the volunteer is told', params, body: ApprovePairingBodySchema, response: detail } },
    async (request) => pairings.approve(request.requireActor(), request.params.id, request.body, auditContext(request)),
  )

  app.post(
    '/:id/decline',
    { schema: { ...secured, summary: 'Decline a proposed or acknowledged pairing, with a reason', params, body: DeclinePairingBodySchema, response: detail } },
    async (request) => pairings.decline(request.requireActor(), request.params.id, request.body.reason, auditContext(request)),
  )

  app.post(
    '/:id/pause',
    { schema: { ...secured, summary: 'Pause an active pairing, with a reason and the expected resume date', params, body: PausePairingBodySchema, response: detail } },
    async (request) => pairings.pause(request.requireActor(), request.params.id, request.body, auditContext(request)),
  )

  app.post(
    '/:id/resume',
    { schema: { ...secured, summary: 'Resume a paused pairing', params, body: ResumePairingBodySchema, response: detail } },
    async (request) => pairings.resume(request.requireActor(), request.params.id, request.body.note, auditContext(request)),
  )

  app.post(
    '/:id/end',
    { schema: { ...secured, summary: 'End an active or paused pairing with a reason (it stays in the ledger)', params, body: EndPairingBodySchema, response: detail } },
    async (request) => pairings.end(request.requireActor(), request.params.id, request.body, auditContext(request)),
  )
}
export default routes
