/**
 * Recording a check-in (王阿姨, step 5): what is accepted, what is refused and with which message,
 * and WeChat's content check — risky refuses, review and busy are accepted with a flag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { activePairing, checkinBody, postCheckin } from '../../../../test/helpers/checkins'
import { SIBLING, VILLAGE, call, pairableVolunteer } from '../../../../test/helpers/pairings'
import { tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp() // clock: 2026-03-02 10:00 in China
})
afterAll(() => t.close())

const minutes = (n: number) => n * 60_000
const at = (offsetMs: number) => new Date(t.clock.now().getTime() + offsetMs).toISOString()

describe('POST /api/checkins', () => {
  it('records a pending check-in of my active pairing, the location rounded to 0.01°', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const res = await postCheckin(t, volunteer.token, checkinBody(t, pairingId, {
      problemsFound: '奶奶说孩子晚上不肯写作业', measuresSuggested: '下次带几本拼音读物', location: { latitude: 25.068912, longitude: 109.254137 },
    }))
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      pairingId, status: 'pending', durationMinutes: 90, contactMode: 'home_visit', serviceTypes: ['reading', 'companionship'],
      secCheck: 'pass', worried: false, openReport: false, points: null, location: { latitude: 25.07, longitude: 109.25 },
    })
    const row = await t.prisma.checkin.findUniqueOrThrow({ where: { id: res.json().id } })
    expect([row.latitude, row.longitude]).toEqual([25.07, 109.25])
  })

  it('tells the client to open the safeguarding report when the volunteer is worried', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const res = await postCheckin(t, volunteer.token, checkinBody(t, pairingId, { worried: true, problemsFound: '孩子手臂上有几处淤青' }))
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ worried: true, openReport: true })
  })

  it('refuses start times in the future beyond 5 minutes, and a visit still going on', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const future = await postCheckin(t, volunteer.token, checkinBody(t, pairingId, { startedAt: at(minutes(10)), durationMinutes: 30 }))
    expect(future.statusCode).toBe(400)
    expect(future.json().fields).toEqual({ startedAt: '开始时间不能晚于现在' })
    const ongoing = await postCheckin(t, volunteer.token, checkinBody(t, pairingId, { startedAt: at(-minutes(30)), durationMinutes: 60 }))
    expect(ongoing.statusCode).toBe(400)
    expect(ongoing.json().fields).toEqual({ durationMinutes: '结束时间不能晚于现在，请核对开始时间和时长' })
    // A phone clock a few minutes fast is still "now".
    expect((await postCheckin(t, volunteer.token, checkinBody(t, pairingId, { startedAt: at(-minutes(25)), durationMinutes: 28 }))).statusCode).toBe(201)
  })

  it('refuses impossible durations with clear messages', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const zero = await postCheckin(t, volunteer.token, checkinBody(t, pairingId, { durationMinutes: 0 }))
    expect(zero.statusCode).toBe(400)
    expect(zero.json().fields.durationMinutes).toBe('时长须大于0')
    const negative = await postCheckin(t, volunteer.token, checkinBody(t, pairingId, { durationMinutes: -30 }))
    expect(negative.json().fields.durationMinutes).toBe('时长须大于0')
    const long = await postCheckin(t, volunteer.token, checkinBody(t, pairingId, { durationMinutes: 721 }, 20))
    expect(long.json().fields.durationMinutes).toBe('单次服务时长不能超过12小时')
    expect((await postCheckin(t, volunteer.token, checkinBody(t, pairingId, { durationMinutes: 720 }, 13))).statusCode).toBe(201)
  })

  it('refuses a visit before the pairing started or more than 60 days back', async () => {
    const { pairingId, volunteer } = await activePairing(t, { startDate: '2026-03-02' })
    const before = await postCheckin(t, volunteer.token, checkinBody(t, pairingId, {}, 12)) // 1 March, 22:00 China
    expect(before.json().fields).toEqual({ startedAt: '开始时间早于结对开始日期' })
    const old = await activePairing(t, { startDate: '2025-10-01' })
    const longAgo = await postCheckin(t, old.volunteer.token, checkinBody(t, old.pairingId, {}, 24 * 61))
    expect(longAgo.json().fields).toEqual({ startedAt: '只能补记60天内的走访' })
  })

  it('validates the form: service types, text lengths, unknown fields', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const post = (o: Record<string, unknown>) => postCheckin(t, volunteer.token, checkinBody(t, pairingId, o))
    expect((await post({ serviceTypes: [] })).json().fields.serviceTypes).toBe('请至少选择一项服务内容')
    expect((await post({ serviceTypes: ['tourism'] })).statusCode).toBe(400)
    expect((await post({ summary: '读'.repeat(1001) })).json().fields.summary).toBe('最多1000个字')
    expect((await post({ summary: '  ' })).json().fields.summary).toBe('请填写这次做了什么')
    expect((await post({ contactMode: 'telepathy' })).json().fields.contactMode).toBe('请选择联系方式')
    expect((await post({ volunteerId: pairingId })).statusCode).toBe(400)
    expect((await post({ summary: '读'.repeat(1000) })).statusCode).toBe(201)
  })

  it('requires an Idempotency-Key that is a UUID', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const missing = await postCheckin(t, volunteer.token, checkinBody(t, pairingId), null)
    expect(missing.statusCode).toBe(400)
    expect(Object.values(missing.json().fields)[0]).toMatch(/Idempotency-Key/)
    expect((await postCheckin(t, volunteer.token, checkinBody(t, pairingId), 'visit-1')).statusCode).toBe(400)
  })

  it("answers 404 for somebody else's pairing, 409 for a paused one, 403 for staff", async () => {
    const { pairingId } = await activePairing(t)
    const other = await pairableVolunteer(t)
    expect((await postCheckin(t, other.token, checkinBody(t, pairingId))).statusCode).toBe(404)
    const mine = await activePairing(t, { villageCode: SIBLING })
    await t.prisma.pairing.update({ where: { id: mine.pairingId }, data: { state: 'paused' } })
    const paused = await postCheckin(t, mine.volunteer.token, checkinBody(t, mine.pairingId))
    expect(paused.statusCode).toBe(409)
    expect(paused.json()).toMatchObject({ code: 'CHECKIN_PAIRING_NOT_ACTIVE', message: '结对不在进行中，不能记录走访' })
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE })
    expect((await postCheckin(t, director, checkinBody(t, pairingId))).statusCode).toBe(403)
  })
})

describe("POST /api/checkins — WeChat's content check", () => {
  it('refuses risky text, naming the field to change; nothing is stored', async () => {
    t.fakeWechat.control({ riskyWords: ['赌博'], reviewWords: [] })
    const { pairingId, volunteer } = await activePairing(t)
    const res = await postCheckin(t, volunteer.token, checkinBody(t, pairingId, { measuresSuggested: '带孩子去赌博' }))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'CONTENT_RISKY', fields: { measuresSuggested: '内容未通过微信内容安全检测，请修改后再提交' } })
    expect(await t.prisma.checkin.count({ where: { pairingId } })).toBe(0)
  })

  it('accepts text WeChat wants reviewed, flagged for the director', async () => {
    t.fakeWechat.control({ riskyWords: [], reviewWords: ['转账'] })
    const { pairingId, volunteer } = await activePairing(t)
    const res = await postCheckin(t, volunteer.token, checkinBody(t, pairingId, { summary: '给奶奶转账了两百元买米' }))
    expect(res.statusCode).toBe(201)
    expect(res.json().secCheck).toBe('review')
    expect((await t.prisma.checkin.findUniqueOrThrow({ where: { id: res.json().id } })).secCheckLabel).toBe(20008)
  })

  it('accepts a check-in when WeChat is busy or slow, flagged unchecked — a visit is never lost', async () => {
    t.fakeWechat.control({ riskyWords: [], reviewWords: [] })
    const { pairingId, volunteer } = await activePairing(t)
    t.fakeWechat.control({ failNext: { path: '/wxa/msg_sec_check', errcode: -1 } })
    const busy = await postCheckin(t, volunteer.token, checkinBody(t, pairingId))
    expect(busy.statusCode).toBe(201)
    expect(busy.json().secCheck).toBe('unchecked')
    t.fakeWechat.control({ failNext: { path: '/wxa/msg_sec_check', delayMs: 4000 } })
    const slow = await postCheckin(t, volunteer.token, checkinBody(t, pairingId))
    expect(slow.statusCode).toBe(201)
    expect(slow.json().secCheck).toBe('unchecked')
  })

  it('does not check people without a WeChat identity (desk or dev sign-in)', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    await t.prisma.user.update({ where: { id: volunteer.userId }, data: { openid: null } })
    const res = await call(t, volunteer.token)('GET', '/api/checkins/mine')
    expect(res.statusCode).toBe(200)
    expect((await postCheckin(t, volunteer.token, checkinBody(t, pairingId))).json().secCheck).toBe('not_applicable')
  })
})
