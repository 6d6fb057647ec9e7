import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ErrorResponseSchema,
  MeResponseSchema,
  PasswordSignInBodySchema,
  SessionResponseSchema,
  SwitchRoleBodySchema,
  WechatSignInBodySchema,
} from '@qstx/shared'
import { auditContext } from '../../lib/audit'
import { createSignIn, describeUser, switchRole } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema, 502: ErrorResponseSchema, 503: ErrorResponseSchema }
/** Sign-in is where guessing happens: far stricter than the global limit. */
const signInLimit = { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (r: { ip: string }) => `sign-in:${r.ip}` } }

const routes: FastifyPluginAsyncZod = async (app) => {
  const signIn = createSignIn({ prisma: app.prisma, clock: app.clock, sessions: app.sessions, wechat: app.wechat })

  app.post(
    '/auth/wechat',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags: ['auth'], summary: 'Sign in with a wx.login code', body: WechatSignInBodySchema, response: { 200: SessionResponseSchema, ...errors } } },
    async (request, reply) => {
      const session = await signIn.withWechat(request.body.code, auditContext(request)).catch((err) => {
        // WeChat said "busy": tell the client when to try again.
        if (err?.code === 'WECHAT_BUSY') reply.header('retry-after', '2')
        throw err
      })
      return session
    },
  )

  app.post(
    '/auth/password',
    { config: signInLimit, schema: { tags: ['auth'], summary: 'Desk sign-in with username and password', body: PasswordSignInBodySchema, response: { 200: SessionResponseSchema, ...errors } } },
    async (request) => signIn.withPassword(request.body.username, request.body.password, auditContext(request)),
  )

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user, their roles and the active one', security: [{ bearer: [] }], response: { 200: MeResponseSchema, 401: ErrorResponseSchema } } },
    async (request) => {
      request.requireUser()
      // Answered from the session the auth hook resolved (the session cache): no query at all.
      return describeUser(request.session!)
    },
  )

  app.put(
    '/me/active-role',
    { schema: { tags: ['auth'], summary: 'Switch the active role', security: [{ bearer: [] }], body: SwitchRoleBodySchema, response: { 200: MeResponseSchema, 401: ErrorResponseSchema, 404: ErrorResponseSchema } } },
    async (request) => {
      request.requireUser()
      const me = await switchRole(app.prisma, request.session!, request.body.roleAssignmentId, auditContext(request))
      app.sessions.forget(request.session!.id)
      return me
    },
  )

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'End this session', security: [{ bearer: [] }], response: { 204: z.undefined(), 401: ErrorResponseSchema } } },
    async (request, reply) => {
      const { sessionId } = request.requireUser()
      await app.sessions.close(sessionId)
      return reply.status(204).send()
    },
  )
}
export default routes
