/**
 * The hot paths (ARCHITECTURE.md, "Hot paths"; issue #15), held by what the database is asked,
 * not by the clock: each signed-in hot request is one statement on the pool (the check-in write:
 * the key's claim with its read, then the insert), and every statement it sends can be answered
 * from an index. The second is checked with EXPLAIN under `enable_seqscan = off`: the planner then
 * uses any index that can serve a scan, so a sequential scan left in the plan means no index can —
 * on a county of 50,000 files or a province of a million, a full read of the table per request.
 *
 * Statements are caught where every query of this process passes (helpers/statements.ts). The
 * session cache's `SELECT 1` on its LISTEN connection (shared by the requests that arrive
 * together) is not a statement of the request.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { regionNames } from '../server/src/modules/children/repository'
import { DEMO_COUNTY, DEMO_VILLAGES } from '../server/src/seed/personas'
import { seedDemo } from '../server/src/seed/demo'
import { buildTestApp, type TestContext } from './helpers/build-app'
import { bearer, tokenFor } from './helpers/personas'
import { catchStatements, type Statement } from './helpers/statements'

let t: TestContext
const statements = catchStatements((_client, text) => text !== 'SELECT 1' && !text.startsWith('LISTEN'))

beforeAll(async () => {
  t = await buildTestApp()
  // The demo is seeded relative to the real date (pairings started weeks ago); so is the clock here.
  t.clock.set(new Date())
  await seedDemo(t.prisma, t.keyring)
  // Region names are reference data each process remembers once read (children/repository.ts
  // regionNames); a process that has served a few pages has them, so they are loaded here up front.
  await regionNames(t.prisma, (await t.prisma.region.findMany({ select: { code: true } })).map((r) => r.code))
}, 120_000)

afterAll(async () => {
  statements.restore()
  await t?.close()
})

/**
 * The statements one request sends. A request to /api/me first brings the session into the cache,
 * so what is caught is the request's own work — and, for a calendar shared between desks, its
 * first (uncached) read.
 */
async function statementsOf(token: string, method: 'GET' | 'POST', url: string, payload?: () => object): Promise<{ status: number; statements: Statement[] }> {
  await t.app.inject({ url: '/api/me', headers: bearer(token) })
  statements.start()
  const headers = { ...bearer(token), ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}) }
  const res = await t.app.inject({ method, url, headers, ...(payload ? { payload: payload() } : {}) })
  const sent = statements.stop()
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBeLessThan(300)
  return { status: res.statusCode, statements: sent }
}

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] }
const walk = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(walk)]

/** The tables a statement reads by a sequential scan even when the planner is told to avoid them. */
async function seqScans(s: Pick<Statement, 'text' | 'values'>): Promise<string[]> {
  const client = new pg.Client({ connectionString: t.databaseUrl })
  await client.connect()
  try {
    await client.query('SET enable_seqscan = off')
    const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>({ text: `EXPLAIN (FORMAT JSON) ${s.text}`, values: s.values })
    return walk(rows[0]!['QUERY PLAN'][0]!.Plan).filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']!)
  } finally {
    await client.end()
  }
}

async function expectIndexed(statements: Statement[]) {
  const problems: string[] = []
  for (const s of statements) {
    if (/^(BEGIN|COMMIT|ROLLBACK)/i.test(s.text)) continue
    for (const table of await seqScans(s)) problems.push(`${table}: ${s.text.replace(/\s+/g, ' ').slice(0, 160)}`)
  }
  expect(problems).toEqual([])
}

const VILLAGE = DEMO_VILLAGES[0]!

