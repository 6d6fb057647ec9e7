/**
 * The demo's children have whole files, sealed like real ones, and mostly consistent with their
 * categories (a few eligibility hints are realistic; many would mean the generator is wrong).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../test/helpers/personas'
import { todayIn, warningsOf } from '../modules/children/context'
import { childInclude, fileFromRow } from '../modules/children/file'
import { seedDemo } from './demo'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
  await seedDemo(t.prisma, t.keyring)
}, 300_000)
afterAll(() => t.close())

describe('the demo children', () => {
  it('have full files: guardians with sealed phones, consent for most, risk levels, flags', async () => {
    const rows = await t.prisma.child.findMany({ where: { villageCode: { startsWith: '450225' } }, include: childInclude })
    expect(rows).toHaveLength(40)
    expect(rows.every((r) => r.guardians.length > 0 && r.riskLevel && r.filedByName)).toBe(true)
    expect(rows.flatMap((r) => r.guardians).filter((g) => g.phoneEnc).every((g) => /^t1:/.test(g.phoneEnc!))).toBe(true)
    expect(rows.filter((r) => r.consentDate).length).toBeGreaterThan(25)
    expect(rows.some((r) => r.nearWater)).toBe(true)
    expect(rows.some((r) => r.specialAttention.length > 0)).toBe(true)
    expect(new Set(rows.map((r) => r.riskLevel)).size).toBeGreaterThan(2)
    const hinted = rows.filter((r) => warningsOf(fileFromRow(r), todayIn(t.clock)).length > 0)
    expect(hinted.length).toBeLessThan(8)
  })

  it("appear on 李主任's desk, filed by her", async () => {
    const token = await tokenFor(t.app, 'demo.director.guding')
    const list = (await t.app.inject({ method: 'GET', url: '/api/children', headers: bearer(token) })).json()
    expect(list.total).toBe(10)
    const file = (await t.app.inject({ method: 'GET', url: `/api/children/${list.items[0].id}`, headers: bearer(token) })).json()
    expect(file).toMatchObject({ view: 'full', filedByName: '李芳', villageName: '古顶村委会' })
    expect(file.guardians[0].phoneMasked).toMatch(/^1\d\d\*{4}\d{4}$/)
  })
})
