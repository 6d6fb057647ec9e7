import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dashboard, Role } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../../test/helpers/personas'
import { volunteerRow } from '../../../../test/helpers/volunteers'

let t: TestContext
const VILLAGE = '450225101201' // 古顶村
const SIBLING = '450225101202' // 安塘村
const TOWNSHIP = '450225101000' // 和睦镇
const COUNTY = '450225000000' // 融水县
const as = (role: Role, regionCode: string) => tokenFor(t.app, { role, regionCode })
const get = async (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) })

/** A child filed on 5 January 2026 (China), straight into the table. */
function child(name: string, villageCode: string, extra: Record<string, unknown> = {}) {
  return t.prisma.child.create({
    data: { villageCode, name, displayName: name.slice(1), gender: 'female', birthDate: new Date('2016-04-01'), categories: ['left_behind'], createdAt: new Date('2026-01-05T02:00:00Z'), ...extra },
  })
}

beforeAll(async () => {
  t = await buildTestApp() // 2026-03-02 in China
  const orphan = await child('韦孤儿', VILLAGE, { priorityReasons: ['orphan'] })
  await child('韦困境', VILLAGE, { categories: ['in_difficulty'], difficultyKinds: ['poverty'], priorityReasons: ['de_facto_unsupported'] })
  const both = await child('韦双类', VILLAGE, { categories: ['left_behind', 'in_difficulty'], difficultyKinds: ['disability'], singleParentFamily: 'mother' })
  await child('覃邻村', SIBLING)
  await child('覃已结案', SIBLING, { closedAt: new Date('2026-02-01T00:00:00Z'), closedReason: 'moved_out' })
  // A contact keeps 韦双类 on time; the others have none since they were filed: overdue.
  const director = await as('child_director', VILLAGE)
  await t.app.inject({ method: 'POST', url: `/api/children/${both.id}/visits`, headers: bearer(director), payload: { kind: 'contact', visitedOn: '2026-02-25' } })
  // The orphan has a love parent since December, never confirmed visiting: a quiet pairing.
  const volunteer = await volunteerRow(t, { status: 'approved', regionCode: TOWNSHIP, checksDone: true })
  const at = new Date('2025-12-01T02:00:00Z')
  await t.prisma.pairing.create({ data: { childId: orphan.id, volunteerId: volunteer.id, villageCode: VILLAGE, state: 'active', proposedAt: at, approvedAt: at, startDate: new Date('2025-12-01T00:00:00Z'), stateChangedAt: at } })
  // One open report in the village, one closed next door.
  const reporter = await t.prisma.user.create({ data: { displayName: '报告人' } })
  const report = (regionCode: string) => t.prisma.safeguardingReport.create({ data: { reporterUserId: reporter.id, regionCode, childName: '小雨', kind: 'neglect_guardianship', urgency: 'concern', seen: '无人照看', seenAt: t.clock.now(), createdAt: new Date('2026-02-10T00:00:00Z') } })
  await report(VILLAGE)
  const closed = await report(SIBLING)
  await t.prisma.safeguardingEvent.create({ data: { reportId: closed.id, type: 'closed', at: new Date('2026-02-20T00:00:00Z') } })
})
afterAll(() => t.close())

const HEMU = {
  children: 4, leftBehind: 3, inDifficulty: 2, priority: 2, priorityPaired: 1, priorityPairedPct: 50, visitedThisMonth: 0, activePairings: 1,
  overdueVisits: 3, dueSoonVisits: 0, staleContacts: 1, openReports: 1, checkins: 0,
  // Issue #17: one director (古顶村's, signed in below, untrained); 安塘村 serves a child with none;
  // neither village has had its safety-knowledge visit this year.
  entrustedOverdue: 0, entrustedFollowUps: 0, nearWater: 0, waterSafetyCovered: 0, villagesNeedingDirector: 1, directors: 1, directorsUntrained: 1,
  activities: 0, villagesWithoutSafetyVisit: 2, openConcerns: 0,
}

