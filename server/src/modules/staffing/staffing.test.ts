import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
const BIG = '450225102201' // a village of 三防镇 that grows past 30 children
const SMALL = '450225102202'
const TOWNSHIP = '450225102000'
const COUNTY = '450225000000'

beforeAll(async () => {
  t = await buildTestApp() // 2026-03-02 in China
})
afterAll(() => t.close())

const call = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) })
const civil = () => tokenFor(t.app, { role: 'civil_affairs', regionCode: COUNTY })

function children(villageCode: string, n: number, from = 0) {
  return t.prisma.child.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      villageCode, name: `蒙${String(from + i).padStart(2, '0')}`, displayName: '小蒙', gender: 'male' as const, birthDate: new Date('2015-05-01'), categories: ['left_behind' as const],
      createdAt: new Date('2026-01-05T02:00:00Z'),
    })),
  })
}
async function directorAt(villageCode: string, name: string) {
  const user = await t.prisma.user.create({ data: { displayName: name } })
  await t.prisma.roleAssignment.create({ data: { userId: user.id, role: 'child_director', regionCode: villageCode } })
  return user.id
}

describe('villages over 30 served children', () => {
  it('flags a village at 31 children with one director, not at 30; a second director clears it; the dashboards agree', async () => {
    const first = await directorAt(BIG, '蒙主任')
    await directorAt(SMALL, '石主任')
    await children(BIG, 30)
    await children(SMALL, 3)
    const supervisor = await tokenFor(t.app, { role: 'supervisor', regionCode: TOWNSHIP })
    const village = async () => (await call(supervisor, 'GET', '/api/staffing')).json().villages.find((v: { code: string }) => v.code === BIG)
    expect(await village()).toMatchObject({ children: 30, directors: 1, needed: 1, flag: null })
    expect((await call(supervisor, 'GET', '/api/dashboard')).json().totals.villagesNeedingDirector).toBe(0)

    await children(BIG, 1, 30)
    expect(await village()).toMatchObject({ children: 31, directors: 1, needed: 2, flag: 'needs_extra_director' })
    const county = (await call(await civil(), 'GET', '/api/dashboard')).json()
    expect(county.subregions.find((r: { code: string }) => r.code === TOWNSHIP).figures.villagesNeedingDirector).toBe(1)

    const second = await directorAt(BIG, '韦主任')
    expect(await village()).toMatchObject({ directors: 2, flag: null })
    expect(new Set([first, second]).size).toBe(2)
  })
})

describe('sharing a village\'s children among its directors', () => {
  it('gives each director a calendar of their own children (and those nobody keeps yet)', async () => {
    const [a, b] = (await t.prisma.roleAssignment.findMany({ where: { regionCode: BIG, role: 'child_director' }, orderBy: { createdAt: 'asc' } })).map((r) => r.userId)
    const tokenA = await tokenFor(t.app, { role: 'child_director', regionCode: BIG })
    const kids = (await call(tokenA, 'GET', '/api/staffing')).json().assignments as Array<{ childId: string; directorUserId: string | null }>
    expect(kids).toHaveLength(31)
    for (const [i, k] of kids.slice(0, 20).entries()) {
      expect((await call(tokenA, 'PUT', `/api/children/${k.childId}/director`, { directorUserId: i < 10 ? a : b })).statusCode).toBe(200)
    }
    const mine = (await call(tokenA, 'GET', '/api/duty/calendar?mine=true&pageSize=100')).json()
    expect(mine.total).toBe(21) // 10 of its own and 11 nobody keeps
    expect(mine.items.every((r: { directorUserId: string | null }) => r.directorUserId === a || r.directorUserId === null)).toBe(true)
    expect((await call(tokenA, 'GET', '/api/duty/calendar?pageSize=100')).json().total).toBe(31)
    const staffing = (await call(tokenA, 'GET', '/api/staffing')).json()
    expect(staffing.directors.map((d: { assigned: number }) => d.assigned)).toEqual([10, 10])

    // Only a director serving in the child's village may keep the child.
    const elsewhere = (await t.prisma.roleAssignment.findFirstOrThrow({ where: { regionCode: SMALL, role: 'child_director' } })).userId
    const wrong = await call(tokenA, 'PUT', `/api/children/${kids[25]!.childId}/director`, { directorUserId: elsewhere })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().code).toBe('DIRECTOR_NOT_IN_VILLAGE')
    expect((await call(await tokenFor(t.app, { role: 'child_director', regionCode: SMALL }), 'PUT', `/api/children/${kids[25]!.childId}/director`, { directorUserId: null })).statusCode).toBe(404)
  })
})

