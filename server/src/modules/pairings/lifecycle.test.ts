/**
 * After the start: pause with a reason and an expected resume date, resume, end with a reason —
 * and what happens to live pairings when a volunteer leaves or a child's file closes. The ledger
 * stays whole (append-only) and the projection always equals the replay of its events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { foldPairingEvents, type PairingEventFacts } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { registerChild } from '../../../../test/helpers/children'
import { COUNTY, VILLAGE, call, pairThrough, pairableVolunteer } from '../../../../test/helpers/pairings'
import { tokenFor } from '../../../../test/helpers/personas'
import { dateString } from './views'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const coordinator = async () => call(t, await tokenFor(t.app, { role: 'coordinator', regionCode: COUNTY }))
const active = async (o: Parameters<typeof pairableVolunteer>[1] = {}) => {
  const child = await registerChild(t.app, VILLAGE)
  const v = await pairableVolunteer(t, o)
  return { child, v, id: await pairThrough(t, child.id, v.volunteerId, 'active') }
}

describe('POST /api/pairings/:id/pause and /resume', () => {
  it('pauses with a reason and an expected resume date, closes the card meanwhile, and resumes', async () => {
    const { child, v, id } = await active()
    const c = await coordinator()
    const paused = await c('POST', `/api/pairings/${id}/pause`, { reason: '志愿者住院治疗', expectedResumeDate: '2026-04-15' })
    expect(paused.statusCode).toBe(200)
    expect(paused.json()).toMatchObject({ state: 'paused', pauseReason: '志愿者住院治疗', expectedResumeDate: '2026-04-15', resumeOverdue: false })
    expect((await call(t, v.token)('GET', `/api/children/${child.id}/card`)).statusCode).toBe(404)
    const resumed = await c('POST', `/api/pairings/${id}/resume`, { note: '已出院' })
    expect(resumed.json()).toMatchObject({ state: 'active', pauseReason: null, expectedResumeDate: null })
    expect((await call(t, v.token)('GET', `/api/children/${child.id}/card`)).statusCode).toBe(200)
    expect(resumed.json().events.map((e: { type: string }) => e.type)).toEqual(['proposed', 'acknowledged', 'approved', 'paused', 'resumed'])
    expect(await t.prisma.notification.count({ where: { recipientUserId: v.userId, kind: { in: ['pairing.paused', 'pairing.resumed'] } } })).toBe(2)
  })

  it('refuses a resume date in the past (400) and pausing twice (409); a director may not pause (403)', async () => {
    const { id } = await active()
    const c = await coordinator()
    expect((await c('POST', `/api/pairings/${id}/pause`, { reason: '暂停一下', expectedResumeDate: '2026-03-01' })).statusCode).toBe(400)
    expect((await c('POST', `/api/pairings/${id}/pause`, { reason: '暂停一下', expectedResumeDate: '2026-03-20' })).statusCode).toBe(200)
    expect((await c('POST', `/api/pairings/${id}/pause`, { reason: '暂停一下', expectedResumeDate: '2026-03-20' })).json().code).toBe('PAIRING_STATE_CONFLICT')
    const director = call(t, await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE }))
    expect((await director('POST', `/api/pairings/${id}/resume`, {})).statusCode).toBe(403)
  })
})

describe('POST /api/pairings/:id/end', () => {
  it('ends with a reason; the pairing stays in the ledger and the child may be paired again', async () => {
    const { child, v, id } = await active()
    const c = await coordinator()
    expect((await c('POST', `/api/pairings/${id}/end`, { reason: 'other' })).statusCode).toBe(400)
    const ended = await c('POST', `/api/pairings/${id}/end`, { reason: 'volunteer_moved', note: '志愿者调到柳州工作' })
    expect(ended.json()).toMatchObject({ state: 'ended', endReason: 'volunteer_moved', endNote: '志愿者调到柳州工作' })
    expect((await c('GET', `/api/pairings?childId=${child.id}`)).json().items).toHaveLength(1)
    expect((await call(t, v.token)('GET', `/api/children/${child.id}/card`)).statusCode).toBe(404)
    expect((await c('POST', '/api/pairings', { childId: child.id, volunteerId: (await pairableVolunteer(t)).volunteerId })).statusCode).toBe(201)
    expect((await c('POST', `/api/pairings/${id}/resume`, {})).statusCode).toBe(409)
  })
})

describe('a volunteer who leaves', () => {
  it('withdrawing ends their active pairings (volunteer_withdrew), declines proposals, and tells the coordinator', async () => {
    const first = await active({ capacity: 3 })
    const proposal = await pairThrough(t, (await registerChild(t.app, VILLAGE)).id, first.v.volunteerId, 'proposed')
    const res = await call(t, first.v.token)('POST', '/api/volunteers/me/withdraw', { reason: '要去外地照顾孙子' })
    expect(res.statusCode).toBe(200)
    const rows = await t.prisma.pairing.findMany({ where: { volunteerId: first.v.volunteerId }, orderBy: { proposedAt: 'asc' } })
    expect(rows.map((r) => [r.id, r.state, r.endReason])).toEqual([[first.id, 'ended', 'volunteer_withdrew'], [proposal, 'declined', null]])
    const ev = await t.prisma.pairingEvent.findFirstOrThrow({ where: { pairingId: first.id, type: 'ended' } })
    expect(ev).toMatchObject({ actorUserId: first.v.userId, endReason: 'volunteer_withdrew', reason: '志愿者退出' })
    expect(await t.prisma.notification.count({ where: { kind: 'pairing.ended', recipient: { roles: { some: { role: 'coordinator' } } } } })).toBeGreaterThanOrEqual(2)
    // The child is unpaired again, ready for a new match.
    expect((await (await coordinator())('GET', `/api/children/${first.child.id}`)).json().pairingStatus).toBe('unpaired')
  })

  it('a suspension ends them with volunteer_suspended, in the same transaction', async () => {
    const { v, id } = await active()
    expect((await (await coordinator())('POST', `/api/vetting/applications/${v.volunteerId}/suspend`, { reason: '收到家长投诉，暂停核实' })).statusCode).toBe(200)
    expect(await t.prisma.pairing.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'ended', endReason: 'volunteer_suspended' })
  })
})

describe("a child's file that closes", () => {
  it('ends the live pairing (aged out → child_aged_out) and tells the volunteer', async () => {
    const { child, v, id } = await active()
    const director = call(t, await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE }))
    expect((await director('POST', `/api/children/${child.id}/close`, { reason: 'aged_out' })).statusCode).toBe(200)
    expect(await t.prisma.pairing.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'ended', endReason: 'child_aged_out' })
    expect(await t.prisma.notification.count({ where: { recipientUserId: v.userId, kind: 'pairing.ended' } })).toBe(1)
  })
})

describe('the ledger', () => {
  it('is append-only: the database refuses to change or delete an event', async () => {
    const { id } = await active()
    await expect(t.prisma.pairingEvent.updateMany({ where: { pairingId: id }, data: { reason: '改写' } })).rejects.toThrow(/append-only/)
    await expect(t.prisma.pairingEvent.deleteMany({ where: { pairingId: id } })).rejects.toThrow(/append-only/)
    await expect(t.prisma.$executeRawUnsafe('TRUNCATE "pairing_events" CASCADE')).rejects.toThrow(/append-only/)
  })

  it('replays to exactly the projection kept in the pairings table, for every pairing made above', async () => {
    const rows = await t.prisma.pairing.findMany({ include: { events: { orderBy: { id: 'asc' } } } })
    expect(rows.length).toBeGreaterThan(8)
    for (const p of rows) {
      const facts: PairingEventFacts[] = p.events.map((e) => ({
        type: e.type, at: e.at.toISOString(), actorUserId: e.actorUserId, reason: e.reason, endReason: e.endReason,
        startDate: dateString(e.startDate), expectedResumeDate: dateString(e.expectedResumeDate),
      }))
      const iso = (d: Date | null) => (d ? d.toISOString() : null)
      expect(foldPairingEvents(facts), p.id).toEqual({
        state: p.state, proposedAt: p.proposedAt.toISOString(), proposedById: p.proposedById, acknowledgedAt: iso(p.acknowledgedAt),
        acknowledgedById: p.acknowledgedById, approvedAt: iso(p.approvedAt), approvedById: p.approvedById, startDate: dateString(p.startDate),
        pausedAt: iso(p.pausedAt), pauseReason: p.pauseReason, expectedResumeDate: dateString(p.expectedResumeDate), endedAt: iso(p.endedAt),
        endReason: p.endReason, endNote: p.endNote, declinedAt: iso(p.declinedAt), declineReason: p.declineReason, stateChangedAt: p.stateChangedAt.toISOString(),
      })
    }
  })
})