describe('GET /api/dashboard', () => {
  it('shows county civil affairs the county and each township, drilling down to villages', async () => {
    const civil = await as('civil_affairs', COUNTY)
    const county = (await get(civil, '/api/dashboard')).json() as Dashboard
    expect(county.region).toEqual({ code: COUNTY, name: '融水苗族自治县', level: 'county' })
    expect(county.path.map((r) => r.code)).toEqual([COUNTY])
    expect(county.today).toBe('2026-03-02')
    expect(county.totals).toEqual(HEMU)
    expect(county.subregions.length).toBeGreaterThan(2)
    expect(county.subregions.find((r) => r.code === TOWNSHIP)).toEqual({ code: TOWNSHIP, name: '和睦镇', level: 'township', figures: HEMU })
    expect(county.subregions.find((r) => r.code === '450225102000')!.figures.children).toBe(0)
    expect(county.checkinsByMonth).toEqual([
      { month: '2026-01', count: 0, hours: 0 }, { month: '2026-02', count: 0, hours: 0 }, { month: '2026-03', count: 0, hours: 0 },
    ])

    const township = (await get(civil, `/api/dashboard?regionCode=${TOWNSHIP}`)).json() as Dashboard
    expect(township.path.map((r) => r.name)).toEqual(['融水苗族自治县', '和睦镇'])
    const village = (code: string) => township.subregions.find((r) => r.code === code)!.figures
    expect(village(VILLAGE)).toMatchObject({ children: 3, priority: 2, priorityPaired: 1, overdueVisits: 2, staleContacts: 1, openReports: 1 })
    expect(village(SIBLING)).toMatchObject({ children: 1, priority: 0, priorityPairedPct: null, overdueVisits: 1, openReports: 0 })

    const leaf = (await get(civil, `/api/dashboard?regionCode=${VILLAGE}`)).json() as Dashboard
    expect(leaf.subregions).toEqual([])
    expect(leaf.totals).toMatchObject({ children: 3, overdueVisits: 2 })
  })

  it('keeps a supervisor inside the township: the county answers 404', async () => {
    const supervisor = await as('supervisor', TOWNSHIP)
    expect((await get(supervisor, `/api/dashboard?regionCode=${COUNTY}`)).statusCode).toBe(404)
    const mine = (await get(supervisor, '/api/dashboard')).json() as Dashboard
    expect(mine.path.map((r) => r.code)).toEqual([TOWNSHIP])
    expect(mine.totals).toEqual(HEMU)
    const down = (await get(supervisor, `/api/dashboard?regionCode=${VILLAGE}`)).json() as Dashboard
    expect(down.path.map((r) => r.code)).toEqual([TOWNSHIP, VILLAGE])
  })

  it('is for coordinators, supervisors and civil affairs only', async () => {
    expect((await get(await as('coordinator', COUNTY), '/api/dashboard')).statusCode).toBe(200)
    for (const role of ['child_director', 'volunteer', 'group_leader', 'admin'] as const) {
      expect((await get(await as(role, VILLAGE), '/api/dashboard')).statusCode, role).toBe(403)
    }
  })
})

describe('GET /api/reports/annual', () => {
  it('reports the year so far from the system\'s own figures', async () => {
    const res = await get(await as('civil_affairs', COUNTY), '/api/reports/annual?year=2026')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      region: { code: COUNTY, name: '融水苗族自治县', level: 'county' },
      year: 2026,
      asOf: '2026-03-02',
      deadline: '2026-12-01',
      // 覃已结案 was open in January: it counts for the year.
      children: { total: 5, leftBehind: 4, inDifficulty: 2, difficultyPoverty: 1, difficultyDisability: 1, difficultyGuardianship: 0, singleParent: 1, priority: 2 },
      pairings: { priorityCovered: 1, priorityCoveredPct: 50, started: 0, ended: 0, activeAtEnd: 1 },
      // Monthly contact from 5 January: one due by 2 March for each file open then (the closed one left on 1 February).
      directorVisits: { homeVisits: { done: 0, due: 0 }, contacts: { done: 1, due: 4 }, overdueNow: 3 },
      checkins: { confirmed: 0, hours: 0 },
      safeguarding: { received: 2, closed: 1, openNow: 1 },
      volunteers: { total: 1, approvedInYear: 0, byKind: { love_mother: 0, youth: 0, proxy_parent: 0, workplace: 0, social_organisation: 0, individual: 1 } },
      platformHours: 0,
      entrustedCare: { arrangements: 0, assessed: 0, findings: 0, parentsNotified: 0, carersSupported: 0, carersChanged: 0 },
      // Guangxi's winter holiday began on 31 January: its window opened on 3 January; the summer's opens in June.
      waterSafety: { windows: [expect.objectContaining({ key: '45-2026-winter', opensOn: '2026-01-03', closesOn: '2026-03-01', listed: 0, covered: 0 })] },
      directors: { total: 1, trained: 0, trainedPct: 0, villagesNeedingDirector: 1 },
      activities: {
        total: 0, byKind: { safety_knowledge: 0, holiday: 0, children_home: 0, other: 0 }, childrenReached: 0, volunteerHours: 0, villages: 2, villagesWithSafetyVisit: 0,
      },
      concerns: { recorded: 0, children: 0, referred: 0, closed: 0 },
    })
  })

  it('counts a whole past year against the duty rule, and refuses a year to come', async () => {
    const civil = await as('civil_affairs', COUNTY)
    const past = (await get(civil, '/api/reports/annual?year=2025')).json()
    expect(past).toMatchObject({ asOf: '2025-12-31', children: { total: 0 }, safeguarding: { received: 0 } })
    expect((await get(civil, '/api/reports/annual?year=2027')).statusCode).toBe(400)
    expect((await get(await as('child_director', VILLAGE), '/api/reports/annual')).statusCode).toBe(403)
  })
})

