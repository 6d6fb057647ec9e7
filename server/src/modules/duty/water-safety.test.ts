/**
 * 防溺水: the near-water child's talk before each school holiday, on the director's calendar and
 * the love parent's record, and the township's and county's coverage — at the windows' edges in
 * Guangxi's and Shanxi's calendars (shared/care/holidays.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { activePairing, checkinBody, decide, recordCheckin } from '../../../../test/helpers/checkins'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
const VILLAGE = '450225101201'
const TOWNSHIP = '450225101000'
const COUNTY = '450225000000'

beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const at = (day: string) => t.clock.set(`${day}T02:00:00Z`) // 10:00 in China
const director = (village = VILLAGE) => tokenFor(t.app, { role: 'child_director', regionCode: village })
const get = async (token: string, url: string) => (await t.app.inject({ method: 'GET', url, headers: bearer(token) })).json()
const waterList = async (village = VILLAGE) => get(await director(village), '/api/duty/calendar?status=water&pageSize=100')
const row = (cal: { items: Array<{ childId: string }> }, id: string) => cal.items.find((r) => r.childId === id) as Record<string, unknown> | undefined

function nearWaterChild(name: string, villageCode = VILLAGE, nearWater = true) {
  return t.prisma.child.create({
    data: { villageCode, name, displayName: name.slice(1), gender: 'male', birthDate: new Date('2015-05-01'), categories: ['left_behind'], nearWater, createdAt: new Date('2026-01-05T02:00:00Z') },
  })
}

describe('the director\'s task before Guangxi\'s summer holiday (4 July 2026)', () => {
  it('appears on the 28th day before, turns due in the last week, overdue on the first day of the holiday, and is done by a visit\'s talk', async () => {
    const river = await nearWaterChild('潘河边')
    const late = await nearWaterChild('潘未讲')
    const dry = await nearWaterChild('潘山上', VILLAGE, false)

    at('2026-06-05')
    let cal = await waterList()
    expect(row(cal, river.id)).toMatchObject({ nearWater: true, waterSafety: null })
    expect(row(cal, dry.id)).toBeUndefined()
    expect(cal.waterWindow).toMatchObject({ current: false, holidayKind: 'summer', opensOn: '2026-06-06', dueOn: '2026-07-03', provisional: true })
    expect(cal.counts).toMatchObject({ nearWater: 2, waterPending: 0 })

    at('2026-06-06')
    cal = await waterList()
    expect(row(cal, river.id)).toMatchObject({ waterSafety: { dueOn: '2026-07-03', status: 'ok', lastTalkOn: null } })
    expect(cal.waterWindow).toMatchObject({ current: true, label: '2026年暑假前防溺水教育' })
    expect(cal.counts.waterPending).toBe(2)

    at('2026-06-26')
    expect(row(await waterList(), river.id)).toMatchObject({ waterSafety: { status: 'due_soon' } })
    const res = await t.app.inject({
      method: 'POST', url: `/api/children/${river.id}/visits`, headers: bearer(await director()),
      payload: { kind: 'home_visit', visitedOn: '2026-06-26', waterSafety: { content: '不私自下河游泳，不到无大人陪同的水边玩' } },
    })
    expect(res.statusCode).toBe(201)
    cal = await waterList()
    expect(row(cal, river.id)).toMatchObject({ waterSafety: { status: 'done', lastTalkOn: '2026-06-26' } })
    // Talks still to give are listed first.
    expect(cal.items[0].childId).toBe(late.id)
    const visits = await get(await director(), `/api/children/${river.id}/visits`)
    expect(visits.items[0].waterSafety).toBe('不私自下河游泳，不到无大人陪同的水边玩')

    at('2026-07-04')
    expect(row(await waterList(), late.id)).toMatchObject({ waterSafety: { status: 'overdue' } })
    at('2026-09-01')
    cal = await waterList()
    expect(row(cal, late.id)).toMatchObject({ waterSafety: null })
    expect(cal.waterWindow).toMatchObject({ current: false, holidayKind: 'winter', opensOn: '2026-12-26' })
  })
})

describe('the love parent\'s task', () => {
  it('shows on the volunteer\'s record, done by their own water-safety check-in; the director\'s once it is confirmed', async () => {
    at('2026-06-10')
    const { pairingId, childId, volunteer } = await activePairing(t)
    await t.prisma.child.update({ where: { id: childId }, data: { nearWater: true, createdAt: t.clock.now() } })
    let mine = await get(volunteer.token, '/api/checkins/mine')
    expect(mine.pairings[0].waterSafety).toEqual({ label: '2026年暑假前防溺水教育', dueOn: '2026-07-03', done: false })

    const id = await recordCheckin(t, volunteer.token, checkinBody(t, pairingId, { serviceTypes: ['water_safety', 'companionship'], summary: '讲了防溺水六不准，孩子复述了一遍' }))
    mine = await get(volunteer.token, '/api/checkins/mine')
    expect(mine.pairings[0].waterSafety.done).toBe(true)
    expect(row(await waterList(), childId)).toMatchObject({ waterSafety: { status: 'ok' } })

    expect((await decide(t, await director(), id, 'confirm')).statusCode).toBe(200)
    expect(row(await waterList(), childId)).toMatchObject({ waterSafety: { status: 'done', lastTalkOn: '2026-06-10' } })
  })
})

describe('Shanxi\'s calendar', () => {
  it('opens the window on 13 June 2026 for a summer holiday from 11 July, not on 12 June', async () => {
    const village = (await t.prisma.region.findFirstOrThrow({ where: { level: 'village', code: { startsWith: '14' } }, orderBy: { code: 'asc' } })).code
    const c = await nearWaterChild('王汾河', village)
    at('2026-06-12')
    let cal = await waterList(village)
    expect(row(cal, c.id)).toMatchObject({ waterSafety: null })
    expect(cal.waterWindow).toMatchObject({ current: false, opensOn: '2026-06-13', dueOn: '2026-07-10' })
    at('2026-06-13')
    cal = await waterList(village)
    expect(row(cal, c.id)).toMatchObject({ waterSafety: { dueOn: '2026-07-10', status: 'ok' } })
  })
})

describe('coverage of the near-water list', () => {
  it('shows the township and county how many near-water children had the talk, and the annual report counts each holiday', async () => {
    at('2026-07-10')
    const dash = await get(await tokenFor(t.app, { role: 'supervisor', regionCode: TOWNSHIP }), '/api/dashboard')
    expect(dash.waterWindow).toMatchObject({ key: '45-2026-summer', opensOn: '2026-06-06', closesOn: '2026-08-31' })
    // 潘河边 by the director, the paired child by the confirmed check-in; 潘未讲 not.
    expect(dash.totals).toMatchObject({ nearWater: 3, waterSafetyCovered: 2 })
    const report = await get(await tokenFor(t.app, { role: 'civil_affairs', regionCode: COUNTY }), '/api/reports/annual?year=2026')
    expect(report.waterSafety.windows).toEqual([
      expect.objectContaining({ key: '45-2026-winter', listed: 2, covered: 0 }),
      expect.objectContaining({ key: '45-2026-summer', listed: 3, covered: 2 }),
    ])
  })
})
