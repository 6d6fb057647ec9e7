import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ErrorResponseSchema, IdSchema, JoinedTeamSchema, JoinTeamBodySchema, RegisteredTeamSchema, RegisterTeamBodySchema, TeamRosterSchema, TeamSchema,
} from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createTeamService } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['teams'] }

const routes: FastifyPluginAsyncZod = async (app) => {
  const teams = createTeamService({ prisma: app.prisma })

  app.post(
    '/',
    { schema: { ...secured, summary: 'Register a volunteer team; I become its leader (group_leader) and get its join code', body: RegisterTeamBodySchema, response: { 201: RegisteredTeamSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await teams.register(request.requireUser().userId, request.body, auditContext(request))),
  )

  app.get(
    '/mine',
    { schema: { ...secured, summary: 'The team my active leader role leads, with its join code and member counts', response: { 200: TeamSchema, ...errors } } },
    async (request) => teams.mine(request.requireActor()),
  )

  app.post(
    '/join',
    {
      // Guessing codes is the only way in without one: a few tries a minute per address.
      config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (r) => `team-join:${r.ip}` } },
      schema: { ...secured, summary: 'Join a team with its code; links my application (a new draft if I have none) to the team', body: JoinTeamBodySchema, response: { 200: JoinedTeamSchema, ...errors } },
    },
    async (request) => teams.join(request.requireUser().userId, request.body.code, auditContext(request)),
  )

  app.get(
    '/:id/members',
    { schema: { ...secured, summary: "A team's roster: names, kinds and statuses — never ID numbers or phones", params: z.strictObject({ id: IdSchema }), response: { 200: TeamRosterSchema, ...errors } } },
    async (request) => teams.roster(request.requireActor(), request.params.id),
  )
}
export default routes
