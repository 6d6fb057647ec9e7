import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../../test/helpers/personas'
import { api, submittedVolunteer, volunteerRow } from '../../../../test/helpers/volunteers'

let t: TestContext
let county: ReturnType<typeof api>
const COUNTY = '450225000000'
const HEMU = '450225101000'
const SANFANG = '450225102000'

beforeAll(async () => {
  t = await buildTestApp()
})
// Staff sessions idle out after 30 minutes and some tests move the clock.
beforeEach(async () => {
  county = api(t, await tokenFor(t.app, { role: 'coordinator', regionCode: COUNTY }))
})
afterAll(() => t.close())

const ALL_CHECKS = {
  identityVerified: true, identityVerifiedOn: '2026-02-20', criminalRecordResult: 'clear', criminalRecordCheckedOn: '2026-02-25',
  trainingCompletedOn: '2026-02-28', trainingCourse: '爱心家长岗前培训',
}
const url = (id: string, tail = '') => `/api/vetting/applications/${id}${tail}`
const decide = (call: ReturnType<typeof api>, id: string, decision: string, reason = '经核查，情况属实') =>
  call('POST', url(id, '/decision'), { decision, reason })

describe('GET /api/vetting/queue', () => {
  it('lists submitted applications in the region oldest first, with counts per status, never drafts', async () => {
    const township = api(t, await tokenFor(t.app, { role: 'coordinator', regionCode: SANFANG }))
    const before = (await township('GET', '/api/vetting/queue')).json()
    const a = await submittedVolunteer(t, { serviceRegionCode: SANFANG })
    t.clock.advance(60_000)
    const b = await submittedVolunteer(t, { serviceRegionCode: SANFANG })
    await volunteerRow(t, { status: 'draft', regionCode: SANFANG })
    await submittedVolunteer(t, { serviceRegionCode: HEMU })
    const res = await township('GET', '/api/vetting/queue')
    expect(res.statusCode).toBe(200)
    const q = res.json()
    expect(q.items.map((i: { id: string }) => i.id).slice(-2)).toEqual([a.volunteerId, b.volunteerId])
    expect(q.items.every((i: { serviceRegionCode: string }) => i.serviceRegionCode.startsWith('450225102'))).toBe(true)
    expect(q.counts.submitted).toBe(before.counts.submitted + 2)
    expect(q.counts).not.toHaveProperty('draft')
    expect(q.items[0]).toMatchObject({ status: 'submitted', serviceRegionName: '三防镇', checks: { identityVerified: false, criminalRecordResult: null, trainingCompleted: false } })
    // The desk table's other orders: newest first, or by name.
    const newest = (await township('GET', '/api/vetting/queue?sort=newest')).json()
    expect(newest.items.map((i: { id: string }) => i.id).slice(0, 2)).toEqual([b.volunteerId, a.volunteerId])
    const byName = (await township('GET', '/api/vetting/queue?sort=name')).json().items.map((i: { realName: string }) => i.realName)
    expect(byName).toEqual([...byName].sort())
    expect((await township('GET', '/api/vetting/queue?sort=risk')).statusCode).toBe(400)
    // The county coordinator sees both townships.
    expect((await county('GET', '/api/vetting/queue?pageSize=100')).json().total).toBeGreaterThan(q.total)
  })

  it('filters by status, kind and team, and pages', async () => {
    const v = await submittedVolunteer(t, { kind: 'proxy_parent' })
    await decide(county, v.volunteerId, 'request_info', '请补充工作单位证明')
    const res = (await county('GET', '/api/vetting/queue?status=info_requested&kind=proxy_parent&page=1&pageSize=1')).json()
    expect(res).toMatchObject({ page: 1, pageSize: 1, total: 1, items: [{ id: v.volunteerId, status: 'info_requested' }] })
    expect((await county('GET', '/api/vetting/queue?status=draft')).statusCode).toBe(400)
  })

  it('answers 403 to roles that do not vet', async () => {
    for (const role of ['volunteer', 'child_director', 'civil_affairs'] as const) {
      const token = await tokenFor(t.app, { role, regionCode: role === 'child_director' ? '450225101201' : COUNTY })
      expect((await api(t, token)('GET', '/api/vetting/queue')).statusCode).toBe(403)
    }
  })
})

