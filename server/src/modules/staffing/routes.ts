import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  AssignDirectorBodySchema, DirectorTrainingsSchema, ErrorResponseSchema, IdSchema, RecordTrainingBodySchema, StaffingQuerySchema, StaffingSchema,
} from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createStaffingService } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['staffing'] }

const routes: FastifyPluginAsyncZod = async (app) => {
  const staffing = createStaffingService({ prisma: app.prisma, clock: app.clock })

  app.get(
    '/staffing',
    { schema: { ...secured, summary: "Villages needing a (further) director, the region's directors and this year's training; a village's children and who keeps each", querystring: StaffingQuerySchema, response: { 200: StaffingSchema, ...errors } } },
    async (request) => staffing.staffing(request.requireActor(), request.query),
  )

  app.post(
    '/staffing/trainings',
    { schema: { ...secured, summary: 'Record a training the named directors attended (培训档案)', body: RecordTrainingBodySchema, response: { 201: z.object({ recorded: z.number().int() }), ...errors } } },
    async (request, reply) => reply.status(201).send(await staffing.recordTraining(request.requireActor(), request.body, auditContext(request))),
  )

  app.get(
    '/staffing/directors/:userId/trainings',
    { schema: { ...secured, summary: "A director's training record", params: z.strictObject({ userId: IdSchema }), response: { 200: DirectorTrainingsSchema, ...errors } } },
    async (request) => staffing.trainings(request.requireActor(), request.params.userId),
  )

  app.put(
    '/children/:id/director',
    { schema: { ...secured, summary: 'Which of the village\'s directors keeps this child (null: none in particular)', params: z.strictObject({ id: IdSchema }), body: AssignDirectorBodySchema, response: { 200: z.object({ childId: IdSchema, directorUserId: IdSchema.nullable() }), ...errors } } },
    async (request) => staffing.assign(request.requireActor(), request.params.id, request.body.directorUserId, auditContext(request)),
  )
}
export default routes
