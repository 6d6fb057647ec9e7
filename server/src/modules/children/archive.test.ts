import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { childBody, registerChild } from '../../../../test/helpers/children'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
const VILLAGE = '450225101201'
const TOWNSHIP = '450225101000'
const as = (role: Role, regionCode: string) => tokenFor(t.app, { role, regionCode })
const post = (token: string, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) })
const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) })

let director: string
let completed: { id: string }
let neverCompleted: { id: string }

beforeAll(async () => {
  t = await buildTestApp()
  // Files registered in 2025 (the clock moves back), then the hand-over in January 2026.
  t.clock.set('2025-06-01T02:00:00Z')
  completed = await registerChild(t.app, VILLAGE, { name: '韦一年', risk: { level: 'low', assessedAt: '2025-06-01', assessor: '李芳' } })
  neverCompleted = await registerChild(t.app, VILLAGE, { name: '韦二年' })
  t.clock.set('2026-01-20T02:00:00Z')
  director = await as('child_director', VILLAGE)
})
afterAll(() => t.close())

describe('yearly completion and hand-over', () => {
  it('completes a file for a year, and not for a year still to come', async () => {
    const res = await post(director, `/api/children/${completed.id}/complete`, { year: 2025 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ year: 2025, villageName: '古顶村委会', completedAt: '2026-01-20T02:00:00.000Z', archivedAt: null })
    expect((await post(director, `/api/children/${completed.id}/complete`, { year: 2027 })).statusCode).toBe(400)
    expect((await post(await as('supervisor', TOWNSHIP), `/api/children/${completed.id}/complete`, { year: 2025 })).statusCode).toBe(403)
  })

  it("hands the village's year to the township; the year is then read-only", async () => {
    const res = await post(director, '/api/children/handover', { year: 2025 })
    expect(res.json()).toEqual({ year: 2025, villageCode: VILLAGE, archived: 2, alreadyArchived: 0, notCompleted: 1 })
    const again = await post(director, `/api/children/${completed.id}/complete`, { year: 2025 })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toEqual({ code: 'ARCHIVED_YEAR', message: '该年度档案已移交乡镇，不能再修改' })
    expect((await post(director, '/api/children/handover', { year: 2025 })).json()).toMatchObject({ archived: 0, alreadyArchived: 2 })
    expect(await t.prisma.auditLog.count({ where: { action: 'child.handover' } })).toBe(2)
  })

  it('refuses changes to an archived year in the database too, except a key rotation re-sealing the snapshot', async () => {
    const where = { childId_year: { childId: completed.id, year: 2025 } }
    await expect(t.prisma.childYearRecord.update({ where, data: { snapshot: {} } })).rejects.toThrow(/read-only/)
    await expect(t.prisma.childYearRecord.delete({ where })).rejects.toThrow(/read-only/)
    const rec = await t.prisma.childYearRecord.findUniqueOrThrow({ where })
    const asRotation = <T>(fn: (tx: Parameters<Parameters<typeof t.prisma.$transaction>[0]>[0]) => Promise<T>) =>
      t.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('qstx.key_rotation', 'on', true)`
        return fn(tx)
      })
    // Re-sealing the snapshot is allowed; anything else is not, even during a rotation.
    await asRotation((tx) => tx.childYearRecord.update({ where, data: { snapshot: rec.snapshot ?? {} } }))
    await expect(asRotation((tx) => tx.childYearRecord.update({ where, data: { villageCode: '450225101202' } }))).rejects.toThrow(/read-only/)
    expect((await t.prisma.childYearRecord.findUniqueOrThrow({ where })).villageCode).toBe(VILLAGE)
  })

  it('keeps the live file going into the new year while the archived year stays as it was', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/children/${completed.id}`, headers: bearer(director), payload: { version: 1, risk: { level: 'critical', assessedAt: '2026-01-20', assessor: '李芳' } } })
    expect(res.statusCode).toBe(200)
    expect((await post(director, `/api/children/${completed.id}/complete`, { year: 2026 })).statusCode).toBe(200)
    const supervisor = await as('supervisor', TOWNSHIP)
    const years = (await get(supervisor, `/api/children/${completed.id}/years`)).json().items
    expect(years.map((y: { year: number; archivedAt: string | null }) => [y.year, !!y.archivedAt])).toEqual([[2026, false], [2025, true]])
    const y2025 = (await get(supervisor, `/api/children/${completed.id}/years/2025`)).json()
    expect(y2025.file).toMatchObject({ view: 'full', name: '韦一年', risk: { level: 'low' }, age: 10 })
    expect(y2025.file.idNumberMasked).toMatch(/^\*{14}/)
    expect(await t.prisma.auditLog.count({ where: { action: 'child.read_year', targetId: completed.id } })).toBe(1)
  })

  it('lets the township that received a year read it after the child moved away', async () => {
    const receiver = await as('child_director', '450225102201')
    const idNumber = t.keyring.decrypt((await t.prisma.child.findUniqueOrThrow({ where: { id: neverCompleted.id } })).idNumberEnc!)
    const { id } = (await post(receiver, '/api/children/transfers', { idNumber, reason: '迁入三防镇' })).json()
    await post(director, `/api/children/transfers/${id}/accept`)
    const oldTownship = await as('supervisor', TOWNSHIP)
    expect((await get(oldTownship, `/api/children/${neverCompleted.id}`)).statusCode).toBe(404)
    expect((await get(oldTownship, `/api/children/${neverCompleted.id}/years`)).json().items.map((y: { year: number }) => y.year)).toEqual([2025])
    expect((await get(oldTownship, `/api/children/${neverCompleted.id}/years/2025`)).statusCode).toBe(200)
    expect((await get(await as('coordinator', '450225000000'), `/api/children/${neverCompleted.id}/years`)).statusCode).toBe(404)
    expect((await get(await as('supervisor', '450225103000'), `/api/children/${neverCompleted.id}/years`)).statusCode).toBe(404)
  })

  it('does not hand over files created after the year', async () => {
    await registerChild(t.app, VILLAGE, childBody({ name: '韦新生' }))
    const res = await post(await as('child_director', VILLAGE), '/api/children/handover', { year: 2025 })
    expect(res.json()).toMatchObject({ archived: 0, alreadyArchived: 1 })
  })
})
