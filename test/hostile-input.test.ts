/**
 * Bad input is never a 500. Every operation of the OpenAPI document (so a new route is covered the
 * day it is added) is driven by fast-check over the demo county: path, query, header and body
 * values built from the route's own request schema with the demo's real ids — mostly with one
 * value turned hostile (NUL and other control characters, lone surrogates, 100,000 characters,
 * numbers past every column's range, year-0000 and impossible dates, unknown keys), in the URL too
 * (bad percent-escapes, over-long ids) — sent by a random demo persona or nobody.
 *
 * Each answer: never 5xx; every 4xx in our shape, a stable `code` and a Chinese `message`; and a
 * refused request changed nothing — the data tables hash the same before and after it.
 * Seeded and bounded — RUNS random requests per operation, plus, for the routes with a succeeding
 * request to start from (helpers/hostile-bases.ts), one targeted run per value (NUL, year 0000,
 * 2^31) — so a failure replays: FC_SEED=<seed> reproduces it.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CODES } from '@qstx/shared'
import { seedDemo } from '../server/src/seed/demo'
import { DEMO_VILLAGES, PERSONAS } from '../server/src/seed/personas'
import { buildTestApp, type TestContext } from './helpers/build-app'
import { bearer, nextClientAddress, tokenFor } from './helpers/personas'
import { hostileBases, type Base, type BaseRequest } from './helpers/hostile-bases'
import { encodeQueryValue, hostileRawSegment, hostileScalar, leafPaths, resolver, setAt, validArb, withHostileLeaf, type JsonSchema, type Pools } from './helpers/openapi-arbitrary'

const RUNS = 12
const SEED = Number(process.env.FC_SEED ?? 20260318)
/** Written on purpose even when refused: sessions on every signed-in request, audit rows record attempts, reference data. */
const NOT_COMPARED = new Set(['sessions', 'audit_logs', 'regions', '_migrations'])
/** A refused desk sign-in counts the failure (lockout after five) — that write is the point. */
const WRITES_WHEN_REFUSED = new Set(['POST /api/auth/password'])
/** Path segment before `{id}` → the table whose ids it takes (the rest fall back to every id). */
const ID_SOURCES: Record<string, string> = {
  invitations: 'invitations', 'role-assignments': 'role_assignments', users: 'users', children: 'children', transfers: 'child_transfers',
  notifications: 'notifications', reports: 'safeguarding_reports', teams: 'teams', applications: 'volunteers', pairings: 'pairings',
  checkins: 'checkins', exports: 'exports',
}
/** Body and query fields that take ids → their table. */
const FIELD_SOURCES: Record<string, string> = {
  pairingId: 'pairings', childId: 'children', volunteerId: 'volunteers', teamId: 'teams', guardianId: 'child_guardians',
  roleAssignmentId: 'role_assignments', actorUserId: 'users',
}

let t: TestContext
let doc: JsonSchema
let pools: Pools
let snapshotSql: string
let operations: Operation[]
let bases: Record<string, Base>

interface Operation {
  method: string
  path: string
  op: JsonSchema
}

