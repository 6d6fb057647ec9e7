/**
 * What `npm run bench` measures, in one place: add a scenario to the list below. Each runs after a
 * short warm-up, one after another, against the real app (server-process.ts) over the seeded demo
 * database. `npm run bench -- <text>` runs only the scenarios whose name contains <text>.
 *
 * A scenario must answer 2xx to every request: any other status fails the run (exit 1), so mind
 * the rate limit (plugins/external/rate-limit.ts): 600 requests a minute per bearer token (per IP
 * without one), 120 a minute per IP for POST /api/dev/login. A signed-in scenario therefore spreads
 * its load over several sessions — as real traffic from many users does — see `sessions` below.
 */
import { childrenScenarios } from './children-scenarios'
import { pairingScenarios } from './pairing-scenarios'
import { checkinScenarios } from './checkin-scenarios'
import { reportScenarios } from './reports-scenarios'
import { dutyScenarios } from './duty-scenarios'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Headers and body of the requests; a list means "rotate through these, request by request". */
export interface RequestShape {
  headers?: Record<string, string>
  body?: unknown
  /** Headers that get a fresh random UUID on every request (e.g. Idempotency-Key). */
  uniqueHeaders?: string[]
  /** Appended to the scenario's path (`?…` or `&…`): variants that must not share a cache entry. */
  query?: string
}

/** A demo persona's key, or a role in a region (dev login signs in as its first holder). */
export type Who = string | { role: string; regionCode: string }

export interface BenchContext {
  /** e.g. http://127.0.0.1:41234 — the app under test. */
  baseUrl: string
  /** POST /api/dev/login as a demo persona (seed/personas.ts) or a role in a region; returns the bearer token. */
  login(who: Who): Promise<string>
}

export interface Scenario {
  name: string
  method: Method
  path: string
  headers?: Record<string, string>
  body?: unknown
  /** Runs once before the warm-up; what it returns is merged over `headers`/`body`. */
  setup?(ctx: BenchContext): Promise<RequestShape | RequestShape[]>
  connections: number
  /** Seconds measured (after the warm-up); BENCH_DURATION overrides it for smoke runs. */
  duration: number
  /**
   * A read of the bench county that is measured again once the province around it is generated
   * (fixtures/province.ts), to show how it grows with the data around it.
   */
  county?: true
  /**
   * A read that writes its audit row in the same statement (a child's file, suggestions): measured
   * also against the audited limit (limit-process.ts /audited), the most such a read can do here.
   */
  audited?: true
}

const sessionPools = new WeakMap<BenchContext, Map<string, string[]>>()

/**
 * `count` sessions of one person — a demo persona, or the (dev-login) user holding a role in a
 * region — as Authorization headers, to rotate through: real traffic comes from many sessions, and
 * the session cache should see them. The bench server's rate limit is out of reach (server-process.ts),
 * but dev login allows 120 a minute for the whole run, so sessions are kept per person (and `pool`,
 * for a set of its own) and shared by every scenario that asks again: they log in only for the
 * ones still missing.
 */
export async function sessions(ctx: BenchContext, who: Who, count: number, pool = 'main'): Promise<RequestShape[]> {
  if (!sessionPools.has(ctx)) sessionPools.set(ctx, new Map())
  const key = `${typeof who === 'string' ? who : `${who.role}@${who.regionCode}`}#${pool}`
  const tokens = sessionPools.get(ctx)!.get(key) ?? []
  sessionPools.get(ctx)!.set(key, tokens)
  while (tokens.length < count) tokens.push(await ctx.login(who))
  return tokens.slice(0, count).map((t) => ({ headers: { authorization: `Bearer ${t}` } }))
}

export const scenarios: Scenario[] = [
  // Fastify + one `SELECT 1` round trip through Prisma's pool: the floor of any database route.
  { name: 'healthz', method: 'GET', path: '/api/healthz', connections: 50, duration: 10 },
  // Session resolution (the session with its user and role, by token hash) plus the user, their
  // roles and region names: the fixed cost of a signed-in request before it does its own work.
  // 50 sessions stay under 600 requests a minute each up to ~2,000 req/s (it does a few hundred).
  {
    name: 'me',
    method: 'GET',
    path: '/api/me',
    setup: (ctx) => sessions(ctx, 'demo.coordinator', 25),
    connections: 50,
    duration: 10,
    county: true,
  },
  ...childrenScenarios,
  ...pairingScenarios,
  ...reportScenarios,
  ...checkinScenarios,
  ...dutyScenarios,
]
