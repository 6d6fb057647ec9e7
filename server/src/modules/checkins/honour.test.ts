/**
 * The honour board (好人榜): only volunteers who opted in, by points from confirmed check-ins in the
 * region's villages; the real name only when chosen; never a child.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HOURS_LABEL } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { activePairing, checkinBody, decide, directorOf, get, recordCheckin } from '../../../../test/helpers/checkins'
import { SANFANG, TOWNSHIP, VILLAGE } from '../../../../test/helpers/pairings'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const put = (token: string, payload: object) => t.app.inject({ method: 'PUT', url: '/api/honour-board/me', headers: bearer(token), payload })

/** A volunteer with `minutes` of confirmed service (and one pending visit that must not count). */
async function served(realName: string, minutes: number) {
  const { pairingId, volunteer } = await activePairing(t)
  await t.prisma.volunteer.update({ where: { id: volunteer.volunteerId }, data: { realName, gender: 'female', kind: 'love_mother' } })
  const id = await recordCheckin(t, volunteer.token, checkinBody(t, pairingId, { durationMinutes: minutes }, 13))
  await decide(t, await directorOf(t), id, 'confirm')
  await recordCheckin(t, volunteer.token, checkinBody(t, pairingId, { durationMinutes: 600 }, 11))
  return volunteer
}

describe('PUT /api/honour-board/me and GET /api/honour-board', () => {
  it('shows only those who opted in, ranked by points, by surname unless the full name was chosen', async () => {
    const wang = await served('王秀兰', 90)
    const li = await served('李春梅', 180)
    await served('赵不愿', 600)
    expect((await put(wang.token, { optIn: true })).json()).toEqual({ optIn: true, showFullName: false, displayName: '王阿姨' })
    expect((await put(li.token, { optIn: true, showFullName: true })).json()).toEqual({ optIn: true, showFullName: true, displayName: '李春梅' })
    const board = await get(t, await tokenFor(t.app, { role: 'coordinator', regionCode: TOWNSHIP }), `/api/honour-board?regionCode=${TOWNSHIP}`)
    expect(board.statusCode).toBe(200)
    expect(board.json()).toMatchObject({ regionCode: TOWNSHIP, regionName: expect.any(String), year: null, hoursLabel: HOURS_LABEL })
    expect(board.json().items).toEqual([
      { rank: 1, name: '李春梅', hours: 3, points: 3, checkins: 1 },
      { rank: 2, name: '王阿姨', hours: 1.5, points: 1.5, checkins: 1 },
    ])
    // Nothing about a child, whatever the board's reader.
    expect(board.body).not.toMatch(/结对童|小童/)
  })

  it('drops a volunteer who opts out, and counts the region and year asked for', async () => {
    const zhou = await served('周小红', 60)
    await put(zhou.token, { optIn: true })
    const reader = await tokenFor(t.app, { role: 'volunteer', regionCode: TOWNSHIP })
    const names = async (q: string) => (await get(t, reader, `/api/honour-board?${q}`)).json().items.map((i: { name: string }) => i.name)
    expect(await names(`regionCode=${VILLAGE}`)).toContain('周阿姨')
    expect(await names(`regionCode=${VILLAGE}&year=2026`)).toContain('周阿姨')
    expect(await names(`regionCode=${VILLAGE}&year=2025`)).not.toContain('周阿姨')
    expect(await names(`regionCode=${SANFANG}`)).not.toContain('周阿姨')
    expect((await put(zhou.token, { optIn: false, showFullName: true })).json()).toMatchObject({ optIn: false, showFullName: false })
    expect(await names(`regionCode=${VILLAGE}`)).not.toContain('周阿姨')
    expect((await get(t, zhou.token, '/api/honour-board/me')).json()).toEqual({ optIn: false, showFullName: false, displayName: '周阿姨' })
  })

  it('answers 404 for an unknown region, and the opt-in is for volunteers with a profile', async () => {
    const reader = await tokenFor(t.app, { role: 'coordinator', regionCode: TOWNSHIP })
    expect((await get(t, reader, '/api/honour-board?regionCode=999999000000')).statusCode).toBe(404)
    expect((await put(reader, { optIn: true })).statusCode).toBe(403)
    const noProfile = await tokenFor(t.app, { role: 'volunteer', regionCode: SANFANG })
    expect((await put(noProfile, { optIn: true })).json().code).toBe('VOLUNTEER_PROFILE_MISSING')
  })
})
