import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { pairableVolunteer } from '../../../../test/helpers/pairings'
import { bearer, tokenFor } from '../../../../test/helpers/personas'
import { volunteerRow } from '../../../../test/helpers/volunteers'

let t: TestContext
const VILLAGE = '450225101201'
const NEIGHBOUR = '450225101202'
const TOWNSHIP = '450225101000'
const COUNTY = '450225000000'
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a0a80000000049454e44ae426082', 'hex')

beforeAll(async () => {
  t = await buildTestApp() // 2026-03-02 in China
})
afterAll(() => t.close())

const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) })
const as = (role: 'coordinator' | 'child_director' | 'supervisor' | 'civil_affairs' | 'group_leader', regionCode: string) => tokenFor(t.app, { role, regionCode })
const child = (villageCode: string, name: string) => t.prisma.child.create({
  data: { villageCode, name, displayName: name.slice(1), gender: 'female', birthDate: new Date('2016-04-01'), categories: ['left_behind'], createdAt: new Date('2026-01-05T02:00:00Z') },
})
const activity = (overrides: object = {}) => ({
  villageCode: VILLAGE, heldOn: '2026-03-01', kind: 'safety_knowledge', title: '防溺水安全知识进村', place: '古顶村儿童之家', organiser: '融水县妇联',
  content: '讲解防溺水六不准，演示救生圈使用', childrenReached: 12, childIds: [], volunteers: [], ...overrides,
})

describe('recording an activity and confirming the volunteers\' hours', () => {
  it('counts confirmed hours in the volunteer\'s record like a check-in, once, and only by the village\'s director', async () => {
    const kids = [await child(VILLAGE, '韦活动一'), await child(VILLAGE, '韦活动二')]
    const wang = await pairableVolunteer(t, { regionCode: TOWNSHIP })
    const li = await pairableVolunteer(t, { regionCode: TOWNSHIP })
    const coordinator = await as('coordinator', COUNTY)
    const options = (await call(coordinator, 'GET', `/api/activities/volunteer-options?villageCode=${VILLAGE}`)).json().items.map((o: { volunteerId: string }) => o.volunteerId)
    expect(options).toEqual(expect.arrayContaining([wang.volunteerId, li.volunteerId]))
    const res = await call(coordinator, 'POST', '/api/activities', activity({
      childIds: kids.map((k) => k.id), volunteers: [{ volunteerId: wang.volunteerId, minutes: 120 }, { volunteerId: li.volunteerId, minutes: 90 }],
    }))
    expect(res.statusCode).toBe(201)
    const id = res.json().id
    const detail = (await call(coordinator, 'GET', `/api/activities/${id}`)).json()
    expect(detail).toMatchObject({ kind: 'safety_knowledge', childrenReached: 12, linkedChildren: 2, villageName: expect.any(String), recordedByName: '测试妇联协调员' })
    expect(detail.children.map((c: { name: string }) => c.name).sort()).toEqual(['韦活动一', '韦活动二'])
    expect(detail.services.map((s: { status: string }) => s.status)).toEqual(['pending', 'pending'])
    const wangService = detail.services.find((s: { minutes: number }) => s.minutes === 120).id
    const liService = detail.services.find((s: { minutes: number }) => s.minutes === 90).id

    expect((await call(await as('supervisor', TOWNSHIP), 'POST', `/api/activities/${id}/services/${wangService}/decision`, { decision: 'confirm' })).statusCode).toBe(403)
    expect((await call(await as('child_director', NEIGHBOUR), 'POST', `/api/activities/${id}/services/${wangService}/decision`, { decision: 'confirm' })).statusCode).toBe(404)
    const director = await as('child_director', VILLAGE)
    expect((await call(director, 'POST', `/api/activities/${id}/services/${wangService}/decision`, { decision: 'confirm' })).json()).toEqual({ id: wangService, status: 'confirmed' })
    const again = await call(director, 'POST', `/api/activities/${id}/services/${wangService}/decision`, { decision: 'dispute', note: '当天没来' })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('ACTIVITY_SERVICE_DECIDED')
    expect((await call(director, 'POST', `/api/activities/${id}/services/${liService}/decision`, { decision: 'dispute', note: '签到表上没有' })).statusCode).toBe(200)

    const mine = (await call(wang.token, 'GET', '/api/checkins/mine')).json()
    expect(mine.totals).toMatchObject({ hours: 2, points: 2 })
    expect(mine.activities).toEqual({ confirmed: 1, pending: 0, hours: 2 })
    expect((await call(li.token, 'GET', '/api/checkins/mine')).json().totals.hours).toBe(0)
    expect(await t.prisma.notification.count({ where: { recipientUserId: wang.userId, kind: 'activity.service.confirmed' } })).toBe(1)
    // The county's list shows it with its volunteers, none waiting any more.
    const list = (await call(await as('civil_affairs', COUNTY), 'GET', '/api/activities?year=2026')).json()
    expect(list.items[0]).toMatchObject({ id, volunteers: 2, pendingServices: 0 })
  })

  it('lets a team leader name only the team\'s own members, and no child\'s file', async () => {
    const region = '450225102000'
    const leaderUser = await t.prisma.user.create({ data: { displayName: '张队长' } })
    const team = await t.prisma.team.create({ data: { name: '情暖童心', type: 'youth_league', serviceRegionCode: region, joinCode: 'QNTX9999', leaderUserId: leaderUser.id } })
    await t.prisma.roleAssignment.create({ data: { userId: leaderUser.id, role: 'group_leader', regionCode: region, teamId: team.id } })
    const member = await volunteerRow(t, { status: 'approved', regionCode: region, checksDone: true, teamId: team.id })
    const stranger = await volunteerRow(t, { status: 'approved', regionCode: region, checksDone: true })
    const leader = await as('group_leader', region)
    const village = '450225102201'
    const kid = await child(village, '石队员')
    const options = (await call(leader, 'GET', `/api/activities/volunteer-options?villageCode=${village}`)).json().items
    expect(options.map((o: { volunteerId: string }) => o.volunteerId)).toEqual([member.id])
    const base = activity({ villageCode: village, kind: 'holiday', title: '寒假陪伴活动', place: '村委会' })
    expect((await call(leader, 'POST', '/api/activities', { ...base, childIds: [kid.id] })).json().fields).toHaveProperty('childIds')
    expect((await call(leader, 'POST', '/api/activities', { ...base, volunteers: [{ volunteerId: stranger.id, minutes: 60 }] })).statusCode).toBe(400)
    expect((await call(leader, 'POST', '/api/activities', { ...base, volunteers: [{ volunteerId: member.id, minutes: 60 }] })).statusCode).toBe(201)
    expect((await call(leader, 'POST', '/api/activities', { ...base, villageCode: VILLAGE })).statusCode).toBe(404)
  })
})

