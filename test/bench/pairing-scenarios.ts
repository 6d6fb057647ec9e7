/**
 * The pairing ledger under load, over the generated county (fixtures/children.ts + pairings.ts:
 * 5,000 approved volunteers, 20,000 pairings). Targets from issue #7: suggestions for one child
 * over the county's 5,000 volunteers p95 ≤ 100 ms; the county's ledger page (20,000 pairings, with
 * counts per state and the stale count) p95 ≤ 50 ms. Both read as the county's coordinator (陈姐).
 *
 * Sessions: 10, shared by every scenario here (dev login allows 120 a minute for the whole run);
 * each stays under 600 requests a minute up to ~1,000 req/s across a 12-second scenario.
 */
import type { BenchContext, RequestShape, Scenario } from './scenarios'
import { BENCH_COUNTY } from './fixtures/children'
import { BENCH_UNPAIRED_CHILD } from './fixtures/pairings'

const pools = new WeakMap<BenchContext, string[]>()

async function coordinator(ctx: BenchContext): Promise<RequestShape[]> {
  const tokens = pools.get(ctx) ?? []
  pools.set(ctx, tokens)
  while (tokens.length < 10) {
    const res = await fetch(new URL('/api/dev/login', ctx.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'coordinator', regionCode: BENCH_COUNTY }),
    })
    if (!res.ok) throw new Error(`dev login as the bench county's coordinator: HTTP ${res.status} ${await res.text()}`)
    tokens.push(((await res.json()) as { token: string }).token)
  }
  return tokens.map((t) => ({ headers: { authorization: `Bearer ${t}` } }))
}

const SUGGEST = `/api/pairings/suggestions?childId=${BENCH_UNPAIRED_CHILD}`

export const pairingScenarios: Scenario[] = [
  // Ranks every approved volunteer of the county with room (SQL), explains the top 10, audits the view.
  { name: 'pairing suggestions', method: 'GET', path: SUGGEST, setup: coordinator, connections: 50, duration: 10 },
  // The first page of the county's ledger, newest change first, with counts per state and the stale count.
  { name: 'pairing ledger', method: 'GET', path: '/api/pairings', setup: coordinator, connections: 50, duration: 10 },
  // The latency of one request that does not queue behind 49 others.
  { name: 'pairing suggestions, 1 conn', method: 'GET', path: SUGGEST, setup: coordinator, connections: 1, duration: 10 },
  { name: 'pairing ledger, 1 conn', method: 'GET', path: '/api/pairings', setup: coordinator, connections: 1, duration: 10 },
  { name: 'pairing ledger stale, 1 conn', method: 'GET', path: '/api/pairings?stale=true', setup: coordinator, connections: 1, duration: 10 },
]
