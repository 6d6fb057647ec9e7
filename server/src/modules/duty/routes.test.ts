import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dutyOf } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
const VILLAGE = '450225101201'
const NEIGHBOUR = '450225101202'
const TOWNSHIP = '450225101000'

beforeAll(async () => {
  t = await buildTestApp() // clock: 2026-03-02 10:00 in China
})
afterAll(() => t.close())

/** A child filed on `filedOn` (China date), with optional last visits and flags, straight into the table. */
async function child(name: string, filedOn: string, extra: Record<string, unknown> = {}, villageCode = VILLAGE) {
  return t.prisma.child.create({
    data: { villageCode, name, displayName: name.slice(1), gender: 'female', birthDate: new Date('2016-04-01'), categories: ['left_behind'], createdAt: new Date(`${filedOn}T02:00:00Z`), ...extra },
  })
}
const visit = (token: string, id: string, body: object) => t.app.inject({ method: 'POST', url: `/api/children/${id}/visits`, headers: bearer(token), payload: body })
const calendar = async (token: string, query = '') => (await t.app.inject({ method: 'GET', url: `/api/duty/calendar${query}`, headers: bearer(token) })).json()

describe('POST /api/children/:id/visits', () => {
  it('records a home visit and moves the file\'s last home visit forward, never back', async () => {
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE })
    const c = await child('韦一', '2026-01-05')
    expect((await visit(director, c.id, { kind: 'home_visit', visitedOn: '2026-02-20', problems: '祖母腿脚不便', measures: '联系村医上门' })).statusCode).toBe(201)
    expect((await visit(director, c.id, { kind: 'home_visit', visitedOn: '2026-01-20' })).statusCode).toBe(201)
    const row = await t.prisma.child.findUniqueOrThrow({ where: { id: c.id } })
    expect(row.lastHomeVisitOn?.toISOString().slice(0, 10)).toBe('2026-02-20')
    const list = (await t.app.inject({ method: 'GET', url: `/api/children/${c.id}/visits`, headers: bearer(director) })).json().items
    expect(list.map((v: { visitedOn: string }) => v.visitedOn)).toEqual(['2026-02-20', '2026-01-20'])
    expect(list[0]).toMatchObject({ kind: 'home_visit', problems: '祖母腿脚不便', measures: '联系村医上门', byName: '测试儿童主任' })
  })

  it('refuses a future date, another village\'s director (404) and a supervisor (403)', async () => {
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE })
    const c = await child('韦二', '2026-01-05')
    const future = await visit(director, c.id, { kind: 'contact', visitedOn: '2026-03-03' })
    expect(future.statusCode).toBe(400)
    expect(future.json().fields.visitedOn).toBe('走访日期不能晚于今天')
    expect((await visit(await tokenFor(t.app, { role: 'child_director', regionCode: NEIGHBOUR }), c.id, { kind: 'contact', visitedOn: '2026-03-01' })).statusCode).toBe(404)
    expect((await visit(await tokenFor(t.app, { role: 'supervisor', regionCode: TOWNSHIP }), c.id, { kind: 'contact', visitedOn: '2026-03-01' })).statusCode).toBe(403)
  })
})

