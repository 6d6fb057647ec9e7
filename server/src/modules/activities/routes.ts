import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ACTIVITY_SERVICE_STATUSES, ActivityListQuerySchema, ActivityListSchema, ActivitySchema, AddActivityPhotoBodySchema, CreateActivityBodySchema,
  DecideServiceBodySchema, ErrorResponseSchema, IdSchema, VolunteerOptionsQuerySchema, VolunteerOptionsSchema,
} from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createActivityService } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['activities'] }
const params = z.strictObject({ id: IdSchema })
/** A photo of up to 1.5 MB travels as base64 in JSON: the one route allowed a larger body than the app's 256 KiB. */
const PHOTO_BODY_LIMIT = 2_200_000

const routes: FastifyPluginAsyncZod = async (app) => {
  const activities = createActivityService({ prisma: app.prisma, clock: app.clock })

  app.post(
    '/',
    { schema: { ...secured, summary: 'Record a care activity held in a village (children reached, volunteers who served)', body: CreateActivityBodySchema, response: { 201: z.object({ id: IdSchema }), ...errors } } },
    async (request, reply) => reply.status(201).send(await activities.create(request.requireActor(), request.body, auditContext(request))),
  )

  app.get(
    '/',
    { schema: { ...secured, summary: 'Care activities in my region, newest first', querystring: ActivityListQuerySchema, response: { 200: ActivityListSchema, ...errors } } },
    async (request) => activities.list(request.requireActor(), request.query),
  )

  app.get(
    '/volunteer-options',
    { schema: { ...secured, summary: 'The volunteers I may name as having served at an activity of this village', querystring: VolunteerOptionsQuerySchema, response: { 200: VolunteerOptionsSchema, ...errors } } },
    async (request) => activities.volunteerOptions(request.requireActor(), request.query.villageCode),
  )

  app.get(
    '/:id',
    { schema: { ...secured, summary: 'One activity with its volunteers\' hours and photos', params, response: { 200: ActivitySchema, ...errors } } },
    async (request) => activities.get(request.requireActor(), request.params.id),
  )

  app.post(
    '/:id/photos',
    { bodyLimit: PHOTO_BODY_LIMIT, schema: { ...secured, summary: 'Add a photo (JPEG or PNG, no child\'s face)', params, body: AddActivityPhotoBodySchema, response: { 201: z.object({ id: IdSchema }), ...errors, 413: ErrorResponseSchema } } },
    async (request, reply) => reply.status(201).send(await activities.addPhoto(request.requireActor(), request.params.id, request.body, auditContext(request))),
  )

  app.get(
    '/:id/photos/:photoId',
    { schema: { ...secured, summary: 'One photo of an activity', params: z.strictObject({ id: IdSchema, photoId: IdSchema }), response: { 200: z.object({ contentType: z.enum(['image/jpeg', 'image/png']), dataBase64: z.string() }), ...errors } } },
    async (request) => activities.photo(request.requireActor(), request.params.id, request.params.photoId),
  )

  app.post(
    '/:id/services/:serviceId/decision',
    {
      schema: {
        ...secured, summary: "Confirm or dispute a volunteer's hours at the activity (the village's director, once)",
        params: z.strictObject({ id: IdSchema, serviceId: IdSchema }), body: DecideServiceBodySchema,
        response: { 200: z.object({ id: IdSchema, status: z.enum(ACTIVITY_SERVICE_STATUSES) }), ...errors },
      },
    },
    async (request) => activities.decide(request.requireActor(), request.params.id, request.params.serviceId, request.body, auditContext(request)),
  )
}
export default routes
