/** The demo's check-ins: 王阿姨's record shows two confirmed visits, 李主任's queue the third. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../test/helpers/personas'
import { seedDemo } from './demo'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
  t.clock.set(new Date())
  await seedDemo(t.prisma, t.keyring)
}, 300_000)
afterAll(() => t.close())

const get = async (persona: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(await tokenFor(t.app, persona)) })

describe('the demo check-ins', () => {
  it("give 王阿姨 platform-recorded hours and points from two confirmed visits, a third pending, her pairing on track", async () => {
    const mine = (await get('demo.volunteer.wang', '/api/checkins/mine')).json()
    expect(mine.totals).toEqual({ hours: 2, points: 2, confirmed: 2, pending: 1, disputed: 0 })
    expect(mine.pairings).toEqual([expect.objectContaining({ cadence: expect.objectContaining({ health: 'on_track', phase: 'monthly' }) })])
  })

  it("put the pending visit in 李主任's queue and 王阿姨 on the county's honour board by her surname", async () => {
    const queue = (await get('demo.director.guding', '/api/checkins/queue')).json()
    expect(queue.items).toHaveLength(1)
    expect(queue.items[0]).toMatchObject({ volunteer: { realName: '王秀兰' }, status: 'pending' })
    const board = (await get('demo.coordinator', '/api/honour-board?regionCode=450225000000')).json()
    expect(board.items).toEqual([{ rank: 1, name: '王阿姨', hours: 2, points: 2, checkins: 2 }])
  })
})
