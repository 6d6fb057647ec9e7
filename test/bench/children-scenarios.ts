/**
 * Children's files under load, over the generated county of 50,000 children in 300 villages
 * (fixtures/children.ts, created by server-process.ts). Targets from issue #6, at 50 connections:
 * a village list p95 ≤ 30 ms, a county search by name/category/flags p95 ≤ 100 ms, one child's
 * file p95 ≤ 20 ms. Each reads as the role that does it at a desk: the village's director, the
 * county's civil affairs.
 *
 * Sessions: the village director's 25, and civil affairs' 50 (shared with the duty and dashboard
 * scenarios, scenarios.ts sessions()).
 */
import { sessions, type BenchContext, type Scenario } from './scenarios'
import { BENCH_COUNTY, benchChildId, benchVillage } from './fixtures/children'

const VILLAGE = benchVillage(0, 0)
const director = (ctx: BenchContext) => sessions(ctx, { role: 'child_director', regionCode: VILLAGE }, 25)
const civil = (ctx: BenchContext) => sessions(ctx, { role: 'civil_affairs', regionCode: BENCH_COUNTY }, 50)
const q = (params: Record<string, string>) => `/api/children?${new URLSearchParams(params)}`

export const childrenScenarios: Scenario[] = [
  // The director's desk: first page (20 of ~167) of the village, with total, ages and flags.
  { name: 'children village list', method: 'GET', path: '/api/children', setup: director, connections: 50, duration: 10, county: true },
  // County desk: a surname, a category and a risk level across 50,000 files.
  { name: 'children county search', method: 'GET', path: q({ q: '黄', category: 'left_behind', risk: 'high' }), setup: civil, connections: 50, duration: 10, county: true },
  // County desk, flags only: thousands match; the page is the first 20 by name, the total capped.
  { name: 'children county flags', method: 'GET', path: q({ category: 'in_difficulty', specialAttention: 'any', nearWater: 'false' }), setup: civil, connections: 50, duration: 10, county: true },
  // One full file as its director opens it: decrypt-and-mask, guardians, and the audit row it writes.
  { name: 'children one file', method: 'GET', path: `/api/children/${benchChildId(0)}`, setup: director, connections: 50, duration: 10, county: true, audited: true },
  // The same two with one connection: the latency of a request that does not queue behind 49 others.
  { name: 'children village list, 1 conn', method: 'GET', path: '/api/children', setup: director, connections: 1, duration: 10 },
  { name: 'children one file, 1 conn', method: 'GET', path: `/api/children/${benchChildId(0)}`, setup: director, connections: 1, duration: 10, audited: true },
]
