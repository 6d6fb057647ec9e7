import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  DevLoginBodySchema,
  DevWechatCodeBodySchema,
  DevWechatCodeResponseSchema,
  ErrorResponseSchema,
  PersonaListResponseSchema,
  SessionResponseSchema,
} from '@qstx/shared'
import { AppError } from '../../lib/app-error'
import { devLogin, listPersonas } from './service'

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/personas',
    { schema: { tags: ['dev'], summary: 'Demo personas (not in production)', response: { 200: PersonaListResponseSchema } } },
    async () => ({ items: await listPersonas(app.prisma) }),
  )

  app.post(
    '/login',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags: ['dev'], summary: 'Sign in as a demo persona, or as any role in a region (not in production)', body: DevLoginBodySchema, response: { 200: SessionResponseSchema, 404: ErrorResponseSchema } },
    },
    async (request) => devLogin(app.prisma, app.sessions, request.body),
  )

  /**
   * H5 stand-in for `wx.login`: asks the fake WeChat server for a login code for this browser
   * (one deviceId = one WeChat user), exactly as the mini-program would get one from WeChat.
   */
  app.post(
    '/wechat/code',
    { schema: { tags: ['dev'], summary: 'wx.login for H5 against the fake WeChat (not in production)', body: DevWechatCodeBodySchema, response: { 200: DevWechatCodeResponseSchema, 503: ErrorResponseSchema } } },
    async (request) => {
      if (!app.fakeWechatUrl) throw new AppError('SERVICE_UNAVAILABLE', '演示微信服务未启动')
      const res = await fetch(new URL('/__fake/login-code', app.fakeWechatUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ deviceId: request.body.deviceId }),
      })
      if (!res.ok) throw new AppError('WECHAT_BUSY')
      return { code: String(((await res.json()) as { code: string }).code) }
    },
  )
}
export default routes
