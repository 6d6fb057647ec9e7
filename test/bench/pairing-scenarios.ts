/**
 * The pairing ledger under load, over the generated county (fixtures/children.ts + pairings.ts:
 * 5,000 approved volunteers, 20,000 pairings). Targets from issue #7: suggestions for one child
 * over the county's 5,000 volunteers p95 ≤ 100 ms; the county's ledger page (20,000 pairings, with
 * counts per state and the stale count) p95 ≤ 50 ms. Both read as the county's coordinator (陈姐).
 *
 * Sessions: 10 of the county's coordinator, shared by every scenario here.
 */
import { sessions, type BenchContext, type Scenario } from './scenarios'
import { BENCH_COUNTY } from './fixtures/children'
import { BENCH_UNPAIRED_CHILD } from './fixtures/pairings'

const coordinator = (ctx: BenchContext) => sessions(ctx, { role: 'coordinator', regionCode: BENCH_COUNTY }, 10)

const SUGGEST = `/api/pairings/suggestions?childId=${BENCH_UNPAIRED_CHILD}`

export const pairingScenarios: Scenario[] = [
  // Ranks every approved volunteer of the county with room (SQL), explains the top 10, audits the view.
  { name: 'pairing suggestions', method: 'GET', path: SUGGEST, setup: coordinator, connections: 50, duration: 10, county: true, audited: true },
  // The first page of the county's ledger, newest change first, with counts per state and the stale count.
  { name: 'pairing ledger', method: 'GET', path: '/api/pairings', setup: coordinator, connections: 50, duration: 10, county: true },
  // The latency of one request that does not queue behind 49 others.
  { name: 'pairing suggestions, 1 conn', method: 'GET', path: SUGGEST, setup: coordinator, connections: 1, duration: 10, audited: true },
  { name: 'pairing ledger, 1 conn', method: 'GET', path: '/api/pairings', setup: coordinator, connections: 1, duration: 10 },
  { name: 'pairing ledger stale, 1 conn', method: 'GET', path: '/api/pairings?stale=true', setup: coordinator, connections: 1, duration: 10 },
]