describe('GET /api/vetting/applications/:id', () => {
  it('shows the application with the ID number and phone masked, the age, and records the view', async () => {
    const v = await submittedVolunteer(t, { phone: '13700001234' })
    const res = await county('GET', url(v.volunteerId))
    expect(res.statusCode).toBe(200)
    const app = res.json()
    expect(app).toMatchObject({ realName: '王秀兰', phoneMasked: '137****1234', age: 51, status: 'submitted', history: [{ type: 'submit', toStatus: 'submitted' }] })
    expect(app.idNumberMasked).toMatch(/^\*{14}\d{3}[\dX]$/)
    const row = await t.prisma.volunteer.findUniqueOrThrow({ where: { id: v.volunteerId } })
    expect(res.body).not.toContain(t.keyring.decrypt(row.idNumberEnc!))
    expect(await t.prisma.auditLog.count({ where: { action: 'volunteer.view', targetId: v.volunteerId } })).toBe(1)
  })

  it('answers 404 to a coordinator of another township, and for a draft', async () => {
    const v = await submittedVolunteer(t, { serviceRegionCode: HEMU })
    const other = api(t, await tokenFor(t.app, { role: 'coordinator', regionCode: SANFANG }))
    expect((await other('GET', url(v.volunteerId))).statusCode).toBe(404)
    expect((await other('POST', url(v.volunteerId, '/decision'), { decision: 'reject', reason: '不在本辖区' })).statusCode).toBe(404)
    expect((await other('PATCH', url(v.volunteerId, '/checks'), { identityVerified: false })).statusCode).toBe(404)
    const draft = await volunteerRow(t, { status: 'draft', regionCode: HEMU })
    expect((await county('GET', url(draft.id))).statusCode).toBe(404)
  })
})

describe('PATCH /api/vetting/applications/:id/checks', () => {
  it('records checks piece by piece, in the history', async () => {
    const v = await submittedVolunteer(t)
    await county('PATCH', url(v.volunteerId, '/checks'), { identityVerified: true, identityVerifiedOn: '2026-02-20', interviewNote: '面谈：有带孩子经验' })
    const res = await county('PATCH', url(v.volunteerId, '/checks'), { criminalRecordResult: 'pending' })
    expect(res.json().checks).toEqual({
      identityVerified: true, identityVerifiedOn: '2026-02-20', criminalRecordResult: 'pending', criminalRecordCheckedOn: null,
      trainingCompletedOn: null, trainingCourse: null, interviewNote: '面谈：有带孩子经验',
    })
    expect(res.json().history.filter((e: { type: string }) => e.type === 'checks')).toHaveLength(2)
  })

  it('refuses checks that do not make sense together, or dates after today', async () => {
    const v = await submittedVolunteer(t)
    const res = await county('PATCH', url(v.volunteerId, '/checks'), { identityVerified: true, criminalRecordResult: 'clear', trainingCompletedOn: '2026-03-03' })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields).toEqual({
      identityVerifiedOn: '请填写当面核验身份的日期',
      criminalRecordCheckedOn: '请填写收到查询结果的日期',
      trainingCompletedOn: '日期不能晚于今天',
      trainingCourse: '请填写培训课程名称',
    })
    expect((await county('PATCH', url(v.volunteerId, '/checks'), {})).statusCode).toBe(400)
  })
})

