/**
 * Dashboards under load, over the generated county (fixtures/children.ts + pairings.ts + ledger.ts:
 * 50,000 files, 20,000 pairings, this year's director visits). Target from issue #10: the county's
 * dashboard p95 ≤ 200 ms. It reads as the county's civil affairs (县民政) and, one level down, a
 * township's supervisor (赵督导). The county export (50,000 children) is measured apart, in
 * export-bench.ts: it is one long job, not a request rate.
 *
 * Sessions: 50 for civil affairs at 50 connections, 30 more for the single connection, 30 for the
 * supervisor — 110 sign-ins within half a minute, under the 120 a minute dev login allows (these
 * scenarios come after the others' sign-ins). Each session stays under 600 requests a minute up to
 * ~2,500 req/s (50 connections) or ~1,500 req/s (the others) over a 12-second scenario (measured:
 * ~1,100 req/s for figures already counted).
 */
import type { BenchContext, RequestShape, Scenario } from './scenarios'
import { BENCH_COUNTY, benchTownship } from './fixtures/children'

const pools = new WeakMap<BenchContext, Map<string, string[]>>()

/** `count` sessions of the dev-login user holding `role` in `regionCode`; `pool` keeps separate sets. */
export async function benchSessions(ctx: BenchContext, role: string, regionCode: string, count: number, pool = 'main'): Promise<RequestShape[]> {
  if (!pools.has(ctx)) pools.set(ctx, new Map())
  const key = `${role}@${regionCode}#${pool}`
  const tokens = pools.get(ctx)!.get(key) ?? []
  pools.get(ctx)!.set(key, tokens)
  while (tokens.length < count) {
    const res = await fetch(new URL('/api/dev/login', ctx.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role, regionCode }),
    })
    if (!res.ok) throw new Error(`dev login as ${role}@${regionCode}: HTTP ${res.status} ${await res.text()}`)
    tokens.push(((await res.json()) as { token: string }).token)
  }
  return tokens.slice(0, count).map((t) => ({ headers: { authorization: `Bearer ${t}` } }))
}

const civil = (ctx: BenchContext) => benchSessions(ctx, 'civil_affairs', BENCH_COUNTY, 50)
const civilOne = (ctx: BenchContext) => benchSessions(ctx, 'civil_affairs', BENCH_COUNTY, 30, 'single')
const supervisor = (ctx: BenchContext) => benchSessions(ctx, 'supervisor', benchTownship(0), 30)

export const reportScenarios: Scenario[] = [
  // The county with its ten townships: children by category, priority coverage, overdue visits
  // (the duty rule over 50,000 files), quiet pairings, open reports, check-ins.
  { name: 'dashboard county', method: 'GET', path: '/api/dashboard', setup: civil, connections: 50, duration: 10 },
  // One township with its 30 villages.
  { name: 'dashboard township', method: 'GET', path: '/api/dashboard', setup: supervisor, connections: 10, duration: 10 },
  // One request at a time: the latency of the county's figures when nothing queues.
  { name: 'dashboard county, 1 conn', method: 'GET', path: '/api/dashboard', setup: civilOne, connections: 1, duration: 10 },
]
