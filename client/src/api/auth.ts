import {
  MeResponseSchema,
  PersonaListResponseSchema,
  SessionResponseSchema,
  type DevLoginBody,
  type MeResponse,
  type Persona,
  type SessionResponse,
} from '@qstx/shared'
import { request, requestNoContent } from './http'
import { clearToken, setToken } from './session'

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

export const fetchMe = (): Promise<MeResponse> => request('/api/me', MeResponseSchema)

/** Ends the session on the server; the local token goes even if the server cannot be reached. */
export async function logout(): Promise<void> {
  try {
    await requestNoContent('/api/auth/logout', { method: 'POST' })
  } finally {
    clearToken()
  }
}