describe('photos', () => {
  it('keeps a real PNG when the recorder states no child\'s face shows; refuses other bytes, a missing statement and a seventh', async () => {
    const director = await as('child_director', VILLAGE)
    const { id } = (await call(director, 'POST', '/api/activities', activity({ kind: 'children_home', title: '儿童之家读书会' }))).json()
    const photo = (b: Buffer, extra: object = {}) => call(director, 'POST', `/api/activities/${id}/photos`, { contentType: 'image/png', dataBase64: b.toString('base64'), noChildFaces: true, ...extra })
    expect((await photo(Buffer.from('not a picture at all'))).json().code).toBe('PHOTO_INVALID')
    expect((await photo(PNG, { noChildFaces: false })).statusCode).toBe(400)
    const first = await photo(PNG)
    expect(first.statusCode).toBe(201)
    const back = (await call(await as('supervisor', TOWNSHIP), 'GET', `/api/activities/${id}/photos/${first.json().id}`)).json()
    expect(Buffer.from(back.dataBase64, 'base64').equals(PNG)).toBe(true)
    for (let i = 1; i < 6; i++) expect((await photo(PNG)).statusCode).toBe(201)
    expect((await photo(PNG)).json().code).toBe('ACTIVITY_PHOTOS_FULL')
  })
})

describe('the year\'s safety-knowledge visit and the counts upward', () => {
  it('counts a visit on 1 January for the year and one on 31 December for the year before; the report and its sheet carry the figures', async () => {
    await child(NEIGHBOUR, '覃邻村')
    const neighbour = await as('child_director', NEIGHBOUR)
    expect((await call(neighbour, 'POST', '/api/activities', activity({ villageCode: NEIGHBOUR, heldOn: '2025-12-31', title: '年末安全知识进村' }))).statusCode).toBe(201)
    const civil = await as('civil_affairs', COUNTY)
    let village = (await call(civil, 'GET', `/api/dashboard?regionCode=${TOWNSHIP}`)).json().subregions.find((r: { code: string }) => r.code === NEIGHBOUR)
    expect(village.figures.villagesWithoutSafetyVisit).toBe(1)

    expect((await call(neighbour, 'POST', '/api/activities', activity({ villageCode: NEIGHBOUR, heldOn: '2026-01-01', title: '新年安全知识进村' }))).statusCode).toBe(201)
    const report = (await call(civil, 'GET', '/api/reports/annual?year=2026')).json()
    expect(report.activities).toMatchObject({
      total: 4, byKind: { safety_knowledge: 2, holiday: 1, children_home: 1, other: 0 }, childrenReached: 48, volunteerHours: 2, villages: 3, villagesWithSafetyVisit: 2,
    })
    // Platform hours hold the activity's confirmed two hours (no check-ins here).
    expect(report.platformHours).toBe(2)
    const { loadWorkbook, cellTexts } = await import('../../../../test/helpers/xlsx')
    const sheet = await call(civil, 'GET', '/api/exports/annual-report.xlsx?year=2026')
    const texts = cellTexts((await loadWorkbook(sheet.rawPayload)).getWorksheet('工作进展情况')!)
    expect(texts).toEqual(expect.arrayContaining(['九、关爱活动', '本年开展活动（次）', '4', '开展安全知识进村的村（社区）/ 有服务对象的村（社区）（个）', '2 / 3', '八、儿童主任队伍']))
    // The township's figures were counted above and are shared for half a minute: read the county's.
    const county = (await call(civil, 'GET', '/api/dashboard')).json()
    expect(county.totals.activities).toBe(4)
    expect(county.subregions.find((r: { code: string }) => r.code === TOWNSHIP).figures.activities).toBe(3) // the team's was in 三防镇
  })
})
