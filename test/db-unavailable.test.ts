/**
 * With PostgreSQL unreachable the API answers 503 SERVICE_UNAVAILABLE with Retry-After, never 500:
 * the mini-program's outbox keeps a check-in queued on 503 (like no network at all) and sends it
 * again, while a 500 would read as a bug. The database here refuses connections (nothing listens
 * on the port); test/checkin-fault.test.ts sees the same answers when PostgreSQL is killed mid-load.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_MESSAGES } from '@qstx/shared'
import { buildApp, type App } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import { createPrisma, type Db } from '../server/src/db/prisma'
import { ManualClock } from '../server/src/lib/clock'
import { Keyring, parseDataKeys, randomKeySpec } from '../server/src/lib/crypto'
import { WechatClient } from '../server/src/wechat/client'
import { freePort } from './helpers/server-process'

let app: App
let prisma: Db

beforeAll(async () => {
  const url = `postgresql://nobody:wrong@127.0.0.1:${await freePort()}/none`
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, H5_DIR: '/nonexistent' })
  prisma = createPrisma(url, { max: 2 })
  app = await buildApp({
    config, prisma, clock: new ManualClock(new Date('2026-03-02T02:00:00Z')),
    keyring: new Keyring(parseDataKeys(randomKeySpec('t1')), randomBytes(32)),
    wechat: new WechatClient({ baseUrl: 'http://127.0.0.1:9', appid: config.WECHAT_APPID, secret: 'unused' }),
  })
  await app.ready()
})

afterAll(async () => {
  await app?.close()
  await prisma?.$disconnect()
})

describe('the API while PostgreSQL cannot be reached', () => {
  it('answers a check-in 503 SERVICE_UNAVAILABLE with Retry-After, so the phone keeps it queued', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/checkins',
      headers: { authorization: `Bearer ${'a'.repeat(43)}`, 'idempotency-key': randomUUID() },
      payload: { pairingId: randomUUID(), startedAt: '2026-03-01T02:00:00.000Z', durationMinutes: 60, contactMode: 'home_visit', serviceTypes: ['reading'], summary: '一起读书' },
    })
    expect(res.statusCode).toBe(503)
    expect(res.headers['retry-after']).toBe('5')
    expect(res.json()).toEqual({ code: 'SERVICE_UNAVAILABLE', message: ERROR_MESSAGES.SERVICE_UNAVAILABLE })
  })

  it('answers reads and sign-ins the same way', async () => {
    const read = await app.inject({ method: 'GET', url: '/api/checkins/mine', headers: { authorization: `Bearer ${'b'.repeat(43)}` } })
    expect(read.statusCode).toBe(503)
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/password', payload: { username: 'demo.director.guding', password: 'x'.repeat(12) } })
    expect(signIn.statusCode).toBe(503)
    expect(signIn.json().code).toBe('SERVICE_UNAVAILABLE')
  })
})