describe('GET /api/duty/calendar', () => {
  it('lists who is overdue and due this week, heightened cases first in line, and agrees with dutyOf()', async () => {
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: NEIGHBOUR })
    const never = await child('覃未访', '2026-01-05', {}, NEIGHBOUR)
    const recent = await child('覃已联系', '2026-01-05', {}, NEIGHBOUR)
    await visit(director, recent.id, { kind: 'contact', visitedOn: '2026-02-25' })
    const risky = await child('覃高风险', '2026-01-05', { riskLevel: 'high' }, NEIGHBOUR)
    await visit(director, risky.id, { kind: 'contact', visitedOn: '2026-02-20' })
    await visit(director, risky.id, { kind: 'home_visit', visitedOn: '2026-02-20' })

    const cal = await calendar(director)
    const byName = Object.fromEntries(cal.items.map((r: { name: string }) => [r.name, r]))
    expect(cal.today).toBe('2026-03-02')
    expect(byName['覃未访']).toMatchObject({ contactStatus: 'overdue', nextContactOn: '2026-02-05', nextHomeVisitOn: '2026-04-05' })
    expect(byName['覃已联系']).toMatchObject({ contactStatus: 'ok', nextContactOn: '2026-03-25' })
    expect(byName['覃高风险']).toMatchObject({ heightenedReasons: ['high_risk'], nextContactOn: '2026-03-06', contactStatus: 'due_soon', nextHomeVisitOn: '2026-03-20' })
    expect(cal.counts).toEqual({ overdue: 1, dueSoon: 1, heightened: 1, entrusted: 0, nearWater: 0, waterPending: 0 })
    for (const r of cal.items) {
      const facts = { filedOn: '2026-01-05', lastContactOn: r.lastContactOn, lastHomeVisitOn: r.lastHomeVisitOn, heightenedReasons: r.heightenedReasons }
      expect(dutyOf(facts, NEIGHBOUR, cal.today)).toMatchObject({ nextContactOn: r.nextContactOn, nextHomeVisitOn: r.nextHomeVisitOn, contactStatus: r.contactStatus })
    }
    expect((await calendar(director, '?status=overdue')).items.map((r: { name: string }) => r.name)).toEqual(['覃未访'])
    void never
  })

  it('tightens the cadence while a safeguarding report about the child is open', async () => {
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE })
    const c = await child('韦报告', '2026-01-05')
    await visit(director, c.id, { kind: 'contact', visitedOn: '2026-02-25' })
    const before = (await calendar(director)).items.find((r: { childId: string }) => r.childId === c.id)
    expect(before.nextContactOn).toBe('2026-03-25')
    await t.app.inject({ method: 'POST', url: '/api/safeguarding/reports', headers: bearer(director), payload: { childId: c.id, kind: 'neglect_guardianship', urgency: 'concern', seen: '孩子经常一个人在家', seenAt: '2026-03-01T08:00:00Z' } })
    const after = (await calendar(director)).items.find((r: { childId: string }) => r.childId === c.id)
    expect(after).toMatchObject({ heightenedReasons: ['open_report'], nextContactOn: '2026-03-11' })
  })

  it('shows the township supervisor every village of the township, and no one else\'s', async () => {
    const supervisor = await tokenFor(t.app, { role: 'supervisor', regionCode: TOWNSHIP })
    const villages = new Set((await calendar(supervisor, '?pageSize=100')).items.map((r: { villageCode: string }) => r.villageCode))
    expect([...villages].sort()).toEqual([VILLAGE, NEIGHBOUR])
    const other = await tokenFor(t.app, { role: 'supervisor', regionCode: '450225102000' })
    expect((await calendar(other)).total).toBe(0)
    const coordinator = await tokenFor(t.app, { role: 'coordinator', regionCode: '450225000000' })
    expect((await t.app.inject({ method: 'GET', url: '/api/duty/calendar', headers: bearer(coordinator) })).statusCode).toBe(403)
  })

  it('carries a quarterly home visit across the year boundary', async () => {
    t.clock.set('2026-01-10T02:00:00Z')
    try {
      const director = await tokenFor(t.app, { role: 'child_director', regionCode: '450225102201' })
      const c = await child('石跨年', '2025-06-01', {}, '450225102201')
      await visit(director, c.id, { kind: 'home_visit', visitedOn: '2025-11-30' })
      const row = (await calendar(director)).items.find((r: { childId: string }) => r.childId === c.id)
      expect(row).toMatchObject({ nextHomeVisitOn: '2026-02-28', nextContactOn: '2025-12-30', contactStatus: 'overdue', homeVisitStatus: 'ok' })
    } finally {
      t.clock.set('2026-03-02T02:00:00Z')
    }
  })
})
