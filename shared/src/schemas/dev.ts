import { z } from 'zod'

/**
 * The H5 stand-in for `wx.login` (demo and tests only; the route does not exist in production):
 * the browser names itself with a random device id (one id = one fake WeChat user) and gets a
 * login code, exactly as the mini-program gets one from WeChat.
 */
export const DevWechatCodeBodySchema = z
  .strictObject({ deviceId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) })
  .meta({ id: 'DevWechatCodeBody' })
export type DevWechatCodeBody = z.infer<typeof DevWechatCodeBodySchema>

export const DevWechatCodeResponseSchema = z.object({ code: z.string().min(1) }).meta({ id: 'DevWechatCode' })
export type DevWechatCodeResponse = z.infer<typeof DevWechatCodeResponseSchema>
