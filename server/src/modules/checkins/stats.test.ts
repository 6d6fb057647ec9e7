/**
 * The check-ins seam of the dashboards and exports (dashboard/checkins.ts confirmedCheckins): only
 * confirmed check-ins, confirmed inside the window, of pairings under the region — per pairing, per
 * China month of confirmation, per village, and in total.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { activePairing, checkinBody, decide, directorOf, recordCheckin } from '../../../../test/helpers/checkins'
import { SIBLING, VILLAGE } from '../../../../test/helpers/pairings'
import { confirmedCheckins } from '../dashboard/checkins'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp() // 2026-03-02 10:00 in China
})
afterAll(() => t.close())

describe('confirmedCheckins (the dashboards’ seam)', () => {
  it('counts confirmed check-ins and their hours per pairing, month and village', async () => {
    const a = await activePairing(t, { villageCode: VILLAGE })
    const b = await activePairing(t, { villageCode: SIBLING })
    const confirm = async (p: typeof a, village: string, minutes: number, hoursAgo: number) =>
      decide(t, await directorOf(t, village), await recordCheckin(t, p.volunteer.token, checkinBody(t, p.pairingId, { durationMinutes: minutes }, hoursAgo)), 'confirm')
    await confirm(a, VILLAGE, 90, 5)
    await confirm(a, VILLAGE, 60, 3)
    await confirm(b, SIBLING, 30, 3)
    await recordCheckin(t, b.volunteer.token, checkinBody(t, b.pairingId, { durationMinutes: 600 }, 12)) // pending: not counted
    const window = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') }

    const township = await confirmedCheckins(t.prisma, { regionPrefix: '450225101', ...window })
    expect(township.available).toBe(true)
    expect(township.total).toEqual({ count: 3, hours: 3 })
    expect(township.byPairing.get(a.pairingId)).toMatchObject({ count: 2, hours: 2.5, lastConfirmedAt: expect.any(Date) })
    expect(township.byMonth.get('2026-03')).toEqual({ count: 3, hours: 3 })
    expect(township.byVillage.get(SIBLING)).toEqual({ count: 1, hours: 0.5 })

    const village = await confirmedCheckins(t.prisma, { regionPrefix: VILLAGE, ...window, pairingIds: [a.pairingId] })
    expect(village.total).toEqual({ count: 2, hours: 2.5 })
    const before = await confirmedCheckins(t.prisma, { regionPrefix: '450225', from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') })
    expect(before.total).toEqual({ count: 0, hours: 0 })
  })
})
