/**
 * The desk list over a generated county (the bench fixture, smaller): totals capped at 1000, every
 * facet the trigger derives agreeing with the columns it comes from, and the generated files
 * readable through the API (sealed with the app's own keyring).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../../test/helpers/personas'
import { BENCH_COUNTY, benchChildId, benchVillage, generateCounty } from '../../../../test/bench/fixtures/children'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
  await generateCounty(t.prisma, t.keyring, { children: 1300, townships: 2, villagesPerTownship: 3, batchSize: 500 })
}, 120_000)
afterAll(() => t.close())

const list = async (token: string, query = '') => (await t.app.inject({ method: 'GET', url: `/api/children${query}`, headers: bearer(token) })).json()

describe('a county of generated files', () => {
  it('caps totals at 1000 across the county and counts a village exactly', async () => {
    const civil = await tokenFor(t.app, { role: 'civil_affairs', regionCode: BENCH_COUNTY })
    expect(await list(civil)).toMatchObject({ total: 1000, totalCapped: true })
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: benchVillage(0, 0) })
    const village = await list(director)
    expect(village).toMatchObject({ total: 217, totalCapped: false })
    expect(village.items).toHaveLength(20)
  })

  it('pages a broad filter the same way when it remembers the filter is broad (a minute) as when it counts', async () => {
    const civil = await tokenFor(t.app, { role: 'civil_affairs', regionCode: BENCH_COUNTY })
    const ids = (body: { items: Array<{ id: string }> }) => body.items.map((i) => i.id)
    const counted = await list(civil, '?page=2&sort=name')
    expect(counted).toMatchObject({ total: 1000, totalCapped: true, page: 2 })
    const remembered = await list(civil, '?page=2&sort=name')
    expect(remembered).toMatchObject({ total: 1000, totalCapped: true })
    expect(ids(remembered)).toEqual(ids(counted))
    // Page 1 and page 2 meet in name order, from either way of reading.
    const first = await list(civil, '?page=1&sort=name')
    expect([...first.items, ...remembered.items].map((i: { name: string }) => i.name)).toEqual([...first.items, ...remembered.items].map((i: { name: string }) => i.name).sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)))
    t.clock.advance(61_000)
    expect(ids(await list(civil, '?page=2&sort=name'))).toEqual(ids(counted))
  })

  it('pages a narrow filter the same way when it remembers the filter is narrow as when it learns it', async () => {
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: benchVillage(0, 0) })
    for (const query of ['?sort=name', '?sort=-age&page=3', '?sort=village&page=11', '?sort=name&page=12', '?category=in_difficulty&sort=-name']) {
      t.clock.advance(61_000) // forgotten: the general statement counts and learns
      const learnt = await list(director, query)
      const remembered = await list(director, query)
      expect(remembered, query).toEqual(learnt)
    }
    expect((await list(director, '?sort=name&page=12')).items).toEqual([])
    expect((await list(director, '?sort=village&page=11')).items).toHaveLength(17)
  })

  it('derives facets that agree with the columns, so filters find exactly the matching files', async () => {
    const disagree = await t.prisma.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM children WHERE "villageCode" LIKE '459901%' AND NOT (
        ('459901:cat:in_difficulty' = ANY(facets)) = ('in_difficulty' = ANY(categories))
        AND ('459901:risk:high' = ANY(facets)) = ("riskLevel" IS NOT DISTINCT FROM 'high')
        AND ('459901:near_water' = ANY(facets)) = "nearWater"
        AND ('459901:sa:any' = ANY(facets)) = (cardinality("specialAttention") > 0)
        AND ('459901:consent:missing' = ANY(facets)) = ("consentGivenBy" IS NULL OR "consentDate" IS NULL)
        AND '459901:' || left(name, 1) = ANY("nameGrams"))`
    expect(Number(disagree[0]!.n)).toBe(0)
    const civil = await tokenFor(t.app, { role: 'civil_affairs', regionCode: BENCH_COUNTY })
    const found = await list(civil, '?category=in_difficulty&risk=high&nearWater=true&pageSize=100')
    const expected = await t.prisma.child.count({ where: { villageCode: { startsWith: '459901' }, categories: { has: 'in_difficulty' }, riskLevel: 'high', nearWater: true } })
    expect(found.total).toBe(expected)
    expect(found.items.every((i: { categories: string[]; riskLevel: string; nearWater: boolean }) => i.categories.includes('in_difficulty') && i.riskLevel === 'high' && i.nearWater)).toBe(true)
  })

  it("searches only the asker's county, and a file that moves county is found in its new one", async () => {
    // A copy of the county next door, with the same names: its files must not reach this county's
    // search (the tokens carry the county), nor the other way round.
    const child = await t.prisma.child.findUniqueOrThrow({ where: { id: benchChildId(7) }, select: { name: true } })
    const civil = await tokenFor(t.app, { role: 'civil_affairs', regionCode: BENCH_COUNTY })
    const q = `?q=${encodeURIComponent(child.name)}&pageSize=100`
    const before = (await list(civil, q)).items.map((i: { id: string }) => i.id)
    expect(before).toContain(benchChildId(7))

    await t.prisma.region.createMany({ data: [
      { code: '459902000000', name: '邻县', level: 'county', parentCode: '459900000000' },
      { code: '459902001000', name: '邻县1镇', level: 'township', parentCode: '459902000000' },
      { code: '459902001201', name: '邻县1镇1村委会', level: 'village', parentCode: '459902001000' },
    ] })
    await t.prisma.child.update({ where: { id: benchChildId(7) }, data: { villageCode: '459902001201' } })
    const neighbour = await tokenFor(t.app, { role: 'civil_affairs', regionCode: '459902000000' })
    expect((await list(neighbour, q)).items.map((i: { id: string }) => i.id)).toEqual([benchChildId(7)])
    expect((await list(civil, q)).items.map((i: { id: string }) => i.id)).toEqual(before.filter((id: string) => id !== benchChildId(7)))
    expect((await list(neighbour, '?category=left_behind&pageSize=100')).total + (await list(neighbour, '?category=in_difficulty&pageSize=100')).total).toBeGreaterThan(0)
  })

  it('reads a filter remembered as narrow the general way once it matches more than the cap', async () => {
    const civil = await tokenFor(t.app, { role: 'civil_affairs', regionCode: BENCH_COUNTY })
    t.clock.advance(61_000)
    const few = await list(civil, '?risk=critical')
    expect(few.totalCapped).toBe(false)
    await t.prisma.$executeRaw`UPDATE children SET "riskLevel" = 'critical', "riskAssessedAt" = coalesce("riskAssessedAt", '2026-01-01') WHERE "villageCode" LIKE '459901%'`
    const many = await list(civil, '?risk=critical&sort=name')
    expect(many).toMatchObject({ total: 1000, totalCapped: true })
    expect(many.items.map((i: { riskLevel: string }) => i.riskLevel)).toEqual(Array(20).fill('critical'))
    t.clock.advance(61_000)
    expect(await list(civil, '?risk=critical&sort=name')).toEqual(many)
  })

  it('serves a generated file to its director, ID number masked', async () => {
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: benchVillage(0, 0) })
    const res = await t.app.inject({ method: 'GET', url: `/api/children/${benchChildId(0)}`, headers: bearer(director) })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ view: 'full', villageName: '测压1镇1村委会', idNumberMasked: expect.stringMatching(/^\*{14}\d{3}[\dX]$/) })
  })
})
