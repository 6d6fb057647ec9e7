/**
 * Personal data never reaches the logs. Canary values go through sign-in, failed sign-ins,
 * validation errors, a database outage (503), a 500 and invitation redemption with logging at its
 * most verbose; then every log line is searched for them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idNumberCheckChar } from '@qstx/shared'
import { createPrisma } from '../server/src/db/prisma'
import { buildTestApp, type TestContext } from './helpers/build-app'
import { bearer, nextClientAddress, tokenFor } from './helpers/personas'

const lines: string[] = []
let t: TestContext

const CANARY_NAME = '甄金丝雀'
const CANARY_ID = '45022519800101999' + idNumberCheckChar('45022519800101999')
const CANARY_PHONE = '13912345678'
const CANARY_PASSWORD = 'canary-password-77'
const CANARY_ADDRESS = '金丝雀村九组九号'

beforeAll(async () => {
  t = await buildTestApp({ env: { LOG_LEVEL: 'trace' }, logStream: { write: (line) => void lines.push(line) } })
})
afterAll(() => t.close())

describe('logs', () => {
  it('hold no name, ID number, phone, address, password or token after a busy session', async () => {
    const post = (url: string, payload: object, token?: string) =>
      t.app.inject({ method: 'POST', url, payload, remoteAddress: nextClientAddress(), ...(token ? { headers: bearer(token) } : {}) })
    const admin = await tokenFor(t.app, { role: 'admin', regionCode: '450000000000' })
    const { code } = (await post('/api/invitations', { role: 'coordinator', regionCode: '450225000000', note: CANARY_NAME }, admin)).json()
    const session = (await post('/api/invitations/redeem', { code, displayName: CANARY_NAME, username: 'canary', password: CANARY_PASSWORD })).json()
    const token = session.token as string
    const roleId = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json().activeRole.id as string
    // Failed sign-ins and validation errors carrying the canaries.
    await post('/api/auth/password', { username: 'canary', password: CANARY_ID })
    await post('/api/auth/password', { username: CANARY_PHONE, password: CANARY_PASSWORD })
    await post('/api/invitations/redeem', { code: CANARY_ID, displayName: CANARY_NAME, username: CANARY_PHONE, password: CANARY_ADDRESS })
    await post('/api/dev/login', { persona: CANARY_NAME, idNumber: CANARY_ID, phone: CANARY_PHONE, address: CANARY_ADDRESS })
    await t.app.inject({ method: 'GET', url: `/api/audit?action=${encodeURIComponent(CANARY_NAME)}&targetId=${CANARY_ID}`, headers: bearer(admin) })
    await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}x` } })
    // The database goes away in the middle of a session: 503, try again later (logged without data).
    // (Switching the active role reads app.prisma per request; /api/me is answered from the session cache.)
    const prisma = t.app.prisma
    const switchRole = () => t.app.inject({ method: 'PUT', url: '/api/me/active-role', headers: bearer(token), payload: { roleAssignmentId: roleId } })
    ;(t.app as unknown as { prisma: unknown }).prisma = createPrisma('postgresql://nobody:wrong@127.0.0.1:9/none')
    const down = await switchRole()
    expect(down.statusCode).toBe(503)
    expect(down.json()).toEqual({ code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' })
    // A 500: something fails with the canaries in its message (Prisma's messages can quote values).
    ;(t.app as unknown as { prisma: unknown }).prisma = new Proxy({}, { get: () => { throw new Error(`查询失败：${CANARY_NAME} ${CANARY_ID}`) } })
    const crash = await switchRole()
    ;(t.app as unknown as { prisma: unknown }).prisma = prisma
    expect(crash.statusCode).toBe(500)
    expect(crash.json()).toEqual({ code: 'INTERNAL_ERROR', message: '系统出错了，请稍后重试' })

    const log = lines.join('')
    expect(lines.length).toBeGreaterThan(20)
    expect(log).toContain('unhandled error') // the 500 was logged, just without data
    expect(log).toContain('database unavailable') // and so was the outage
    for (const canary of [CANARY_NAME, CANARY_ID, CANARY_PHONE, CANARY_PASSWORD, CANARY_ADDRESS, token, code]) {
      expect(log.includes(canary), `log contains ${canary}`).toBe(false)
    }
  })
})
