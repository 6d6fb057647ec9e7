/**
 * Dashboards under load, over the generated county (fixtures/children.ts + pairings.ts + ledger.ts:
 * 50,000 files, 20,000 pairings, this year's director visits). Target from issue #10: the county's
 * dashboard p95 ≤ 200 ms. It reads as the county's civil affairs (县民政) and, one level down, a
 * township's supervisor (赵督导). The county export (50,000 children) is measured apart, in
 * export-bench.ts: it is one long job, not a request rate.
 *
 * Sessions: civil affairs' 50 (shared with the children and duty scenarios), 30 for the supervisor.
 */
import { sessions, type BenchContext, type Scenario } from './scenarios'
import { BENCH_COUNTY, benchTownship } from './fixtures/children'

const civil = (ctx: BenchContext) => sessions(ctx, { role: 'civil_affairs', regionCode: BENCH_COUNTY }, 50)
const civilOne = (ctx: BenchContext) => sessions(ctx, { role: 'civil_affairs', regionCode: BENCH_COUNTY }, 30)
const supervisor = (ctx: BenchContext) => sessions(ctx, { role: 'supervisor', regionCode: benchTownship(0) }, 30)

export const reportScenarios: Scenario[] = [
  // The county with its ten townships: children by category, priority coverage, overdue visits
  // (the duty rule over 50,000 files), quiet pairings, open reports, check-ins.
  { name: 'dashboard county', method: 'GET', path: '/api/dashboard', setup: civil, connections: 50, duration: 10 },
  // One township with its 30 villages.
  { name: 'dashboard township', method: 'GET', path: '/api/dashboard', setup: supervisor, connections: 10, duration: 10 },
  // One request at a time: the latency of the county's figures when nothing queues.
  { name: 'dashboard county, 1 conn', method: 'GET', path: '/api/dashboard', setup: civilOne, connections: 1, duration: 10 },
]
