import {
  MeResponseSchema,
  PersonaListResponseSchema,
  SessionResponseSchema,
  type DevLoginBody,
  type MeResponse,
  type Persona,
  type PasswordSignInBodySchema,
  type SessionResponse,
  type SwitchRoleBodySchema,
  type WechatSignInBodySchema,
} from '@qstx/shared'
import type { z } from 'zod'
import { wechat } from '../platform/wechat'
import { isApiError } from './api-error'
import { request, requestNoContent } from './http'
import { clearToken, rememberMe, setToken } from './session'

/** Demo personas; the route exists only on non-production servers. */
export async function fetchPersonas(): Promise<Persona[]> {
  const { items } = await request('/api/dev/personas', PersonaListResponseSchema)
  return items
}

/** Demo sign-in as a persona; keeps the session token for later requests. */
export async function devLogin(persona: string): Promise<SessionResponse> {
  const body: DevLoginBody = { persona }
  const session = await request('/api/dev/login', SessionResponseSchema, { method: 'POST', body })
  setToken(session.token)
  return session
}

// The server answers WECHAT_BUSY with `retry-after: 2`.
const WECHAT_RETRY_DELAY_MS = 2_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function wechatSignInOnce(): Promise<SessionResponse> {
  // A wx.login code works once: every attempt needs a fresh one.
  const body: z.input<typeof WechatSignInBodySchema> = { code: await wechat.login() }
  return request('/api/auth/wechat', SessionResponseSchema, { method: 'POST', body })
}

/**
 * WeChat sign-in (on H5 through the demo's fake WeChat). WeChat being busy and a dropped
 * connection are usually gone a moment later, so those are tried once more with a fresh code;
 * anything else (invalid code, rate limit, risky account) would fail the same way again.
 */
export async function signInWithWechat(): Promise<SessionResponse> {
  let session: SessionResponse
  try {
    session = await wechatSignInOnce()
  } catch (error) {
    if (!isApiError(error) || (error.code !== 'WECHAT_BUSY' && error.code !== 'NETWORK_ERROR')) throw error
    if (error.code === 'WECHAT_BUSY') await sleep(WECHAT_RETRY_DELAY_MS)
    session = await wechatSignInOnce()
  }
  setToken(session.token)
  return session
}

/** Desk sign-in (H5) with the username and password chosen when the invitation was redeemed. */
export async function signInWithPassword(credentials: z.input<typeof PasswordSignInBodySchema>): Promise<SessionResponse> {
  const session = await request('/api/auth/password', SessionResponseSchema, { method: 'POST', body: credentials })
  setToken(session.token)
  return session
}

/**
 * Who is signed in, remembered on this device whoever asks (home, or the outbox at start-up): the
 * next start opens home from it at once, and works where the village has no signal.
 */
export async function fetchMe(): Promise<MeResponse> {
  const me = await request('/api/me', MeResponseSchema)
  rememberMe(me)
  return me
}

/** Makes another of the user's roles the active one for this session; answers the new /api/me. */
export function switchActiveRole(roleAssignmentId: string): Promise<MeResponse> {
  const body: z.input<typeof SwitchRoleBodySchema> = { roleAssignmentId }
  return request('/api/me/active-role', MeResponseSchema, { method: 'PUT', body })
}

/** Ends the session on the server; the local token goes even if the server cannot be reached. */
export async function logout(): Promise<void> {
  try {
    await requestNoContent('/api/auth/logout', { method: 'POST' })
  } finally {
    clearToken()
  }
}