describe('hot paths: one round trip, every statement on an index', () => {
  let director = '', civil = '', coordinator = '', wang = ''
  let childId: string, unpairedChildId: string, pairingId: string, cardChildId: string
  beforeAll(async () => {
    director = await tokenFor(t.app, 'demo.director.guding')
    civil = await tokenFor(t.app, 'demo.civil')
    coordinator = await tokenFor(t.app, 'demo.coordinator')
    wang = await tokenFor(t.app, 'demo.volunteer.wang')
    const list = (await t.app.inject({ url: `/api/children?regionCode=${VILLAGE}`, headers: bearer(director) })).json()
    childId = list.items[0].id
    unpairedChildId = list.items.find((c: { pairingStatus: string }) => c.pairingStatus === 'unpaired').id
    const mine = (await t.app.inject({ url: '/api/pairings/mine', headers: bearer(wang) })).json()
    const active = mine.items.find((p: { state: string }) => p.state === 'active')
    pairingId = active.id
    cardChildId = active.child.id
  })

  const reads: Array<[string, () => string, () => string, number]> = [
    ['/api/me from the session cache', () => director, () => '/api/me', 0],
    ["a director's village list", () => director, () => `/api/children?regionCode=${VILLAGE}`, 1],
    ['a full file with its audit row', () => director, () => `/api/children/${childId}`, 1],
    ['county search by name', () => civil, () => `/api/children?q=${encodeURIComponent('小')}`, 1],
    ["a volunteer's card with its audit row", () => wang, () => `/api/children/${cardChildId}/card`, 1],
    ['suggestions with their audit row', () => coordinator, () => `/api/pairings/suggestions?childId=${unpairedChildId}`, 1],
    ['priority children without a pairing', () => coordinator, () => '/api/pairings/priority-children', 1],
    ["the county's pairing ledger", () => coordinator, () => '/api/pairings', 1],
    ["the county's stale pairings", () => coordinator, () => '/api/pairings?stale=true&state=active', 1],
    ["a village's ledger", () => director, () => '/api/pairings', 1],
    ["a village's duty calendar", () => director, () => '/api/duty/calendar', 1],
    ["a county's overdue children", () => civil, () => `/api/duty/calendar?status=overdue&page=2`, 1],
    // Issue #17: the calendar's new lists stay in its one statement; the pages of a file's care write their audit row with the read.
    ["a director's entrusted carers due", () => director, () => '/api/duty/calendar?status=entrusted', 1],
    ["a director's own children", () => director, () => '/api/duty/calendar?mine=true', 1],
    ["a county's near-water list", () => civil, () => '/api/duty/calendar?status=water', 1],
    ["a child's entrusted care with its audit row", () => director, () => `/api/children/${childId}/entrusted-care`, 1],
    ["a child's psychological concerns with their audit row", () => director, () => `/api/children/${childId}/concerns`, 1],
  ]

  for (const [name, who, url, expected] of reads) {
    it(`${name}: ${expected} statement${expected === 1 ? '' : 's'}, indexed`, async () => {
      const { statements } = await statementsOf(who(), 'GET', url())
      expect(statements.map((s) => s.text.replace(/\s+/g, ' ').slice(0, 120))).toHaveLength(expected)
      await expectIndexed(statements)
    })
  }

  it('a check-in: the key claimed with the pairing read, then one insert that completes the key; indexed', async () => {
    const body = () => ({
      pairingId, startedAt: new Date(t.clock.now().getTime() - 3 * 3_600_000).toISOString(), durationMinutes: 60,
      contactMode: 'home_visit', serviceTypes: ['reading'], summary: '一起读了绘本',
    })
    const { status, statements } = await statementsOf(wang, 'POST', '/api/checkins', body)
    expect(status).toBe(201)
    expect(statements).toHaveLength(2)
    await expectIndexed(statements)
  })

  it('the check finds a sequential scan when a statement has no index to use', async () => {
    // The guard itself: a read by a column no index covers must be reported.
    expect(await seqScans({ text: 'SELECT id FROM children WHERE "otherNotes" = $1', values: ['x'] })).toEqual(['children'])
    expect(await seqScans({ text: 'SELECT id FROM children WHERE "villageCode" LIKE $1', values: [`${DEMO_COUNTY.slice(0, 6)}%`] })).toEqual([])
  })
})
