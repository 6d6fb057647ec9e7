/**
 * Children's files under load, over the generated county of 50,000 children in 300 villages
 * (fixtures/children.ts, created by server-process.ts). Targets from issue #6, at 50 connections:
 * a village list p95 ≤ 30 ms, a county search by name/category/flags p95 ≤ 100 ms, one child's
 * file p95 ≤ 20 ms. Each reads as the role that does it at a desk: the village's director, the
 * county's civil affairs.
 *
 * Sessions: the director's are shared by the village list and the file (25), civil affairs' by the
 * two county searches (25) — with the 50 of `me`, 100 sign-ins, under the 120 a minute dev login
 * allows; each session stays under 600 requests a minute up to ~600 req/s per scenario pair.
 */
import type { BenchContext, RequestShape, Scenario } from './scenarios'
import { BENCH_COUNTY, benchChildId, benchVillage } from './fixtures/children'

const pools = new WeakMap<BenchContext, Map<string, string[]>>()

/** `count` sessions of the (dev-login) user holding `role` in `regionCode`. */
async function roleSessions(ctx: BenchContext, role: string, regionCode: string, count: number): Promise<RequestShape[]> {
  if (!pools.has(ctx)) pools.set(ctx, new Map())
  const key = `${role}@${regionCode}`
  const tokens = pools.get(ctx)!.get(key) ?? []
  pools.get(ctx)!.set(key, tokens)
  while (tokens.length < count) {
    const res = await fetch(new URL('/api/dev/login', ctx.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role, regionCode }),
    })
    if (!res.ok) throw new Error(`dev login as ${key}: HTTP ${res.status} ${await res.text()}`)
    tokens.push(((await res.json()) as { token: string }).token)
  }
  return tokens.slice(0, count).map((t) => ({ headers: { authorization: `Bearer ${t}` } }))
}

const VILLAGE = benchVillage(0, 0)
const director = (ctx: BenchContext) => roleSessions(ctx, 'child_director', VILLAGE, 25)
const civil = (ctx: BenchContext) => roleSessions(ctx, 'civil_affairs', BENCH_COUNTY, 25)
const q = (params: Record<string, string>) => `/api/children?${new URLSearchParams(params)}`

export const childrenScenarios: Scenario[] = [
  // The director's desk: first page (20 of ~167) of the village, with total, ages and flags.
  { name: 'children village list', method: 'GET', path: '/api/children', setup: director, connections: 50, duration: 10 },
  // County desk: a surname, a category and a risk level across 50,000 files.
  { name: 'children county search', method: 'GET', path: q({ q: '黄', category: 'left_behind', risk: 'high' }), setup: civil, connections: 50, duration: 10 },
  // County desk, flags only: thousands match; the page is the first 20 by name, the total capped.
  { name: 'children county flags', method: 'GET', path: q({ category: 'in_difficulty', specialAttention: 'any', nearWater: 'false' }), setup: civil, connections: 50, duration: 10 },
  // One full file as its director opens it: decrypt-and-mask, guardians, and the audit row it writes.
  { name: 'children one file', method: 'GET', path: `/api/children/${benchChildId(0)}`, setup: director, connections: 50, duration: 10 },
  // The same two with one connection: the latency of a request that does not queue behind 49 others.
  { name: 'children village list, 1 conn', method: 'GET', path: '/api/children', setup: director, connections: 1, duration: 10 },
  { name: 'children one file, 1 conn', method: 'GET', path: `/api/children/${benchChildId(0)}`, setup: director, connections: 1, duration: 10 },
]
