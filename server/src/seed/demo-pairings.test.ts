/**
 * The demo's pairing ledger: 王阿姨 can open her child's card, 李主任 has a proposal to confirm,
 * 陈姐 sees one pairing in each state — and every demo ledger replays to its row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { foldPairingEvents } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../test/helpers/personas'
import { seedDemo } from './demo'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
  await seedDemo(t.prisma, t.keyring)
}, 300_000)
afterAll(() => t.close())

const get = async (persona: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(await tokenFor(t.app, persona)) })

describe('the demo pairings', () => {
  it("give 王阿姨 an active pairing with a 古顶村 child whose card she can open", async () => {
    const mine = (await get('demo.volunteer.wang', '/api/pairings/mine')).json()
    expect(mine.items).toHaveLength(1)
    expect(mine.items[0]).toMatchObject({ state: 'active', cardAvailable: true, child: { villageName: '古顶村委会' } })
    const card = await get('demo.volunteer.wang', `/api/children/${mine.items[0].child.id}/card`)
    expect(card.statusCode).toBe(200)
    expect(card.json()).toMatchObject({ view: 'card', director: { name: '李芳' } })
  })

  it("put a proposal on 李主任's desk and one pairing of each state in 陈姐's ledger", async () => {
    const guding = (await get('demo.director.guding', '/api/pairings?state=proposed')).json()
    expect(guding.items).toHaveLength(1)
    expect(guding.items[0]).toMatchObject({ volunteer: { realName: '韦德福' } })
    const county = (await get('demo.coordinator', '/api/pairings')).json()
    expect(county.counts).toEqual({ proposed: 1, acknowledged: 1, active: 1, paused: 1, ended: 1, declined: 0 })
    const ended = county.items.find((i: { state: string }) => i.state === 'ended')
    expect(ended).toMatchObject({ endReason: 'family_declined', volunteer: { realName: '莫晓红' } })
    expect((await get('demo.coordinator', '/api/pairings/priority-children')).json().total).toBeGreaterThan(0)
  })

  it('are written as ledgers: each row is the fold of its events', async () => {
    const rows = await t.prisma.pairing.findMany({ include: { events: { orderBy: { id: 'asc' } } } })
    expect(rows).toHaveLength(5)
    for (const p of rows) {
      const folded = foldPairingEvents(p.events.map((e) => ({
        type: e.type, at: e.at.toISOString(), actorUserId: e.actorUserId, reason: e.reason, endReason: e.endReason,
        startDate: e.startDate?.toISOString().slice(0, 10) ?? null, expectedResumeDate: e.expectedResumeDate?.toISOString().slice(0, 10) ?? null,
      })))
      expect(folded.state).toBe(p.state)
      expect(folded.stateChangedAt).toBe(p.stateChangedAt.toISOString())
      expect(p.events.at(-1)!.toState).toBe(p.state)
    }
  })
})
