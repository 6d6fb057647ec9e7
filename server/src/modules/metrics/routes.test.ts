import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { activePairing, checkinBody, directorOf, recordCheckin } from '../../../../test/helpers/checkins'
import { bearer, tokenFor } from '../../../../test/helpers/personas'
import { notify } from '../../lib/notify'
import { sendConfirmReminders } from '../checkins/reminders'

const TOKEN = 'metrics-token-for-the-test-0123456789abcdef'
let t: TestContext
beforeAll(async () => {
  t = await buildTestApp({ env: { METRICS_TOKEN: TOKEN } })
})
afterAll(() => t.close())

const scrape = (o: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  t.app.inject({ method: 'GET', url: '/api/metrics', remoteAddress: o.remoteAddress ?? '127.0.0.1', headers: o.headers ?? {} })

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
async function sample(series: string): Promise<number | undefined> {
  const res = await scrape()
  expect(res.statusCode).toBe(200)
  const line = res.body.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('GET /api/metrics', () => {
  it('answers Prometheus text with request durations by route and status, unknown paths as one route', async () => {
    const before = (await sample('http_request_duration_seconds_count{method="GET",route="/api/healthz",status_code="200"}')) ?? 0
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'GET', url: '/api/healthz' })
    await t.app.inject({ method: 'GET', url: '/api/no-such-thing/1' })
    await t.app.inject({ method: 'GET', url: '/api/no-such-thing/2' })
    const res = await scrape()
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8')
    expect(await sample('http_request_duration_seconds_count{method="GET",route="/api/healthz",status_code="200"}')).toBe(before + 3)
    expect(await sample('http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"}')).toBe(2)
    expect(res.body).toContain('http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/healthz",status_code="200"}')
    expect(res.body).not.toContain('no-such-thing')
    expect(res.body).toMatch(/^process_cpu_user_seconds_total \d/m)
    expect(await sample('qstx_database_up')).toBe(1)
  })

  it("shows this process's pool: its maximum and what is in use", async () => {
    expect(await sample('qstx_db_pool_connections{state="max"}')).toBe(5)
    expect(await sample('qstx_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1)
    expect(await sample('qstx_db_pool_waiting_requests')).toBe(0)
  })

  it('shows the outbox backlog and its oldest age, failed jobs, and reminders that are due', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    await directorOf(t) // the village's director, whom the reminder is for
    await recordCheckin(t, volunteer.token, checkinBody(t, pairingId))
    expect(await sample('qstx_reminders_due{kind="checkin.confirm"}')).toBe(0)
    t.clock.advance(4 * 86_400_000) // the check-in has now waited 4 days for its director
    expect(await sample('qstx_reminders_due{kind="checkin.confirm"}')).toBe(1)
    const outboxBefore = (await sample('qstx_outbox_pending'))!
    await sendConfirmReminders(t.prisma, t.clock.now())
    expect(await sample('qstx_reminders_due{kind="checkin.confirm"}')).toBe(0)
    expect(await sample('qstx_outbox_pending')).toBe(outboxBefore + 1)

    // A notification that has waited an hour, and one whose delivery used up its attempts.
    const id = await t.prisma.$transaction((tx) => notify(tx, { recipientUserId: volunteer.userId, kind: 'test', title: '测试', body: '测试' }))
    await t.prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET created_at = now() - interval '1 hour' WHERE key = ${id}`
    const age = (await sample('qstx_outbox_oldest_age_seconds'))!
    expect(age).toBeGreaterThanOrEqual(3600)
    expect(age).toBeLessThan(3600 + 600)
    expect(await sample('qstx_jobs_failed{task="deliver_notification"}')).toBeUndefined()
    await t.prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = max_attempts, last_error = 'WeChat said no' WHERE key = ${id}`
    expect(await sample('qstx_jobs_failed{task="deliver_notification"}')).toBe(1)
    expect(await sample('qstx_outbox_pending')).toBe(outboxBefore + 1)
    expect(await sample('qstx_jobs_ready{task="deliver_notification"}')).toBe(outboxBefore + 1)
  })

  it('is refused from elsewhere without the token, through a proxy, and for a signed-in session', async () => {
    const refused = await scrape({ remoteAddress: '203.0.113.5' })
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toEqual({ code: 'FORBIDDEN', message: '运行指标只能从本机或凭监控令牌读取' })
    // A reverse proxy on this machine connects over loopback; what it forwards is not local.
    expect((await scrape({ headers: { 'x-forwarded-for': '203.0.113.5' } })).statusCode).toBe(403)
    const admin = await tokenFor(t.app, { role: 'admin', regionCode: '450000000000' })
    expect((await scrape({ remoteAddress: '203.0.113.5', headers: bearer(admin) })).json()).toEqual({ code: 'FORBIDDEN', message: '监控令牌不正确' })
    expect((await scrape({ remoteAddress: '203.0.113.5', headers: { authorization: `Bearer ${TOKEN}x` } })).statusCode).toBe(403)
  })

  it('is answered elsewhere with the token', async () => {
    const res = await scrape({ remoteAddress: '203.0.113.5', headers: { authorization: `Bearer ${TOKEN}` } })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('# TYPE http_request_duration_seconds histogram')
  })
})
