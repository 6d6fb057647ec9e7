import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { registerChild, testIdNumber } from '../../../../test/helpers/children'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
const VILLAGE = '450225101201'
const SIBLING = '450225101202'
const OTHER_TOWNSHIP_VILLAGE = '450225102201'
const OTHER_COUNTY_VILLAGE = '450226100201'

const as = (role: Role, regionCode: string) => tokenFor(t.app, { role, regionCode })
async function list(token: string, query = '') {
  const res = await t.app.inject({ method: 'GET', url: `/api/children${query}`, headers: bearer(token) })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { items: Array<Record<string, unknown> & { name: string; view: string }>; total: number }
}
const names = (r: { items: Array<{ name: string }> }) => r.items.map((i) => i.name).sort()

beforeAll(async () => {
  t = await buildTestApp()
  await registerChild(t.app, VILLAGE, { name: '韦小花' })
  await registerChild(t.app, VILLAGE, { name: '韦明亮', gender: 'male', birthDate: '2012-01-01', nearWater: false, risk: { level: 'critical', assessedAt: '2026-01-01', assessor: '李芳' }, consent: null })
  await registerChild(t.app, VILLAGE, {
    name: '潘国强', gender: 'male', birthDate: '2010-03-02', categories: ['left_behind'], nearWater: false, specialAttention: ['psych_behaviour'], risk: null,
  })
  await registerChild(t.app, VILLAGE, {
    name: '石秀兰', birthDate: '2009-01-01', categories: ['in_difficulty'], difficultyKinds: ['disability'], health: { status: 'disability', disabilityGrade: 2 },
    priorityReasons: ['ill_or_disabled_poor'], nearWater: false,
  })
  await registerChild(t.app, SIBLING, { name: '吴小明', gender: 'male', birthDate: '2016-05-05' })
  await registerChild(t.app, OTHER_TOWNSHIP_VILLAGE, { name: '贾小红' })
  await registerChild(t.app, OTHER_COUNTY_VILLAGE, { name: '莫小兰', idNumber: testIdNumber('2015-06-01', 'female', '450226') })
})
afterAll(() => t.close())