describe('the training record (培训档案) and the year\'s full coverage', () => {
  it('counts a training in its calendar year: 31 December does not cover the next year, 1 January does', async () => {
    const county = await civil()
    const directors = (await call(county, 'GET', `/api/staffing?regionCode=${TOWNSHIP}`)).json().directors as Array<{ userId: string; name: string }>
    const small = directors.find((d) => d.name === '石主任')!
    const ids = directors.map((d) => d.userId)
    const training = { course: '儿童主任业务培训', organiser: '融水县民政局', hours: 6 }
    expect((await call(county, 'POST', '/api/staffing/trainings', { ...training, userIds: ids, trainedOn: '2025-12-31' })).statusCode).toBe(201)
    const untrained = async () => (await call(county, 'GET', `/api/staffing?regionCode=${TOWNSHIP}`)).json().directors.filter((d: { trainedThisYear: boolean }) => !d.trainedThisYear).length
    expect(await untrained()).toBe(3)

    expect((await call(county, 'POST', '/api/staffing/trainings', { ...training, userIds: ids.filter((id) => id !== small.userId), trainedOn: '2026-01-01' })).statusCode).toBe(201)
    expect(await untrained()).toBe(1)
    // The dashboard's figures are shared for half a minute per region and day: read them on the next day.
    t.clock.set('2026-03-03T02:00:00Z')
    const nextDay = await civil()
    const dash = (await call(nextDay, 'GET', `/api/dashboard?regionCode=${TOWNSHIP}`)).json()
    expect(dash.totals).toMatchObject({ directors: 3, directorsUntrained: 1 })
    const list = (await call(nextDay, 'GET', `/api/staffing?regionCode=${TOWNSHIP}`)).json().directors
    expect(list.filter((d: { trainedThisYear: boolean }) => !d.trainedThisYear).map((d: { name: string }) => d.name)).toEqual(['石主任'])
    expect(list.find((d: { name: string }) => d.name === '石主任').lastTrainedOn).toBe('2025-12-31')

    const record = (await call(nextDay, 'GET', `/api/staffing/directors/${small.userId}/trainings`)).json()
    expect(record.items).toEqual([expect.objectContaining({ trainedOn: '2025-12-31', course: '儿童主任业务培训', hours: 6, recordedByName: '测试县级民政' })])
    const report = (await call(nextDay, 'GET', '/api/reports/annual?year=2026')).json()
    expect(report.directors).toMatchObject({ total: 3, trained: 2, trainedPct: 66.7 })
  })

  it('refuses a date to come and a director outside the county (as if missing), writing nothing', async () => {
    t.clock.set('2026-03-02T02:00:00Z')
    const county = await civil()
    const [d] = (await call(county, 'GET', '/api/staffing')).json().directors
    const future = await call(county, 'POST', '/api/staffing/trainings', { userIds: [d.userId], trainedOn: '2026-03-03', course: '培训', organiser: '民政局', hours: 2 })
    expect(future.statusCode).toBe(400)
    const outsider = await directorAt('450226100201', '外县主任')
    const before = await t.prisma.directorTraining.count()
    const res = await call(county, 'POST', '/api/staffing/trainings', { userIds: [d.userId, outsider], trainedOn: '2026-03-01', course: '培训', organiser: '民政局', hours: 2 })
    expect(res.statusCode).toBe(404)
    expect(await t.prisma.directorTraining.count()).toBe(before)
    expect((await call(county, 'GET', `/api/staffing/directors/${outsider}/trainings`)).statusCode).toBe(404)
  })
})
