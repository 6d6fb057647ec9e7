/**
 * The director's confirmation (李主任, step 3) and what it counts for: the queue of her village,
 * confirm or dispute once (two at once: one wins, the other 409), the pairing's last confirmed
 * contact, points, the volunteer's record page, and what the coordinator sees after 14 days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HOURS_LABEL } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { activePairing, checkinBody, decide, directorOf, get, recordCheckin } from '../../../../test/helpers/checkins'
import { COUNTY, OTHER_COUNTY, SIBLING, TOWNSHIP, VILLAGE } from '../../../../test/helpers/pairings'
import { tokenFor } from '../../../../test/helpers/personas'
import { grantRole } from '../../lib/role-grants'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const DAY = 86_400_000

describe('GET /api/checkins/queue', () => {
  it("lists the pending check-ins of the director's village, oldest first, never another village's", async () => {
    const a = await activePairing(t, { villageCode: SIBLING })
    const b = await activePairing(t, { villageCode: SIBLING })
    const elsewhere = await activePairing(t, { villageCode: VILLAGE })
    const first = await recordCheckin(t, b.volunteer.token, checkinBody(t, b.pairingId))
    t.clock.advance(60_000)
    const second = await recordCheckin(t, a.volunteer.token, checkinBody(t, a.pairingId, { worried: true }))
    await recordCheckin(t, elsewhere.volunteer.token, checkinBody(t, elsewhere.pairingId))
    const res = await get(t, await directorOf(t, SIBLING), '/api/checkins/queue')
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([first, second])
    expect((await get(t, await directorOf(t, SIBLING), '/api/checkins/queue?sort=newest')).json().items.map((i: { id: string }) => i.id)).toEqual([second, first])
    expect(res.json().items[1]).toMatchObject({ worried: true, child: { villageCode: SIBLING, villageName: expect.any(String) }, volunteer: { realName: '测试志愿者' }, status: 'pending' })
    expect((await get(t, await tokenFor(t.app, { role: 'coordinator', regionCode: COUNTY }), '/api/checkins/queue')).statusCode).toBe(403)
  })
})

describe('POST /api/checkins/:id/confirm and /dispute', () => {
  it("confirms: points, the pairing's last confirmed contact (never moved back), the volunteer told", async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const director = await directorOf(t)
    const recent = await recordCheckin(t, volunteer.token, checkinBody(t, pairingId, {}, 3))
    const older = await recordCheckin(t, volunteer.token, checkinBody(t, pairingId, { durationMinutes: 100 }, 24))
    const res = await decide(t, director, recent, 'confirm', { note: '已电话向奶奶核实' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'confirmed', points: 1.5, decisionNote: '已电话向奶奶核实', decidedByName: expect.any(String) })
    const startedAt = new Date(res.json().startedAt)
    expect((await t.prisma.pairing.findUniqueOrThrow({ where: { id: pairingId } })).lastConfirmedContactAt).toEqual(startedAt)
    // Confirmed later, but an earlier visit: the last contact stays where it was. 100 minutes → 1.5 points.
    expect((await decide(t, director, older, 'confirm')).json().points).toBe(1.5)
    expect((await t.prisma.pairing.findUniqueOrThrow({ where: { id: pairingId } })).lastConfirmedContactAt).toEqual(startedAt)
    expect(await t.prisma.notification.count({ where: { recipientUserId: volunteer.userId, kind: 'checkin.confirmed' } })).toBe(2)
    expect(await t.prisma.auditLog.count({ where: { action: 'checkin.confirm', targetId: recent } })).toBe(1)
  })

  it('disputes with a reason, once; the check-in counts for nothing', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const director = await directorOf(t)
    const id = await recordCheckin(t, volunteer.token, checkinBody(t, pairingId))
    expect((await decide(t, director, id, 'dispute', {})).statusCode).toBe(400)
    const res = await decide(t, director, id, 'dispute', { reason: '孩子这周在外婆家' })
    expect(res.json()).toMatchObject({ status: 'disputed', decisionNote: '孩子这周在外婆家', points: null })
    const again = await decide(t, director, id, 'confirm')
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('CHECKIN_ALREADY_DECIDED')
    expect((await t.prisma.pairing.findUniqueOrThrow({ where: { id: pairingId } })).lastConfirmedContactAt).toBeNull()
    expect(await t.prisma.notification.count({ where: { recipientUserId: volunteer.userId, kind: 'checkin.disputed' } })).toBe(1)
  })

  it('lets one of a simultaneous confirm and dispute through; the other gets 409', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const [d1, d2] = [await directorOf(t), await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE })]
    const id = await recordCheckin(t, volunteer.token, checkinBody(t, pairingId))
    const results = await Promise.all([decide(t, d1, id, 'confirm'), decide(t, d2, id, 'dispute')])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const row = await t.prisma.checkin.findUniqueOrThrow({ where: { id } })
    expect(row.status).toBe(results.find((r) => r.statusCode === 200)!.json().status)
  })

  it("answers 404 to another village's director, 403 to a coordinator, and 403 to a director confirming her own visit", async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const id = await recordCheckin(t, volunteer.token, checkinBody(t, pairingId))
    expect((await decide(t, await directorOf(t, SIBLING), id, 'confirm')).statusCode).toBe(404)
    expect((await decide(t, await tokenFor(t.app, { role: 'coordinator', regionCode: COUNTY }), id, 'confirm')).statusCode).toBe(403)
    // The volunteer also holds the village's director role (two hats): not her own visit.
    const hat = await grantRole(t.prisma, { userId: volunteer.userId, role: 'child_director', regionCode: VILLAGE })
    await t.prisma.session.updateMany({ where: { userId: volunteer.userId }, data: { activeRoleId: hat.id } })
    const own = await decide(t, volunteer.token, id, 'confirm')
    expect(own.statusCode).toBe(403)
    expect(own.json().message).toBe('不能确认自己记录的走访')
  })

  it('is kept by the database too: a decided check-in cannot be rewritten, and none can be deleted', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const id = await recordCheckin(t, volunteer.token, checkinBody(t, pairingId))
    await expect(t.prisma.checkin.update({ where: { id }, data: { summary: '改过的内容' } })).rejects.toThrow()
    await decide(t, await directorOf(t), id, 'confirm')
    await expect(t.prisma.checkin.update({ where: { id }, data: { status: 'disputed' } })).rejects.toThrow()
    await expect(t.prisma.checkin.delete({ where: { id } })).rejects.toThrow()
  })
})

describe('GET /api/checkins/unconfirmed', () => {
  it('shows coordinators and supervisors of the region what waited 14 days, and nobody outside it', async () => {
    const { pairingId, volunteer } = await activePairing(t, { villageCode: SIBLING })
    const id = await recordCheckin(t, volunteer.token, checkinBody(t, pairingId))
    // Sessions of staff end after 30 idle minutes: sign in again after each jump of the clock.
    const coordinator = () => tokenFor(t.app, { role: 'coordinator', regionCode: COUNTY })
    const ids = async (token: string, q = '') => {
      const res = await get(t, token, `/api/checkins/unconfirmed${q}`)
      expect(res.statusCode).toBe(200)
      return res.json().items.map((i: { id: string }) => i.id)
    }
    t.clock.advance(13 * DAY)
    expect(await ids(await coordinator())).not.toContain(id)
    t.clock.advance(DAY)
    expect(await ids(await coordinator())).toContain(id)
    expect(await ids(await tokenFor(t.app, { role: 'supervisor', regionCode: TOWNSHIP }))).toContain(id)
    expect(await ids(await tokenFor(t.app, { role: 'coordinator', regionCode: OTHER_COUNTY }))).not.toContain(id)
    expect(await ids(await coordinator(), `?regionCode=${VILLAGE}`)).not.toContain(id)
    expect((await get(t, await coordinator(), `/api/checkins/unconfirmed?regionCode=${OTHER_COUNTY}`)).statusCode).toBe(404)
    expect((await get(t, await directorOf(t, SIBLING), '/api/checkins/unconfirmed')).statusCode).toBe(403)
  })
})

describe('GET /api/checkins/mine and GET /api/checkins?pairingId=', () => {
  it('counts hours and points from confirmed check-ins only, labelled as platform records', async () => {
    const { pairingId, volunteer } = await activePairing(t)
    const director = await directorOf(t)
    const a = await recordCheckin(t, volunteer.token, checkinBody(t, pairingId, { durationMinutes: 90 }, 30))
    const b = await recordCheckin(t, volunteer.token, checkinBody(t, pairingId, { durationMinutes: 45 }, 20))
    const c = await recordCheckin(t, volunteer.token, checkinBody(t, pairingId, { durationMinutes: 120 }, 10))
    await recordCheckin(t, volunteer.token, checkinBody(t, pairingId, { durationMinutes: 60 }, 5))
    await decide(t, director, a, 'confirm')
    await decide(t, director, b, 'confirm')
    await decide(t, director, c, 'dispute')
    const mine = (await get(t, volunteer.token, '/api/checkins/mine')).json()
    expect(mine.totals).toEqual({ hours: 2.3, points: 2.5, confirmed: 2, pending: 1, disputed: 1 })
    expect(mine.hoursLabel).toBe(HOURS_LABEL)
    expect(mine.items).toHaveLength(4)
    expect(mine.items[0].child).toEqual({ displayName: expect.any(String) })
    expect(mine.items[0].child.name).toBeUndefined()
    expect(mine.activities).toEqual({ confirmed: 0, pending: 0, hours: 0 })
    // The child is not near water: no water-safety task before the holiday.
    expect(mine.pairings).toEqual([{ pairingId, childDisplayName: expect.any(String), cadence: expect.objectContaining({ health: 'on_track', firstMonthContacts: 1 }), waterSafety: null }])
  })

  it("gives staff of the region a pairing's check-ins with its cadence, audited; 404 outside", async () => {
    const { pairingId, volunteer } = await activePairing(t)
    await recordCheckin(t, volunteer.token, checkinBody(t, pairingId))
    const coordinator = await tokenFor(t.app, { role: 'coordinator', regionCode: COUNTY })
    const res = await get(t, coordinator, `/api/checkins?pairingId=${pairingId}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ pairingId, cadence: { health: expect.any(String), firstMonthRequired: 2 }, items: [{ status: 'pending', child: { name: expect.any(String) } }] })
    expect(await t.prisma.auditLog.count({ where: { action: 'checkin.read', targetId: pairingId } })).toBe(1)
    expect((await get(t, await directorOf(t, SIBLING), `/api/checkins?pairingId=${pairingId}`)).statusCode).toBe(404)
    expect((await get(t, volunteer.token, `/api/checkins?pairingId=${pairingId}`)).statusCode).toBe(403)
  })
})
