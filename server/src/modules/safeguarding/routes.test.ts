import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../../test/helpers/personas'
import { runEscalationSweep } from './escalation'

let t: TestContext
const VILLAGE = '450225101201'
const TOWNSHIP = '450225101000'
const COUNTY = '450225000000'
const staff: Record<string, string> = {}

beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

async function signInAll() {
  staff.director = await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE })
  staff.supervisor = await tokenFor(t.app, { role: 'supervisor', regionCode: TOWNSHIP })
  staff.coordinator = await tokenFor(t.app, { role: 'coordinator', regionCode: COUNTY })
  staff.civil = await tokenFor(t.app, { role: 'civil_affairs', regionCode: COUNTY })
  staff.admin = await tokenFor(t.app, { role: 'admin', regionCode: '450000000000' })
  staff.volunteer = await tokenFor(t.app, { role: 'volunteer', regionCode: TOWNSHIP })
  staff.elsewhere = await tokenFor(t.app, { role: 'child_director', regionCode: '450225102201' })
}

const base = { kind: 'abuse_violence', seen: '孩子手臂上有多处淤青，说是被打的', seenAt: '2026-03-02T01:30:00Z', place: '孩子家门口' }
const raise = (token: string, body: object) => t.app.inject({ method: 'POST', url: '/api/safeguarding/reports', headers: bearer(token), payload: body })
const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) })
const step = (token: string, id: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/safeguarding/reports/${id}/events`, headers: bearer(token), payload })
const inbox = async (token: string) => (await get(token, '/api/notifications')).json().items as Array<{ kind: string; page: string }>

describe('POST /api/safeguarding/reports', () => {
  it('notifies the village director, township supervisor, coordinator and county civil affairs at once', async () => {
    await signInAll()
    const res = await raise(staff.volunteer!, { ...base, urgency: 'immediate', childName: '小雨', regionCode: VILLAGE })
    expect(res.statusCode).toBe(201)
    const { id, notified } = res.json()
    expect(notified).toBe(4)
    for (const who of ['director', 'supervisor', 'coordinator', 'civil']) {
      expect((await inbox(staff[who]!)).some((n) => n.kind === 'safeguarding.received' && n.page.endsWith(id)), who).toBe(true)
    }
    expect(await inbox(staff.elsewhere!)).toEqual([])
  })

  it('refuses a report without a child or a village, with a Chinese field message', async () => {
    const res = await raise(staff.volunteer!, { ...base, urgency: 'concern' })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields.childName).toBe('请选择孩子，或填写孩子的姓名和所在村')
  })

  it('lets a director name a child on file in the village, but a volunteer naming an id gets 404', async () => {
    const child = await t.prisma.child.create({ data: { villageCode: VILLAGE, name: '罗小雨', displayName: '小雨', gender: 'female', birthDate: new Date('2017-05-01'), categories: ['left_behind'] } })
    expect((await raise(staff.director!, { ...base, urgency: 'concern', childId: child.id })).statusCode).toBe(201)
    expect((await raise(staff.volunteer!, { ...base, urgency: 'concern', childId: child.id })).statusCode).toBe(404)
    expect((await raise(staff.elsewhere!, { ...base, urgency: 'concern', childId: child.id })).statusCode).toBe(404)
  })
})

describe('handling a report', () => {
  it('runs received → acknowledged → assessed → referred → measure → closed, each with who and when', async () => {
    await signInAll()
    const { id } = (await raise(staff.volunteer!, { ...base, urgency: 'immediate', childName: '小明', regionCode: VILLAGE })).json()
    expect((await step(staff.director!, id, { type: 'acknowledged' })).statusCode).toBe(200)
    await step(staff.director!, id, { type: 'assessed', note: '确有外伤，监护人情绪激动' })
    await step(staff.director!, id, { type: 'referred', referredTo: 'police', note: '已拨打110，派出所民警到场' })
    await step(staff.coordinator!, id, { type: 'measure', note: '孩子暂由外婆照看' })
    const closed = (await step(staff.director!, id, { type: 'closed', note: '公安已立案，转民政跟进' })).json()
    expect(closed.status).toBe('closed')
    expect(closed.events.map((e: { type: string }) => e.type)).toEqual(['received', 'acknowledged', 'assessed', 'referred', 'measure', 'closed'])
    expect(closed.events[3]).toMatchObject({ referredTo: 'police', actorRole: 'child_director' })
    expect((await step(staff.director!, id, { type: 'measure', note: '再补充' })).statusCode).toBe(409)
    expect((await step(staff.director!, id, { type: 'note', note: '三个月后回访' })).statusCode).toBe(200)
  })

  it('refuses a second acknowledgement and a referral without a target', async () => {
    const { id } = (await raise(staff.volunteer!, { ...base, urgency: 'concern', childName: '小红', regionCode: VILLAGE })).json()
    await step(staff.director!, id, { type: 'acknowledged' })
    expect((await step(staff.supervisor!, id, { type: 'acknowledged' })).statusCode).toBe(409)
    expect((await step(staff.director!, id, { type: 'referred' })).json().fields.referredTo).toBe('请选择转介的部门')
  })
})

describe('confidentiality', () => {
  it('shows handlers who reported, and the reporter only the stage', async () => {
    await signInAll()
    const { id } = (await raise(staff.volunteer!, { ...base, urgency: 'concern', childName: '小兰', regionCode: VILLAGE })).json()
    const forHandler = (await get(staff.coordinator!, `/api/safeguarding/reports/${id}`)).json()
    expect(forHandler.reporter).toMatchObject({ name: '测试爱心家长', role: 'volunteer' })
    await step(staff.director!, id, { type: 'acknowledged' })
    const mine = (await get(staff.volunteer!, '/api/safeguarding/reports/mine')).json().items
    const own = mine.find((r: { id: string }) => r.id === id)
    expect(own).toEqual({ id, kind: 'abuse_violence', urgency: 'concern', createdAt: expect.any(String), status: 'in_progress' })
    expect((await get(staff.volunteer!, `/api/safeguarding/reports/${id}`)).statusCode).toBe(403)
    expect((await get(staff.elsewhere!, `/api/safeguarding/reports/${id}`)).statusCode).toBe(404)
    expect(await t.prisma.auditLog.count({ where: { action: 'safeguarding.read', targetId: id } })).toBe(1)
  })

  it('never lets a report or its log be edited or deleted', async () => {
    const { id } = (await raise(staff.volunteer!, { ...base, urgency: 'concern', childName: '小青', regionCode: VILLAGE })).json()
    await expect(t.prisma.safeguardingReport.update({ where: { id }, data: { seen: '改掉' } })).rejects.toThrow(/append-only/)
    await expect(t.prisma.safeguardingReport.delete({ where: { id } })).rejects.toThrow(/append-only/)
    await expect(t.prisma.safeguardingEvent.deleteMany({ where: { reportId: id } })).rejects.toThrow(/append-only/)
  })
})

describe('escalation', () => {
  it('climbs to the county after 30 unacknowledged minutes and to the province after 60, for immediate danger', async () => {
    await signInAll()
    const created = t.clock.now()
    const { id } = (await raise(staff.volunteer!, { ...base, urgency: 'immediate', childName: '小亮', regionCode: VILLAGE })).json()
    const at = (minutes: number) => new Date(created.getTime() + minutes * 60_000)
    expect(await runEscalationSweep(t.prisma, at(29))).toBe(0)
    expect(await runEscalationSweep(t.prisma, at(31))).toBeGreaterThanOrEqual(1)
    expect(await runEscalationSweep(t.prisma, at(32))).toBe(0)
    const county = (await get(staff.civil!, `/api/safeguarding/reports/${id}`)).json()
    expect(county.escalationLevel).toBe('county')
    expect((await inbox(staff.civil!)).filter((n) => n.kind === 'safeguarding.escalated' && n.page.endsWith(id))).toHaveLength(1)
    await runEscalationSweep(t.prisma, at(61))
    expect((await inbox(staff.admin!)).some((n) => n.kind === 'safeguarding.escalated' && n.page.endsWith(id))).toBe(true)
  })

  it('waits 24 hours for a concern, and stops once someone acknowledges', async () => {
    const created = t.clock.now()
    const { id } = (await raise(staff.volunteer!, { ...base, urgency: 'concern', childName: '小军', regionCode: VILLAGE })).json()
    const at = (hours: number) => new Date(created.getTime() + hours * 3_600_000)
    await runEscalationSweep(t.prisma, at(23))
    expect((await get(staff.civil!, `/api/safeguarding/reports/${id}`)).json().escalationLevel).toBe('local')
    await step(staff.director!, id, { type: 'acknowledged' })
    await runEscalationSweep(t.prisma, at(49))
    expect((await get(staff.civil!, `/api/safeguarding/reports/${id}`)).json().escalationLevel).toBe('local')
  })
})

describe('GET /api/safeguarding/hotlines', () => {
  it('puts 110 first and gives Guangxi the 12345 → 6 minors\' line', async () => {
    const items = (await t.app.inject({ method: 'GET', url: `/api/safeguarding/hotlines?regionCode=${VILLAGE}` })).json().items
    expect(items[0]).toEqual({ number: '110', label: '报警' })
    expect(items).toContainEqual({ number: '12345', label: '未成年人救助保护热线', then: '接通后按 6' })
  })
})
