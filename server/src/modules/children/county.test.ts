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

  it('derives facets that agree with the columns, so filters find exactly the matching files', async () => {
    const disagree = await t.prisma.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM children WHERE "villageCode" LIKE '459901%' AND NOT (
        ('cat:in_difficulty' = ANY(facets)) = ('in_difficulty' = ANY(categories))
        AND ('risk:high' = ANY(facets)) = ("riskLevel" IS NOT DISTINCT FROM 'high')
        AND ('near_water' = ANY(facets)) = "nearWater"
        AND ('sa:any' = ANY(facets)) = (cardinality("specialAttention") > 0)
        AND ('consent:missing' = ANY(facets)) = ("consentGivenBy" IS NULL OR "consentDate" IS NULL))`
    expect(Number(disagree[0]!.n)).toBe(0)
    const civil = await tokenFor(t.app, { role: 'civil_affairs', regionCode: BENCH_COUNTY })
    const found = await list(civil, '?category=in_difficulty&risk=high&nearWater=true&pageSize=100')
    const expected = await t.prisma.child.count({ where: { villageCode: { startsWith: '459901' }, categories: { has: 'in_difficulty' }, riskLevel: 'high', nearWater: true } })
    expect(found.total).toBe(expected)
    expect(found.items.every((i: { categories: string[]; riskLevel: string; nearWater: boolean }) => i.categories.includes('in_difficulty') && i.riskLevel === 'high' && i.nearWater)).toBe(true)
  })

  it('serves a generated file to its director, ID number masked', async () => {
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: benchVillage(0, 0) })
    const res = await t.app.inject({ method: 'GET', url: `/api/children/${benchChildId(0)}`, headers: bearer(director) })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ view: 'full', villageName: '测压1镇1村委会', idNumberMasked: expect.stringMatching(/^\*{14}\d{3}[\dX]$/) })
  })
})
