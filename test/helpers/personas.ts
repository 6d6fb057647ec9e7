/** Sign-in helpers for API tests: a bearer header for a demo persona or any role in any region. */
import type { Role } from '@qstx/shared'
import type { App } from '../../server/src/app'

let clientNo = 0
/**
 * A distinct client address per call: sign-in routes are rate-limited per address, and tests sign
 * in far more often than any one person would.
 */
export const nextClientAddress = () => {
  clientNo++
  return `10.${(clientNo >> 16) & 255}.${(clientNo >> 8) & 255}.${clientNo & 255}`
}

export async function tokenFor(app: App, who: string | { role: Role; regionCode: string }): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/dev/login',
    payload: typeof who === 'string' ? { persona: who } : who,
    remoteAddress: nextClientAddress(),
  })
  if (res.statusCode !== 200) throw new Error(`dev login failed (${res.statusCode}): ${res.body}`)
  return res.json().token
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