beforeAll(async () => {
  t = await buildTestApp()
  // The demo is dated from today (its pairings, check-ins); the app's clock must agree.
  t.clock.set(new Date())
  await seedDemo(t.prisma, t.keyring)
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
  operations = Object.entries(doc.paths as Record<string, Record<string, JsonSchema>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  )
  const personaUsers = `SELECT id FROM users WHERE username LIKE 'demo.%'`
  const ids: Record<string, string[]> = {}
  for (const table of new Set([...Object.values(ID_SOURCES), ...Object.values(FIELD_SOURCES)])) {
    // Persona accounts stay usable: disabling them or removing their roles would blind later runs.
    const where = table === 'users' ? `WHERE id NOT IN (${personaUsers})` : table === 'role_assignments' ? `WHERE "userId" NOT IN (${personaUsers})` : ''
    const rows = await t.prisma.$queryRawUnsafe<Array<{ id: string }>>(`SELECT id::text AS id FROM "${table}" ${where} ORDER BY id LIMIT 40`)
    ids[table] = rows.map((r) => r.id)
  }
  pools = {
    ids: { ...ids, ...Object.fromEntries(Object.entries(FIELD_SOURCES).map(([field, table]) => [field, ids[table]!])) },
    regionCodes: ['450000000000', '450225000000', '450225101000', '450225102000', ...DEMO_VILLAGES, '140000000000'],
  }
  bases = await hostileBases(t)
  const tables = await t.prisma.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`
  snapshotSql = tables
    .filter((r) => !NOT_COMPARED.has(r.name) && !r.name.startsWith('_'))
    .map((r) => `SELECT '${r.name}' AS t, count(*)::int AS n, coalesce(sum(hashtext(x::text)::bigint), 0)::text AS h FROM "${r.name}" x`)
    .join(' UNION ALL ')
}, 300_000)
afterAll(() => t?.close())

const snapshot = async () => JSON.stringify(await t.prisma.$queryRawUnsafe(snapshotSql))

interface Request {
  persona: string | null
  path: Record<string, string>
  query: Record<string, string>
  headers: Record<string, string>
  body: unknown
}

/** A request built from the route's schema, with the demo's ids and (mostly) one hostile value. */
function schemaArb(o: Operation): fc.Arbitrary<() => Promise<Request>> {
  const resolve = resolver(doc)
  const params = (o.op.parameters ?? []) as JsonSchema[]
  const valueOf = (p: JsonSchema) => validArb(p.schema, resolve, pools, p.name).map(encodeQueryValue)
  const segment = (p: JsonSchema) => {
    const table = ID_SOURCES[o.path.split('/').at(o.path.split('/').indexOf(`{${p.name}}`) - 1)!]
    const real = table && pools.ids[table]?.length ? fc.constantFrom(...pools.ids[table]!) : valueOf(p)
    return fc.oneof({ weight: 3, arbitrary: real }, { weight: 2, arbitrary: hostileRawSegment })
  }
  const byIn = (where: string) => params.filter((p) => p.in === where)
  const strings = (entries: Array<[string, fc.Arbitrary<string>]>, requiredKeys?: string[]) =>
    fc.record<Record<string, string>>(Object.fromEntries(entries), requiredKeys ? { requiredKeys } : undefined)
  const path = strings(byIn('path').map((p) => [p.name, segment(p)]))
  const query = strings(
    byIn('query').map((p) => [p.name, fc.oneof({ weight: 3, arbitrary: valueOf(p) }, { weight: 1, arbitrary: hostileRawSegment })]),
    byIn('query').filter((p) => p.required).map((p) => p.name),
  )
  const headers = strings(byIn('header').map((p) => [p.name, fc.oneof(fc.uuid(), fc.constantFrom('not-a-uuid', 'x'.repeat(300)))]))
  const bodySchema = o.op.requestBody?.content?.['application/json']?.schema
  const body = bodySchema ? withHostileLeaf(validArb(bodySchema, resolve, pools)) : fc.constant(undefined)
  const persona = fc.constantFrom<string | null>(null, ...PERSONAS.map((p) => p.key))
  return fc.record({ path, query, headers, body, persona }).map((r) => async () => r)
}

/**
 * A request that would succeed (helpers/hostile-bases.ts) with one of its body or query values
 * replaced by a hostile one — the way a value reaches PostgreSQL when everything else is right.
 */
function baseArb(base: Base): fc.Arbitrary<() => Promise<Request>> {
  return fc.tuple(fc.nat(), hostileScalar).map(([i, hostile]) => mutated(base, i, () => hostile))
}

/** The base with its i-th value (of body and query together) replaced. */
function mutated(base: Base, i: number, hostile: (value: unknown) => unknown) {
  return () => asRequest(base, (parts) => {
    const leaves = leafPaths(parts).filter((p) => p.length > 1)
    const at = leaves[i % leaves.length]!
    return setAt(parts, at, hostile(at.reduce<any>((v, k) => v[k], parts))) as Parts
  })
}

/**
 * Besides the random runs, every value of a base gets the hostile value most likely to break it:
 * a year-0000 date where a date goes, NUL in other text, 2^31 for a number.
 */
async function targetedExamples(base: Base): Promise<Array<[() => Promise<Request>]>> {
  const b = await base()
  const n = leafPaths({ body: b.body, query: b.query ?? {} }).filter((p) => p.length > 1).length
  const worst = (v: unknown) =>
    typeof v === 'number' ? 2 ** 31
      : typeof v !== 'string' ? '\u0000'
        : /^\d{4}-\d\d-\d\dT/.test(v) ? '0000-01-01T00:00:00Z'
          : /^\d{4}-\d\d-\d\d$/.test(v) ? '0000-01-01'
            : `${v.slice(0, 2)}\u0000${v.slice(2)}`
  return Array.from({ length: n }, (_, i) => [mutated(base, i, worst)])
}

type Parts = { body: unknown; query: Record<string, unknown> }
async function asRequest(base: Base, mutate: (parts: Parts) => Parts = (p) => p): Promise<Request> {
  const b: BaseRequest = await base()
  const parts = mutate({ body: b.body, query: b.query ?? {} })
  return {
    persona: b.persona || null, path: b.path ?? {}, headers: b.headers ?? {}, body: parts.body,
    query: Object.fromEntries(Object.entries(parts.query).map(([k, v]) => [k, encodeQueryValue(v)])),
  }
}

function requestArb(o: Operation) {
  const base = bases[`${o.method} ${o.path}`]
  return base ? fc.oneof({ weight: 1, arbitrary: schemaArb(o) }, { weight: 2, arbitrary: baseArb(base) }) : schemaArb(o)
}

/** Tokens are reused, except after the requests that end or change their session. */
const tokens = new Map<string, string>()
const SESSION_CHANGING = new Set(['POST /api/auth/logout', 'PUT /api/me/active-role'])
/** The data tables' hash as last seen; null when a request may have changed them since. */
let lastSeen: string | null = null

async function send(o: Pick<Operation, 'method' | 'path'>, r: Request) {
  const name = `${o.method} ${o.path}`
  let token = r.persona ? tokens.get(r.persona) : undefined
  if (r.persona && !token) {
    tokens.set(r.persona, (token = await tokenFor(t.app, r.persona)))
    lastSeen = null
  }
  const path = o.path.replace(/\{(\w+)\}/g, (_, p: string) => r.path[p] ?? '')
  const qs = Object.entries(r.query).map(([k, v]) => `${k}=${v}`).join('&')
  const url = qs ? `${path}?${qs}` : path
  const json = r.body !== undefined
  const before = (lastSeen ??= await snapshot())
  const res = await t.app.inject({
    method: o.method as 'GET',
    url,
    headers: { ...r.headers, ...(token ? bearer(token) : {}), ...(json ? { 'content-type': 'application/json' } : {}) },
    ...(json ? { payload: JSON.stringify(r.body) } : {}),
    remoteAddress: nextClientAddress(),
  })
  if (r.persona && (SESSION_CHANGING.has(name) || res.statusCode === 401)) tokens.delete(r.persona)
  lastSeen = null
  const changed = async () => (lastSeen = await snapshot()) !== before
  return Object.assign(res, { url, changed })
}

describe('hostile input on every operation of the OpenAPI document', () => {
  it('covers every registered route', () => {
    const documented = new Set(operations.map((o) => `${o.method} ${o.path.replace(/\{(\w+)\}/g, ':$1').replace(/\/$/, '')}`))
    const registered = t.app.routeList
      // The document itself and its viewer take no input.
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/\/$/, '')}`)
    expect(registered.filter((r) => !documented.has(r))).toEqual([])
    expect(documented.size).toBeGreaterThan(80)
  })

  it('starts from requests that succeed (else the hostile value would never reach the database)', async () => {
    const refused: string[] = []
    for (const [name, base] of Object.entries(bases)) {
      const res = await send({ method: name.split(' ')[0]!, path: name.split(' ')[1]! }, await asRequest(base))
      if (res.statusCode >= 300) refused.push(`${name} ${res.statusCode} ${res.body.slice(0, 200)}`)
    }
    expect(refused).toEqual([])
  })

  it('answers every request below 500, refusals in our shape and with nothing changed', async () => {
    const problems: string[] = []
    for (const o of operations) {
      const name = `${o.method} ${o.path}`
      const base = bases[name]
      const examples = base ? await targetedExamples(base) : []
      await fc.assert(
        fc.asyncProperty(requestArb(o), async (make) => {
          const r = await make()
          const res = await send(o, r)
          const where = `${name} ${res.statusCode} ${res.url.slice(0, 120)} ${JSON.stringify(r.body)?.slice(0, 300)}`
          if (res.statusCode >= 500) return void problems.push(`5xx: ${where} → ${res.body.slice(0, 200)}`)
          if (res.statusCode < 400) return
          const body = res.json() as { code?: string; message?: string }
          if (!ERROR_CODES.includes(body.code as never) || !/[\u4e00-\u9fff]/.test(body.message ?? '')) problems.push(`shape: ${where} → ${res.body.slice(0, 200)}`)
          if (!WRITES_WHEN_REFUSED.has(name) && (await res.changed())) problems.push(`changed: ${where}`)
        }),
        { numRuns: RUNS + examples.length, seed: SEED, examples },
      )
    }
    expect(problems).toEqual([])
  }, 900_000)
})
