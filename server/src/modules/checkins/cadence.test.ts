/**
 * A pairing's cadence through a season, on a controllable clock: two contacts in the first month,
 * then monthly, across the new year, until it goes stale at 60 days — and the reminders that follow
 * it: the volunteer once per due date, the directors once per check-in waiting 3 days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { activePairing, checkinBody, decide, directorOf, get, recordCheckin, signInAgain } from '../../../../test/helpers/checkins'
import { COUNTY, SIBLING } from '../../../../test/helpers/pairings'
import { tokenFor } from '../../../../test/helpers/personas'
import { sendConfirmReminders, sendDueReminders } from './reminders'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const DAY = 86_400_000
/** 10:00 in China on that date. */
const chinaMorning = (date: string) => new Date(`${date}T02:00:00Z`)

describe('the love-parent cadence of one pairing', () => {
  it('asks for two contacts in the first month, then monthly, across the year boundary, and goes stale at 60 days', async () => {
    t.clock.set(chinaMorning('2025-12-20'))
    const { pairingId, volunteer } = await activePairing(t, { startDate: '2025-12-20' })
    const cadence = async () => {
      const token = await signInAgain(t, volunteer.openid)
      const res = await get(t, token, '/api/checkins/mine')
      return { token, ...res.json().pairings.find((p: { pairingId: string }) => p.pairingId === pairingId).cadence }
    }
    const confirmedVisit = async (token: string) => decide(t, await directorOf(t), await recordCheckin(t, token, checkinBody(t, pairingId)), 'confirm')

    expect(await cadence()).toMatchObject({ phase: 'first_month', nextDueOn: '2026-01-03', health: 'on_track', firstMonthContacts: 0 })
    t.clock.set(chinaMorning('2025-12-29'))
    expect(await cadence()).toMatchObject({ health: 'due' })

    // Two visits on one day count as one contact of the two the first month asks for.
    t.clock.set(chinaMorning('2025-12-30'))
    let { token } = await cadence()
    await confirmedVisit(token)
    await confirmedVisit(token)
    expect(await cadence()).toMatchObject({ phase: 'first_month', firstMonthContacts: 1, nextDueOn: '2026-01-20', lastContactOn: '2025-12-30' })

    t.clock.set(chinaMorning('2026-01-15'))
    ;({ token } = await cadence())
    await confirmedVisit(token)
    expect(await cadence()).toMatchObject({ phase: 'monthly', firstMonthContacts: 2, nextDueOn: '2026-02-15', health: 'on_track' })

    t.clock.set(chinaMorning('2026-02-16'))
    expect(await cadence()).toMatchObject({ health: 'overdue', daysWithoutContact: 32 })
    t.clock.set(chinaMorning('2026-03-16'))
    expect(await cadence()).toMatchObject({ health: 'stale', daysWithoutContact: 60 })
    // The pairing ledger says the same, from the same last confirmed contact.
    const ledger = await get(t, await tokenFor(t.app, { role: 'coordinator', regionCode: COUNTY }), `/api/pairings/${pairingId}`)
    expect(ledger.json()).toMatchObject({ stale: true, daysWithoutContact: 60 })
  })
})

describe('reminders (jobs: checkin_due_reminders, checkin_confirm_reminders)', () => {
  it('reminds the volunteer once per due date when a contact is due', async () => {
    t.clock.set(chinaMorning('2026-03-01'))
    const { pairingId, volunteer } = await activePairing(t, { startDate: '2026-03-01' })
    const reminders = () => t.prisma.notification.findMany({ where: { recipientUserId: volunteer.userId, kind: 'checkin.due' }, orderBy: { createdAt: 'asc' } })
    await sendDueReminders(t.prisma, t.clock.now())
    expect(await reminders()).toHaveLength(0)
    t.clock.set(chinaMorning('2026-03-10'))
    await sendDueReminders(t.prisma, t.clock.now())
    await sendDueReminders(t.prisma, t.clock.now())
    expect((await reminders()).map((n) => n.body)).toEqual(['请在3月15日前联系孩子，并在小程序中记录'])
    // Still not visited a week later: the same due date, no second reminder.
    t.clock.set(chinaMorning('2026-03-17'))
    await sendDueReminders(t.prisma, t.clock.now())
    expect(await reminders()).toHaveLength(1)
    // A confirmed visit moves the due date; when that one comes near, one more.
    const token = await signInAgain(t, volunteer.openid)
    await decide(t, await directorOf(t), await recordCheckin(t, token, checkinBody(t, pairingId)), 'confirm')
    t.clock.set(chinaMorning('2026-03-28'))
    await sendDueReminders(t.prisma, t.clock.now())
    expect((await reminders()).map((n) => n.body)).toEqual(['请在3月15日前联系孩子，并在小程序中记录', '请在4月1日前联系孩子，并在小程序中记录'])
    expect(await t.prisma.reminderSent.count({ where: { kind: 'checkin.due', subjectId: pairingId } })).toBe(2)
  })

  it("reminds the village's directors once when a check-in has waited 3 days", async () => {
    t.clock.set(chinaMorning('2026-04-01'))
    const { pairingId, volunteer } = await activePairing(t, { startDate: '2026-03-01', villageCode: SIBLING })
    await directorOf(t, SIBLING) // the village has a director (created on first sign-in)
    const token = await signInAgain(t, volunteer.openid)
    const waiting = await recordCheckin(t, token, checkinBody(t, pairingId))
    const decided = await recordCheckin(t, token, checkinBody(t, pairingId, {}, 5))
    await decide(t, await directorOf(t, SIBLING), decided, 'confirm')
    const directors = await t.prisma.roleAssignment.count({ where: { role: 'child_director', regionCode: SIBLING, revokedAt: null } })
    const sent = () => t.prisma.notification.findMany({ where: { kind: 'checkin.confirm_reminder' } })
    t.clock.advance(3 * DAY - 60_000)
    await sendConfirmReminders(t.prisma, t.clock.now())
    expect(await sent()).toHaveLength(0)
    t.clock.advance(60_000)
    await sendConfirmReminders(t.prisma, t.clock.now())
    await sendConfirmReminders(t.prisma, t.clock.now())
    expect((await sent()).map((n) => n.body)).toEqual(Array(directors).fill('1条爱心家长走访记录已等待3天，请尽快确认'))
    expect(await t.prisma.reminderSent.findMany({ where: { kind: 'checkin.confirm' }, select: { subjectId: true } })).toEqual([{ subjectId: waiting }])
  })
})
