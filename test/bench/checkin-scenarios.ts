/**
 * Check-ins under load (issue #8): POST /api/checkins by the generated county's love parents
 * (fixtures/checkins.ts) — each request a new check-in with a fresh Idempotency-Key (claim, content
 * check against the in-process fake WeChat, one transaction that inserts and stores the answer).
 * Target: at least 200 requests/s with p95 ≤ 100 ms.
 *
 * Sessions: the 25 volunteers sign in through the real WeChat sign-in (30 a minute per address);
 * each session stays under 600 requests a minute up to ~1,000 req/s across a 12-second scenario.
 */
import type { BenchContext, RequestShape, Scenario } from './scenarios'
import { BENCH_CHECKIN_VOLUNTEERS, benchCheckinDevice } from './fixtures/checkins'

const pools = new WeakMap<BenchContext, RequestShape[]>()

async function call<T>(ctx: BenchContext, path: string, init: { body?: object; token?: string } = {}): Promise<T> {
  const res = await fetch(new URL(path, ctx.baseUrl), {
    method: init.body ? 'POST' : 'GET',
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  })
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** One shape per volunteer: their session, a check-in of their pairing, a fresh key per request. */
async function volunteers(ctx: BenchContext): Promise<RequestShape[]> {
  const cached = pools.get(ctx)
  if (cached) return cached
  const shapes: RequestShape[] = []
  for (let i = 0; i < BENCH_CHECKIN_VOLUNTEERS; i++) {
    const { code } = await call<{ code: string }>(ctx, '/api/dev/wechat/code', { body: { deviceId: benchCheckinDevice(i) } })
    const { token } = await call<{ token: string }>(ctx, '/api/auth/wechat', { body: { code } })
    const mine = await call<{ items: Array<{ id: string; state: string }> }>(ctx, '/api/pairings/mine', { token })
    const pairing = mine.items.find((p) => p.state === 'active')
    if (!pairing) throw new Error(`bench volunteer ${i} has no active pairing`)
    shapes.push({
      headers: { authorization: `Bearer ${token}` },
      uniqueHeaders: ['idempotency-key'],
      body: {
        pairingId: pairing.id, startedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(), durationMinutes: 90, contactMode: 'home_visit',
        serviceTypes: ['reading', 'companionship'], summary: '陪孩子读了两本绘本，一起画了画，聊了聊学校里的事', childMood: '开心，话比上次多',
        problemsFound: '作业有些跟不上', measuresSuggested: '下次带拼音读物，请老师多关注',
      },
    })
  }
  pools.set(ctx, shapes)
  return shapes
}

export const checkinScenarios: Scenario[] = [
  // The target: ≥ 200 answered a second with p95 ≤ 100 ms, from 20 phones sending one after another.
  // (Not autocannon's overallRate: it sends each second's budget in a burst at the second's start,
  // which measures the burst, not the rate.)
  { name: 'check-in', method: 'POST', path: '/api/checkins', setup: volunteers, connections: 20, duration: 10, county: true },
  // The latency of one check-in that does not queue behind others.
  { name: 'check-in, 1 conn', method: 'POST', path: '/api/checkins', setup: volunteers, connections: 1, duration: 10 },
]
