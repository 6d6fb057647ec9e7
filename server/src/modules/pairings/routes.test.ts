/**
 * The pairing's way in: 陈姐 proposes, 李主任 confirms the family agrees, 陈姐 approves — each step
 * with its refusals, its notification (through the outbox to the fake WeChat) and its audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { registerChild } from '../../../../test/helpers/children'
import {
  COUNTY, OTHER_COUNTY, SANFANG, SIBLING, TOWNSHIP, VILLAGE, call, pairThrough, pairableVolunteer, wechatStaff,
} from '../../../../test/helpers/pairings'
import { tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const as = async (role: 'coordinator' | 'child_director' | 'volunteer' | 'civil_affairs', regionCode: string) => call(t, await tokenFor(t.app, { role, regionCode }))
const propose = async (childId: string, volunteerId: string, regionCode = COUNTY) => (await as('coordinator', regionCode))('POST', '/api/pairings', { childId, volunteerId, note: '同村，擅长阅读' })
const sentTo = (openid: string) => t.fakeWechat.state.messages.filter((m) => m.touser === openid).map((m) => m.data.thing1!.value)

describe('POST /api/pairings', () => {
  it('proposes a pairing, records the event and audit row, and asks the village director', async () => {
    const director = await wechatStaff(t, 'child_director', VILLAGE)
    t.fakeWechat.subscribe({ openid: director.openid, templateIds: [t.config.WECHAT_TEMPLATE_GENERAL] })
    const child = await registerChild(t.app, VILLAGE)
    const v = await pairableVolunteer(t)
    const res = await propose(child.id, v.volunteerId)
    expect(res.statusCode).toBe(201)
    const p = res.json()
    expect(p).toMatchObject({
      state: 'proposed', child: { id: child.id, name: '韦小花', villageName: '古顶村委会' }, volunteer: { id: v.volunteerId, realName: '测试志愿者' },
      proposedByName: '测试妇联协调员', stale: false, events: [{ type: 'proposed', toState: 'proposed', reason: '同村，擅长阅读', actorRole: 'coordinator' }],
    })
    expect(await t.prisma.auditLog.count({ where: { action: 'pairing.propose', targetId: p.id } })).toBe(1)
    await t.runJobs()
    expect(sentTo(director.openid)).toEqual(['有新的结对待确认'])
  })

  it('refuses a child without the guardian consent on file (409)', async () => {
    const child = await registerChild(t.app, VILLAGE, { consent: null })
    const res = await propose(child.id, (await pairableVolunteer(t)).volunteerId)
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('PAIRING_CONSENT_MISSING')
    expect(await t.prisma.pairing.count({ where: { childId: child.id } })).toBe(0)
  })

  it('refuses a volunteer whose declared capacity is full (409)', async () => {
    const v = await pairableVolunteer(t, { capacity: 1 })
    await pairThrough(t, (await registerChild(t.app, VILLAGE)).id, v.volunteerId, 'proposed')
    const res = await propose((await registerChild(t.app, VILLAGE)).id, v.volunteerId)
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('PAIRING_CAPACITY_FULL')
  })

  it('refuses a child who already has a live pairing (409)', async () => {
    const child = await registerChild(t.app, VILLAGE)
    await pairThrough(t, child.id, (await pairableVolunteer(t)).volunteerId, 'active')
    const res = await propose(child.id, (await pairableVolunteer(t)).volunteerId)
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({ code: 'PAIRING_CHILD_TAKEN', message: '该儿童已有进行中的结对' })
  })

  it('refuses a volunteer who is not approved (409), and a closed file (409)', async () => {
    const child = await registerChild(t.app, VILLAGE)
    const pending = await pairableVolunteer(t, { status: 'submitted' })
    expect((await propose(child.id, pending.volunteerId)).json().code).toBe('VOLUNTEER_NOT_PAIRABLE')
    const closed = await registerChild(t.app, VILLAGE)
    await (await as('child_director', VILLAGE))('POST', `/api/children/${closed.id}/close`, { reason: 'moved_out' })
    expect((await propose(closed.id, (await pairableVolunteer(t)).volunteerId)).json().code).toBe('CHILD_CLOSED')
  })

  it('answers 404 for a child or a volunteer outside the coordinator\'s reach', async () => {
    const child = await registerChild(t.app, VILLAGE)
    const v = await pairableVolunteer(t)
    // A township coordinator of 三防镇: the child of 和睦镇 is not theirs.
    expect((await propose(child.id, v.volunteerId, SANFANG)).statusCode).toBe(404)
    // A volunteer serving another county; and a 三防镇 volunteer for a 和睦镇 township coordinator.
    expect((await propose(child.id, (await pairableVolunteer(t, { regionCode: OTHER_COUNTY })).volunteerId)).statusCode).toBe(404)
    expect((await propose(child.id, (await pairableVolunteer(t, { regionCode: SANFANG })).volunteerId, TOWNSHIP)).statusCode).toBe(404)
    // …while the county's coordinator may pair across its townships.
    expect((await propose(child.id, (await pairableVolunteer(t, { regionCode: SANFANG })).volunteerId)).statusCode).toBe(201)
  })

  it('lets one of two simultaneous proposals for a child through; the other gets 409', async () => {
    const child = await registerChild(t.app, VILLAGE)
    const [a, b] = await Promise.all([pairableVolunteer(t), pairableVolunteer(t)])
    const results = await Promise.all([propose(child.id, a.volunteerId), propose(child.id, b.volunteerId, TOWNSHIP)])
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409])
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('PAIRING_CHILD_TAKEN')
    expect(await t.prisma.pairing.count({ where: { childId: child.id } })).toBe(1)
  })

  it('is refused by the database too: a second live pairing of a child violates the partial unique index', async () => {
    const child = await registerChild(t.app, VILLAGE)
    const id = await pairThrough(t, child.id, (await pairableVolunteer(t)).volunteerId, 'proposed')
    const p = await t.prisma.pairing.findUniqueOrThrow({ where: { id } })
    const insert = (state: 'paused' | 'ended') =>
      t.prisma.pairing.create({ data: { childId: child.id, volunteerId: p.volunteerId, villageCode: VILLAGE, state, proposedAt: t.clock.now(), stateChangedAt: t.clock.now() } })
    await expect(insert('paused')).rejects.toMatchObject({ code: 'P2002' })
    await expect(insert('ended')).resolves.toBeTruthy()
  })
})

describe('POST /api/pairings/:id/acknowledge', () => {
  it("records the director's confirmation and tells the proposing coordinator", async () => {
    const coordinator = await wechatStaff(t, 'coordinator', COUNTY)
    t.fakeWechat.subscribe({ openid: coordinator.openid, templateIds: [t.config.WECHAT_TEMPLATE_GENERAL] })
    const child = await registerChild(t.app, VILLAGE)
    const v = await pairableVolunteer(t)
    const proposed = await call(t, coordinator.token)('POST', '/api/pairings', { childId: child.id, volunteerId: v.volunteerId })
    expect(proposed.statusCode).toBe(201)
    const res = await (await as('child_director', VILLAGE))('POST', `/api/pairings/${proposed.json().id}/acknowledge`, { note: '已电话征得母亲同意' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ state: 'acknowledged', acknowledgedByName: expect.any(String), acknowledgedAt: t.clock.now().toISOString() })
    expect(res.json().events.map((e: { type: string }) => e.type)).toEqual(['proposed', 'acknowledged'])
    await t.runJobs()
    expect(sentTo(coordinator.openid)).toEqual(['家庭已同意结对'])
  })

  it('answers 404 to the director of another village, 403 to a coordinator, 409 the second time', async () => {
    const id = await pairThrough(t, (await registerChild(t.app, VILLAGE)).id, (await pairableVolunteer(t)).volunteerId, 'proposed')
    expect((await (await as('child_director', SIBLING))('POST', `/api/pairings/${id}/acknowledge`, {})).statusCode).toBe(404)
    expect((await (await as('coordinator', COUNTY))('POST', `/api/pairings/${id}/acknowledge`, {})).statusCode).toBe(403)
    const director = await as('child_director', VILLAGE)
    expect((await director('POST', `/api/pairings/${id}/acknowledge`, {})).statusCode).toBe(200)
    const again = await director('POST', `/api/pairings/${id}/acknowledge`, {})
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('PAIRING_STATE_CONFLICT')
  })
})

describe('POST /api/pairings/:id/approve', () => {
  it('starts the pairing from its start date, tells the volunteer and opens the child card to them', async () => {
    const child = await registerChild(t.app, VILLAGE)
    const v = await pairableVolunteer(t)
    t.fakeWechat.subscribe({ openid: v.openid, templateIds: [t.config.WECHAT_TEMPLATE_GENERAL] })
    const volunteer = call(t, v.token)
    expect((await volunteer('GET', `/api/children/${child.id}/card`)).statusCode).toBe(404)
    const id = await pairThrough(t, child.id, v.volunteerId, 'acknowledged')
    const res = await (await as('coordinator', COUNTY))('POST', `/api/pairings/${id}/approve`, { startDate: '2026-03-05' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ state: 'active', startDate: '2026-03-05', approvedByName: '测试妇联协调员', daysWithoutContact: 0 })
    await t.runJobs()
    expect(sentTo(v.openid)).toEqual(['您有了新的结对儿童'])
    const card = await volunteer('GET', `/api/children/${child.id}/card`)
    expect(card.statusCode).toBe(200)
    expect(card.json()).toMatchObject({ view: 'card', displayName: '小花', villageName: '古顶村委会' })
    expect(await t.prisma.auditLog.count({ where: { action: 'pairing.approve', targetId: id } })).toBe(1)
  })

  it('refuses to approve before the director has confirmed (409), or a start date before the proposal (400)', async () => {
    const coordinator = await as('coordinator', COUNTY)
    const id = await pairThrough(t, (await registerChild(t.app, VILLAGE)).id, (await pairableVolunteer(t)).volunteerId, 'proposed')
    expect((await coordinator('POST', `/api/pairings/${id}/approve`, { startDate: '2026-03-02' })).json().code).toBe('PAIRING_STATE_CONFLICT')
    await (await as('child_director', VILLAGE))('POST', `/api/pairings/${id}/acknowledge`, {})
    const early = await coordinator('POST', `/api/pairings/${id}/approve`, { startDate: '2026-02-01' })
    expect(early.statusCode).toBe(400)
    expect(early.json().fields).toHaveProperty('startDate')
  })

  it('lets one of two simultaneous approvals win; the other gets a clear 409', async () => {
    const id = await pairThrough(t, (await registerChild(t.app, VILLAGE)).id, (await pairableVolunteer(t)).volunteerId, 'acknowledged')
    const [county, township] = [await as('coordinator', COUNTY), await as('coordinator', TOWNSHIP)]
    const results = await Promise.all([county('POST', `/api/pairings/${id}/approve`, { startDate: '2026-03-02' }), township('POST', `/api/pairings/${id}/approve`, { startDate: '2026-03-03' })])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
    expect(results.find((r) => r.statusCode === 409)!.json()).toEqual({ code: 'PAIRING_STATE_CONFLICT', message: '结对状态已经变化，请刷新后再试' })
    expect(await t.prisma.pairingEvent.count({ where: { pairingId: id, type: 'approved' } })).toBe(1)
  })

  it('refuses when the volunteer was suspended meanwhile (their proposal was declined with them)', async () => {
    const v = await pairableVolunteer(t)
    const id = await pairThrough(t, (await registerChild(t.app, VILLAGE)).id, v.volunteerId, 'acknowledged')
    const coordinator = await as('coordinator', COUNTY)
    expect((await coordinator('POST', `/api/vetting/applications/${v.volunteerId}/suspend`, { reason: '需要核实情况' })).statusCode).toBe(200)
    const res = await coordinator('POST', `/api/pairings/${id}/approve`, { startDate: '2026-03-02' })
    expect(res.statusCode).toBe(409)
    expect((await t.prisma.pairing.findUniqueOrThrow({ where: { id } })).state).toBe('declined')
  })
})

describe('POST /api/pairings/:id/decline', () => {
  it('lets the director decline for the family with a reason; the coordinator is told and the child is free again', async () => {
    const child = await registerChild(t.app, VILLAGE)
    const id = await pairThrough(t, child.id, (await pairableVolunteer(t)).volunteerId, 'proposed')
    const res = await (await as('child_director', VILLAGE))('POST', `/api/pairings/${id}/decline`, { reason: '奶奶希望找女性志愿者' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ state: 'declined', declineReason: '奶奶希望找女性志愿者' })
    expect(await t.prisma.notification.count({ where: { kind: 'pairing.declined' } })).toBeGreaterThan(0)
    expect((await propose(child.id, (await pairableVolunteer(t)).volunteerId)).statusCode).toBe(201)
  })

  it('refuses to decline a pairing that has started (409) and needs a reason (400)', async () => {
    const id = await pairThrough(t, (await registerChild(t.app, VILLAGE)).id, (await pairableVolunteer(t)).volunteerId, 'active')
    const coordinator = await as('coordinator', COUNTY)
    expect((await coordinator('POST', `/api/pairings/${id}/decline`, { reason: '不合适' })).statusCode).toBe(409)
    expect((await coordinator('POST', `/api/pairings/${id}/decline`, {})).statusCode).toBe(400)
  })
})
