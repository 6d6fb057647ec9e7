import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorResponseSchema, VolunteerFieldsBodySchema, VolunteerProfileSchema, WithdrawBodySchema } from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createVolunteerService } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 502: ErrorResponseSchema, 503: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['volunteers'] }
const profile = { 200: VolunteerProfileSchema, ...errors }

/** Self-service: any signed-in person, with or without a role, works on their own application. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const volunteers = createVolunteerService({ prisma: app.prisma, clock: app.clock, keyring: app.keyring, wechat: app.wechat })

  app.get(
    '/me',
    { schema: { ...secured, summary: 'My volunteer application or profile (ID number and phone masked), with what is still missing', response: profile } },
    async (request) => volunteers.me(request.requireUser().userId),
  )

  app.put(
    '/me/draft',
    {
      schema: {
        ...secured,
        summary: 'Save sign-up fields to my draft (created on first save); absent fields keep their value. Phone: {phoneCode} from the getPhoneNumber button or {phone} typed',
        body: VolunteerFieldsBodySchema,
        response: profile,
      },
    },
    async (request) => volunteers.saveDraft(request.requireUser().userId, request.body, auditContext(request)),
  )

  app.patch(
    '/me',
    { schema: { ...secured, summary: 'Edit my submitted or approved profile; a new real name or ID number after approval goes back to vetting', body: VolunteerFieldsBodySchema, response: profile } },
    async (request) => volunteers.update(request.requireUser().userId, request.body, auditContext(request)),
  )

  app.post(
    '/me/submit',
    { schema: { ...secured, summary: 'Submit my application for vetting; every missing field is named in `fields`', response: profile } },
    async (request) => volunteers.submit(request.requireUser().userId, auditContext(request)),
  )

  app.post(
    '/me/withdraw',
    { schema: { ...secured, summary: 'Withdraw from the programme (the history is kept)', body: WithdrawBodySchema, response: profile } },
    async (request) => volunteers.withdraw(request.requireUser().userId, request.body.reason, auditContext(request)),
  )
}
export default routes
