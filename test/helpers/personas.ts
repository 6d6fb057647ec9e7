/** Sign-in helpers for API tests: a bearer header for a demo persona or any role in any region. */
import type { Role } from '@qstx/shared'
import type { App } from '../../server/src/app'

export async function tokenFor(app: App, who: string | { role: Role; regionCode: string }): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/dev/login', payload: typeof who === 'string' ? { persona: who } : who })
  if (res.statusCode !== 200) throw new Error(`dev login failed (${res.statusCode}): ${res.body}`)
  return res.json().token
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