describe('GET /api/children', () => {
  it("scopes the list to the viewer's region", async () => {
    expect(names(await list(await as('child_director', VILLAGE)))).toEqual(['潘国强', '石秀兰', '韦小花', '韦明亮'])
    expect((await list(await as('supervisor', '450225101000'))).total).toBe(5)
    expect((await list(await as('civil_affairs', '450225000000'))).total).toBe(6)
    expect(names(await list(await as('civil_affairs', '450226000000')))).toEqual(['莫小兰'])
  })

  it('gives coordinators working rows and the desk roles desk rows without sealed values', async () => {
    const coordinator = await list(await as('coordinator', '450225000000'))
    expect(new Set(coordinator.items.map((i) => i.view))).toEqual(new Set(['working']))
    expect(coordinator.items[0]).not.toHaveProperty('idNumberLast4')
    const desk = await list(await as('child_director', VILLAGE))
    expect(desk.items[0]).toMatchObject({ view: 'desk', villageName: '古顶村委会', pairingStatus: 'unpaired' })
    expect(desk.items[0]!.idNumberLast4).toMatch(/^\d{3}[\dX]$/)
  })

  it('narrows a county desk to one village or township inside it, and to nothing outside it', async () => {
    const civil = await as('civil_affairs', '450225000000')
    expect((await list(civil, `?regionCode=${SIBLING}`)).total).toBe(1)
    expect((await list(civil, '?regionCode=450225101000')).total).toBe(5)
    expect((await list(civil, `?regionCode=${OTHER_COUNTY_VILLAGE}`)).total).toBe(0)
  })

  it('searches by any part of the name', async () => {
    const civil = await as('civil_affairs', '450225000000')
    expect(names(await list(civil, `?q=${encodeURIComponent('韦')}`))).toEqual(['韦小花', '韦明亮'])
    expect(names(await list(civil, `?q=${encodeURIComponent('小')}`))).toEqual(['吴小明', '贾小红', '韦小花'])
    expect(names(await list(civil, `?q=${encodeURIComponent('小明')}`))).toEqual(['吴小明'])
    expect(names(await list(civil, `?q=${encodeURIComponent('明小')}`))).toEqual([])
  })

  it('filters by category, risk, flags, priority, consent and pairing', async () => {
    const director = await as('child_director', VILLAGE)
    expect(names(await list(director, '?category=in_difficulty'))).toEqual(['石秀兰'])
    expect(names(await list(director, '?risk=critical'))).toEqual(['韦明亮'])
    expect(names(await list(director, '?nearWater=true'))).toEqual(['韦小花'])
    expect(names(await list(director, '?specialAttention=any'))).toEqual(['潘国强'])
    expect(names(await list(director, '?specialAttention=psych_behaviour&nearWater=false'))).toEqual(['潘国强'])
    expect(names(await list(director, '?priority=ill_or_disabled_poor'))).toEqual(['石秀兰'])
    expect(names(await list(director, '?consent=missing'))).toEqual(['韦明亮'])
    expect((await list(director, '?paired=true')).total).toBe(0)
    expect((await list(director, '?paired=false')).total).toBe(4)
  })

  it('pages through the list with a total', async () => {
    const director = await as('child_director', VILLAGE)
    const page1 = await list(director, '?pageSize=3')
    const page2 = await list(director, '?pageSize=3&page=2')
    expect(page1.total).toBe(4)
    expect([...page1.items, ...page2.items].map((i) => i.name)).toEqual(['潘国强', '石秀兰', '韦小花', '韦明亮'])
  })

  it('sorts by age or village either way, and keeps the order across pages', async () => {
    const director = await as('child_director', VILLAGE)
    const order = async (query: string) => (await list(director, query)).items.map((i) => i.name)
    expect(await order('?sort=age')).toEqual(['韦小花', '韦明亮', '潘国强', '石秀兰'])
    expect(await order('?sort=-age')).toEqual(['石秀兰', '潘国强', '韦明亮', '韦小花'])
    expect(await order('?sort=-name')).toEqual(['韦明亮', '韦小花', '石秀兰', '潘国强'])
    expect([...(await order('?sort=-age&pageSize=3')), ...(await order('?sort=-age&pageSize=3&page=2'))]).toEqual(['石秀兰', '潘国强', '韦明亮', '韦小花'])
    const township = await as('supervisor', '450225101000')
    expect((await list(township, '?sort=-village')).items[0]!.name).toBe('吴小明')
    const bad = await t.app.inject({ method: 'GET', url: '/api/children?sort=idNumber', headers: bearer(director) })
    expect(bad.statusCode).toBe(400)
  })

  it("lists the year's files still to complete, until completed or handed over", async () => {
    const director = await as('child_director', VILLAGE)
    // Registered in 2026 (the test clock): nothing owed for 2025; all four for 2026.
    expect((await list(director, '?toComplete=2025')).total).toBe(0)
    const owed = await list(director, '?toComplete=2026')
    expect(owed.total).toBe(4)
    const done = await t.app.inject({ method: 'POST', url: `/api/children/${owed.items[0]!.id}/complete`, headers: bearer(director), payload: { year: 2026 } })
    expect(done.statusCode, done.body).toBe(200)
    expect(names(await list(director, '?toComplete=2026'))).toEqual(names(owed).filter((n) => n !== owed.items[0]!.name))
  })

  it('lists children ageing out (16 left-behind, 18 in difficulty) by the injected clock', async () => {
    const director = await as('child_director', VILLAGE)
    // 2026-03-02 in China: 潘国强 turns 16 today; 石秀兰 (in difficulty) is 17.
    const today = await list(director, '?agingOut=true')
    expect(names(today)).toEqual(['潘国强'])
    expect(today.items[0]!.agingOut).toEqual(['left_behind'])
    t.clock.set('2027-01-01T00:00:00Z')
    expect(names(await list(await as('child_director', VILLAGE), '?agingOut=true'))).toEqual(['潘国强', '石秀兰'])
    t.clock.set('2026-03-02T02:00:00Z')
  })

  it('keeps closed files out unless asked for', async () => {
    const director = await as('child_director', VILLAGE)
    const [target] = (await list(director, '?agingOut=true')).items
    await t.app.inject({ method: 'POST', url: `/api/children/${target!.id}/close`, headers: bearer(director), payload: { reason: 'aged_out' } })
    expect(names(await list(director, '?agingOut=true'))).toEqual([])
    expect(names(await list(director, '?status=closed'))).toEqual(['潘国强'])
    expect((await list(director, '?status=all')).total).toBe(4)
  })

  it('is refused to roles without a children list', async () => {
    for (const [role, region] of [['volunteer', VILLAGE], ['admin', '450000000000'], ['group_leader', '450225000000']] as const) {
      const res = await t.app.inject({ method: 'GET', url: '/api/children', headers: bearer(await as(role, region)) })
      expect(res.statusCode, role).toBe(403)
    }
  })
})
