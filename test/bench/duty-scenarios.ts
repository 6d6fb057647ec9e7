/**
 * The duty calendar under load (issue #8: a county with 50,000 children p95 ≤ 200 ms), over the
 * generated county and this year's director visits (fixtures/children.ts + ledger.ts). County civil
 * affairs asks for what is overdue across the county, and for the whole calendar's first page; the
 * sessions are the dashboards' (scenarios.ts sessions() shares a pool per person), so no new sign-ins.
 * A township's or county's calendar is shared between desks for 30 s (duty/service.ts); the
 * uncached scenario asks for a different page each time, so it measures the computation.
 */
import { sessions, type BenchContext, type Scenario } from './scenarios'
import { BENCH_COUNTY } from './fixtures/children'

const civil = (ctx: BenchContext) => sessions(ctx, { role: 'civil_affairs', regionCode: BENCH_COUNTY }, 50)
/** 20,000 different pages of the calendar: none is asked twice within the cache's 30 s, so each request computes. */
const coldPages = async (ctx: BenchContext) => (await civil(ctx)).flatMap((s, i) => Array.from({ length: 400 }, (_, k) => ({ ...s, query: `page=${i * 400 + k + 1}` })))

export const dutyScenarios: Scenario[] = [
  { name: 'duty calendar county overdue', method: 'GET', path: '/api/duty/calendar?status=overdue', setup: civil, connections: 10, duration: 10 },
  { name: 'duty calendar county', method: 'GET', path: '/api/duty/calendar', setup: civil, connections: 10, duration: 10 },
  // The computation itself, every request a miss: what the first desk of the half-minute waits for.
  { name: 'duty calendar county uncached, 1 conn', method: 'GET', path: '/api/duty/calendar', setup: coldPages, connections: 1, duration: 10, county: true },
]