describe('GET /api/exports/annual-report.xlsx', () => {
  it('writes the same figures into a sheet', async () => {
    const { loadWorkbook, cellTexts } = await import('../../../../test/helpers/xlsx')
    const res = await get(await as('supervisor', TOWNSHIP), '/api/exports/annual-report.xlsx?year=2026')
    expect(res.statusCode).toBe(200)
    const texts = cellTexts((await loadWorkbook(res.rawPayload)).getWorksheet('工作进展情况')!)
    expect(texts[0]).toBe('和睦镇2026年农村留守儿童和困境儿童关爱服务工作进展情况')
    expect(texts).toEqual(expect.arrayContaining(['建档儿童总数（人）', '5', '重点关爱儿童结对覆盖率', '50%', '联系（含入户）：已完成 / 应完成（次）', '1 / 4']))
    expect(await t.prisma.auditLog.count({ where: { action: 'export.annual_report' } })).toBe(1)
  })
})

// Last: it adds visits, which the figures above do not expect.
describe('GET /api/dashboard: visited this month', () => {
  it("counts open files with a director's contact or a confirmed love-parent check-in since the 1st", async () => {
    const neighbour = await t.prisma.child.findFirstOrThrow({ where: { name: '覃邻村' } })
    const visit = await t.app.inject({ method: 'POST', url: `/api/children/${neighbour.id}/visits`, headers: bearer(await as('child_director', SIBLING)), payload: { kind: 'home_visit', visitedOn: '2026-03-01' } })
    expect(visit.statusCode, visit.body).toBe(201)
    // The orphan's love parent came on 1 March (08:30 in China); a pending check-in would not count.
    const pairing = await t.prisma.pairing.findFirstOrThrow({ where: { state: 'active' } })
    const checkin = (status: 'confirmed' | 'pending', startedAt: string) => t.prisma.checkin.create({
      data: { pairingId: pairing.id, volunteerId: pairing.volunteerId, startedAt: new Date(startedAt), durationMinutes: 60, contactMode: 'home_visit', summary: '读绘本', secCheck: 'pass', status, createdAt: new Date(startedAt) },
    })
    await checkin('pending', '2026-03-01T00:30:00Z')
    // Each read on a new day of March: figures are reused for half a minute per region and day.
    t.clock.set('2026-03-03T02:00:00Z')
    const civil = await as('civil_affairs', COUNTY)
    const before = ((await get(civil, `/api/dashboard?regionCode=${TOWNSHIP}`)).json() as Dashboard).totals
    expect(before.visitedThisMonth).toBe(1)
    // 23:30 on 28 February in China (15:30Z) is last month.
    await checkin('confirmed', '2026-02-28T15:30:00Z')
    await checkin('confirmed', '2026-03-01T00:30:00Z')
    t.clock.set('2026-03-04T02:00:00Z')
    const after = (await get(await as('civil_affairs', COUNTY), `/api/dashboard?regionCode=${TOWNSHIP}`)).json() as Dashboard
    expect(after.totals.visitedThisMonth).toBe(2)
    expect(after.subregions.find((r) => r.code === VILLAGE)!.figures.visitedThisMonth).toBe(1)
  })
})