describe('POST /api/vetting/applications/:id/decision', () => {
  it('will not approve before identity, criminal-record query and training are recorded', async () => {
    const v = await submittedVolunteer(t)
    const res = await decide(county, v.volunteerId, 'approve')
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VETTING_CHECKS_INCOMPLETE' })
    expect(Object.keys(res.json().fields)).toEqual(['identityVerified', 'criminalRecordResult', 'trainingCompletedOn'])
    await county('PATCH', url(v.volunteerId, '/checks'), { ...ALL_CHECKS, criminalRecordResult: 'not_clear' })
    expect((await decide(county, v.volunteerId, 'approve')).json().fields).toEqual({ criminalRecordResult: '入职查询发现违法犯罪记录，不能批准' })
  })

  it('approves: the volunteer gets the role, is told in the app and by WeChat, and everything is audited', async () => {
    const v = await submittedVolunteer(t)
    t.fakeWechat.subscribe({ openid: v.openid, templateIds: [t.config.WECHAT_TEMPLATE_GENERAL] })
    await county('PATCH', url(v.volunteerId, '/checks'), ALL_CHECKS)
    const res = await decide(county, v.volunteerId, 'approve', '核查通过，欢迎加入')
    expect(res.statusCode).toBe(200)
    expect(res.json().status).toBe('approved')

    const role = await t.prisma.roleAssignment.findFirstOrThrow({ where: { userId: v.userId, role: 'volunteer', revokedAt: null } })
    expect(role.regionCode).toBe('450225101000')
    // The volunteer's open session wears the new role at once.
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(v.token) })).json().activeRole).toMatchObject({ role: 'volunteer', regionCode: '450225101000' })
    const mine = (await api(t, v.token)('GET', '/api/volunteers/me')).json()
    expect(mine.lastDecision).toMatchObject({ decision: 'approve', reason: '核查通过，欢迎加入' })

    const inbox = (await api(t, v.token)('GET', '/api/notifications')).json()
    expect(inbox.items[0]).toMatchObject({ kind: 'volunteer.approve', title: '报名已通过审核', page: '/packages/volunteer/pages/status/index' })
    await t.runJobs()
    const sent = t.fakeWechat.state.messages.filter((m) => m.touser === v.openid)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.data.thing1!.value).toBe('报名已通过审核')
    const actions = (await t.prisma.auditLog.findMany({ where: { OR: [{ targetId: v.volunteerId }, { targetId: role.id }] } })).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['volunteer.submit', 'volunteer.checks', 'volunteer.approve', 'role.grant']))
  })

  it('asks for more information; the volunteer reads the reason, fixes the draft and resubmits without losing their place', async () => {
    const v = await submittedVolunteer(t)
    t.fakeWechat.subscribe({ openid: v.openid, templateIds: [t.config.WECHAT_TEMPLATE_GENERAL] })
    const submittedAt = (await county('GET', url(v.volunteerId))).json().submittedAt
    expect((await decide(county, v.volunteerId, 'request_info', '请补充工作单位的全称')).json().status).toBe('info_requested')
    const call = api(t, v.token)
    expect((await call('GET', '/api/volunteers/me')).json().lastDecision).toMatchObject({ decision: 'request_info', reason: '请补充工作单位的全称' })
    expect((await call('PUT', '/api/volunteers/me/draft', { workUnit: '融水苗族自治县和睦镇妇女联合会' })).statusCode).toBe(200)
    t.clock.advance(3_600_000)
    const again = await call('POST', '/api/volunteers/me/submit')
    expect(again.json()).toMatchObject({ status: 'submitted', submittedAt })
    await t.runJobs()
    expect(t.fakeWechat.state.messages.filter((m) => m.touser === v.openid).map((m) => m.data.thing1!.value)).toEqual(['报名需要补充信息'])
  })

  it('rejects with a reason the volunteer sees; the decision is final', async () => {
    const v = await submittedVolunteer(t)
    expect((await decide(county, v.volunteerId, 'reject', '服务地区暂无结对需求')).json().status).toBe('rejected')
    expect((await api(t, v.token)('GET', '/api/volunteers/me')).json()).toMatchObject({ status: 'rejected', lastDecision: { decision: 'reject', reason: '服务地区暂无结对需求' } })
    const late = await decide(county, v.volunteerId, 'request_info')
    expect(late.statusCode).toBe(409)
    expect(late.json().code).toBe('VOLUNTEER_STATUS_CONFLICT')
    expect((await api(t, v.token)('PUT', '/api/volunteers/me/draft', { capacity: 1 })).statusCode).toBe(409)
  })

  it('lets exactly one of two simultaneous decisions win; the other gets 409', async () => {
    const v = await submittedVolunteer(t)
    await county('PATCH', url(v.volunteerId, '/checks'), ALL_CHECKS)
    const other = api(t, await tokenFor(t.app, { role: 'coordinator', regionCode: HEMU }))
    const results = await Promise.all([decide(county, v.volunteerId, 'approve'), decide(other, v.volunteerId, 'reject', '信息不实')])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const events = await t.prisma.volunteerEvent.findMany({ where: { volunteerId: v.volunteerId, type: { in: ['approve', 'reject'] } } })
    expect(events).toHaveLength(1)
    expect(await t.prisma.notification.count({ where: { recipientUserId: v.userId } })).toBe(1)
  })

  it('needs a reason', async () => {
    const v = await submittedVolunteer(t)
    const res = await county('POST', url(v.volunteerId, '/decision'), { decision: 'reject', reason: ' ' })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields.reason).toBeDefined()
  })
})

describe('POST /api/vetting/applications/:id/suspend', () => {
  it('suspends an approved volunteer with a reason: the role goes, the volunteer is told', async () => {
    const v = await submittedVolunteer(t)
    await county('PATCH', url(v.volunteerId, '/checks'), ALL_CHECKS)
    await decide(county, v.volunteerId, 'approve')
    // The approval's message finds no subscription (one accept allows one send); this one does.
    await t.runJobs()
    t.fakeWechat.subscribe({ openid: v.openid, templateIds: [t.config.WECHAT_TEMPLATE_GENERAL] })
    const res = await county('POST', url(v.volunteerId, '/suspend'), { reason: '连续三个月未走访，暂停服务' })
    expect(res.json().status).toBe('suspended')
    expect(await t.prisma.roleAssignment.count({ where: { userId: v.userId, role: 'volunteer', revokedAt: null } })).toBe(0)
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(v.token) })).json().activeRole).toBeNull()
    expect((await api(t, v.token)('GET', '/api/volunteers/me')).json().lastDecision).toMatchObject({ decision: 'suspend', reason: '连续三个月未走访，暂停服务' })
    await t.runJobs()
    expect(t.fakeWechat.state.messages.filter((m) => m.touser === v.openid).map((m) => m.data.thing1!.value)).toEqual(['志愿服务已暂停'])
  })

  it('refuses to suspend an application that was never approved', async () => {
    const v = await submittedVolunteer(t)
    expect((await county('POST', url(v.volunteerId, '/suspend'), { reason: '测试暂停' })).statusCode).toBe(409)
  })
})
