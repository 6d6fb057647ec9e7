import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { activePairing } from '../../../../test/helpers/checkins'
import { pairableVolunteer } from '../../../../test/helpers/pairings'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
const VILLAGE = '450225101201'
const NEIGHBOUR = '450225101202'

beforeAll(async () => {
  t = await buildTestApp() // 2026-03-02 in China
})
afterAll(() => t.close())

const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) })
const concern = { signs: ['withdrawn', 'low_mood'], noticedOn: '2026-03-01', description: '这次去看她一直低着头，不愿意说话，说想妈妈' }
const calendarRow = async (director: string, childId: string) =>
  (await call(director, 'GET', '/api/duty/calendar?pageSize=100')).json().items.find((r: { childId: string }) => r.childId === childId)

describe('a love parent notices a change', () => {
  it('records it for the paired child: the flag and the cadence follow, the directors are told, no report is opened', async () => {
    const { childId, volunteer } = await activePairing(t)
    await t.prisma.child.update({ where: { id: childId }, data: { createdAt: t.clock.now() } })
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE })
    expect((await calendarRow(director, childId))).toMatchObject({ heightenedReasons: [], nextContactOn: '2026-04-02' })

    const res = await call(volunteer.token, 'POST', `/api/children/${childId}/concerns`, concern)
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ attentionRaised: true })
    const row = await calendarRow(director, childId)
    expect(row.heightenedReasons).toEqual(['special_attention'])
    // Filed 2 March: a heightened file's contact falls due in two weeks instead of a month.
    expect(row.nextContactOn).toBe('2026-03-16')
    expect(await t.prisma.safeguardingReport.count({ where: { childId } })).toBe(0)
    const directorUser = (await call(director, 'GET', '/api/me')).json().userId
    const note = await t.prisma.notification.findFirstOrThrow({ where: { recipientUserId: directorUser, kind: 'concern.recorded' } })
    expect(note.page).toBe(`/packages/care/pages/concern/index?childId=${childId}`)
    const history = (await call(director, 'GET', `/api/children/${childId}/history`)).json().items
    expect(history[0]).toMatchObject({ kind: 'updated', changes: [{ field: 'specialAttention', to: ['psych_behaviour'] }] })

    // A second concern leaves the flag as it is.
    expect((await call(volunteer.token, 'POST', `/api/children/${childId}/concerns`, concern)).json().attentionRaised).toBe(false)
  })

  it('is refused for a child the volunteer is not paired with, exactly like a missing one', async () => {
    const { childId } = await activePairing(t)
    const other = await pairableVolunteer(t)
    const res = await call(other.token, 'POST', `/api/children/${childId}/concerns`, concern)
    expect(res.statusCode).toBe(404)
    expect((await call(other.token, 'GET', `/api/children/${childId}/concerns`)).statusCode).toBe(403)
  })
})

describe('the director handles it', () => {
  it('records the guardians told, a referral and its outcome, then closes it — lifting the flag when asked to', async () => {
    const { childId } = await activePairing(t)
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE })
    const { id } = (await call(director, 'POST', `/api/children/${childId}/concerns`, { ...concern, signs: ['school_refusal'] })).json()
    const step = (body: object) => call(director, 'POST', `/api/concerns/${id}/events`, { on: '2026-03-02', note: '已处理', ...body })
    expect((await step({ type: 'referred' })).json().fields).toHaveProperty('referredTo')
    expect((await step({ type: 'guardian_told', note: '电话告知孩子母亲' })).statusCode).toBe(201)
    expect((await step({ type: 'referred', referredTo: 'school_counsellor', note: '转介学校心理老师' })).statusCode).toBe(201)
    let list = (await call(director, 'GET', `/api/children/${childId}/concerns`)).json()
    expect(list.items[0]).toMatchObject({ status: 'referred', recordedByRole: 'child_director', signs: ['school_refusal'] })
    expect(list.items[0].events.map((e: { type: string }) => e.type)).toEqual(['guardian_told', 'referred'])
    expect((await step({ type: 'outcome', note: '心理老师每周谈话一次' })).statusCode).toBe(201)
    expect((await step({ type: 'closed', note: '情绪好转' })).json().fields).toHaveProperty('keepAttention')
    expect((await step({ type: 'closed', note: '情绪好转，恢复正常走访', keepAttention: false })).statusCode).toBe(201)
    list = (await call(director, 'GET', `/api/children/${childId}/concerns`)).json()
    expect(list).toMatchObject({ specialAttention: false, items: [{ status: 'closed' }] })
    expect((await calendarRow(director, childId)).heightenedReasons).toEqual([])
    const late = await step({ type: 'note', note: '补记' })
    expect(late.statusCode).toBe(409)
    expect(late.json().code).toBe('CONCERN_CLOSED')
    expect(await t.prisma.auditLog.count({ where: { action: 'child.read_concerns', targetId: childId } })).toBe(2)
  })

  it('keeps the flag while another concern about the child is open, and keeps handling to the child\'s village', async () => {
    const { childId, volunteer } = await activePairing(t)
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE })
    const first = (await call(volunteer.token, 'POST', `/api/children/${childId}/concerns`, concern)).json().id
    await call(director, 'POST', `/api/children/${childId}/concerns`, concern)
    const neighbour = await tokenFor(t.app, { role: 'child_director', regionCode: NEIGHBOUR })
    expect((await call(neighbour, 'POST', `/api/concerns/${first}/events`, { type: 'note', on: '2026-03-02', note: '看看' })).statusCode).toBe(404)
    expect((await call(director, 'POST', `/api/concerns/${first}/events`, { type: 'closed', on: '2026-03-02', note: '好转', keepAttention: false })).statusCode).toBe(201)
    expect((await calendarRow(director, childId)).heightenedReasons).toEqual(['special_attention'])
  })
})
