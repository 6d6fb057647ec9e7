/**
 * Who sees which part of the ledger: staff their region's rows (filters, counts per state, stale
 * pairings flagged), the director their village, a volunteer their own pairings with the child's
 * display name only, a team leader who is paired and since when — never which child.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chinaDate } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { registerChild } from '../../../../test/helpers/children'
import { COUNTY, SANFANG, SIBLING, TOWNSHIP, VILLAGE, call, pairThrough, pairableVolunteer } from '../../../../test/helpers/pairings'
import { tokenFor } from '../../../../test/helpers/personas'
import { wechatUser } from '../../../../test/helpers/volunteers'
import { recordConfirmedContact } from './contact'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const as = async (role: 'coordinator' | 'child_director' | 'civil_affairs' | 'supervisor' | 'group_leader', regionCode: string) => call(t, await tokenFor(t.app, { role, regionCode }))
const DAY = 86_400_000

describe('GET /api/pairings', () => {
  it('lists the region by state, village, volunteer, child and team, with counts per state', async () => {
    const team = await t.prisma.team.create({ data: { name: '情暖童心', type: 'youth_league', serviceRegionCode: COUNTY, joinCode: 'LEDGER01', leaderUserId: (await t.prisma.user.create({ data: { displayName: '队长' } })).id } })
    const inTeam = await pairableVolunteer(t, { teamId: team.id, capacity: 3 })
    const a = await registerChild(t.app, VILLAGE)
    const b = await registerChild(t.app, SIBLING)
    const activeId = await pairThrough(t, a.id, inTeam.volunteerId, 'active')
    t.clock.advance(60_000) // latest change first
    const proposedId = await pairThrough(t, b.id, inTeam.volunteerId, 'proposed', SIBLING)
    const county = await as('coordinator', COUNTY)
    const all = (await county('GET', '/api/pairings')).json()
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([proposedId, activeId])
    expect(all).toMatchObject({ total: 2, counts: { proposed: 1, active: 1, ended: 0 }, staleCount: 0 })
    expect(all.items[1]).toMatchObject({ state: 'active', child: { name: '韦小花', villageName: '古顶村委会' }, volunteer: { team: { name: '情暖童心' } }, startDate: '2026-03-02' })
    const ids = async (q: string) => (await county('GET', `/api/pairings?${q}`)).json().items.map((i: { id: string }) => i.id)
    expect(await ids('state=active')).toEqual([activeId])
    expect(await ids(`regionCode=${SIBLING}`)).toEqual([proposedId])
    expect(await ids(`childId=${a.id}`)).toEqual([activeId])
    expect(await ids(`volunteerId=${inTeam.volunteerId}`)).toEqual([proposedId, activeId])
    expect(await ids(`teamId=${team.id}&state=proposed`)).toEqual([proposedId])
    // The director of 古顶村 sees her village only; a coordinator of 三防镇 none of these.
    expect((await (await as('child_director', VILLAGE))('GET', '/api/pairings')).json().items.map((i: { id: string }) => i.id)).toEqual([activeId])
    expect((await (await as('coordinator', SANFANG))('GET', '/api/pairings')).json().total).toBe(0)
    expect((await (await as('group_leader', COUNTY))('GET', '/api/pairings')).statusCode).toBe(403)
  })

  it('flags active pairings without a confirmed contact for 60 days; the check-in seam clears the flag', async () => {
    const child = await registerChild(t.app, VILLAGE)
    const id = await pairThrough(t, child.id, (await pairableVolunteer(t)).volunteerId, 'active')
    const start = t.clock.now()
    try {
      t.clock.advance(59 * DAY)
      let row = (await (await as('coordinator', COUNTY))('GET', `/api/pairings?childId=${child.id}`)).json().items[0]
      expect(row).toMatchObject({ stale: false, daysWithoutContact: 59 })
      t.clock.advance(DAY)
      const county = await as('coordinator', COUNTY)
      row = (await county('GET', `/api/pairings?childId=${child.id}`)).json().items[0]
      expect(row).toMatchObject({ stale: true, daysWithoutContact: 60, lastConfirmedContactAt: null })
      const stale = (await county('GET', '/api/pairings?stale=true')).json()
      expect(stale.items.map((i: { id: string }) => i.id)).toContain(id)
      expect(stale.staleCount).toBe(stale.total)
      // Issue #8 calls this when a director confirms a check-in.
      await t.prisma.$transaction((tx) => recordConfirmedContact(tx, id, new Date(start.getTime() + 50 * DAY)))
      row = (await county('GET', `/api/pairings?childId=${child.id}`)).json().items[0]
      expect(row).toMatchObject({ stale: false, daysWithoutContact: 10 })
      expect((await county('GET', '/api/pairings?stale=true')).json().items.map((i: { id: string }) => i.id)).not.toContain(id)
    } finally {
      t.clock.set(start)
    }
  })
})

describe('GET /api/pairings/:id', () => {
  it('shows the events with who did what, audited; 404 outside the region', async () => {
    const id = await pairThrough(t, (await registerChild(t.app, VILLAGE)).id, (await pairableVolunteer(t)).volunteerId, 'active')
    const res = await (await as('civil_affairs', COUNTY))('GET', `/api/pairings/${id}`)
    expect(res.statusCode).toBe(200)
    expect(res.json().events.map((e: { type: string; actorRole: string }) => [e.type, e.actorRole])).toEqual([
      ['proposed', 'coordinator'], ['acknowledged', 'child_director'], ['approved', 'coordinator'],
    ])
    expect(await t.prisma.auditLog.count({ where: { action: 'pairing.read', targetId: id } })).toBe(1)
    const outside = await (await as('supervisor', SANFANG))('GET', `/api/pairings/${id}`)
    const missing = await (await as('supervisor', SANFANG))('GET', '/api/pairings/00000000-0000-4000-8000-000000000000')
    expect(outside.statusCode).toBe(404)
    expect(outside.json()).toEqual(missing.json())
  })
})

describe('GET /api/pairings/mine', () => {
  it("shows a volunteer their started pairings with the child's display name only — not proposals", async () => {
    const v = await pairableVolunteer(t, { capacity: 3 })
    const started = await pairThrough(t, (await registerChild(t.app, VILLAGE)).id, v.volunteerId, 'active')
    await pairThrough(t, (await registerChild(t.app, VILLAGE)).id, v.volunteerId, 'proposed')
    const res = await call(t, v.token)('GET', '/api/pairings/mine')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      items: [{ id: started, state: 'active', startDate: '2026-03-02', expectedResumeDate: null, endedAt: null, endReason: null, child: expect.objectContaining({ displayName: '小花', villageName: '古顶村委会' }), cardAvailable: true }],
    })
    expect(res.body).not.toContain('韦小花')
  })
})

describe('what other modules see', () => {
  it("a team leader's roster: who is paired and since when, never the child", async () => {
    const leader = await wechatUser(t)
    const registered = await call(t, leader.token)('POST', '/api/teams', { name: '童心港湾', type: 'youth_league', parentOrganisation: '共青团融水县委', serviceRegionCode: COUNTY })
    const team = registered.json() as { id: string }
    const paired = await pairableVolunteer(t, { teamId: team.id })
    const idle = await pairableVolunteer(t, { teamId: team.id })
    const child = await registerChild(t.app, VILLAGE)
    await pairThrough(t, child.id, paired.volunteerId, 'active')
    const res = await call(t, leader.token)('GET', `/api/teams/${team.id}/members`)
    expect(res.statusCode).toBe(200)
    const byId = new Map(res.json().items.map((m: { volunteerId: string }) => [m.volunteerId, m]))
    expect(byId.get(paired.volunteerId)).toMatchObject({ paired: true, pairedSince: '2026-03-02T00:00:00.000Z' })
    expect(byId.get(idle.volunteerId)).toMatchObject({ paired: false, pairedSince: null })
    expect(res.body).not.toContain(child.id)
    expect(res.body).not.toContain('韦小花')
  })

  it("children's files: pairingStatus and the paired filter follow live pairings", async () => {
    const child = await registerChild(t.app, VILLAGE, { name: '覃结对' })
    await pairThrough(t, child.id, (await pairableVolunteer(t)).volunteerId, 'proposed')
    const director = await as('child_director', VILLAGE)
    const paired = (await director('GET', '/api/children?paired=true&pageSize=100')).json().items.map((i: { id: string }) => i.id)
    const unpaired = (await director('GET', '/api/children?paired=false&pageSize=100')).json().items.map((i: { id: string }) => i.id)
    expect(paired).toContain(child.id)
    expect(unpaired).not.toContain(child.id)
    expect((await director('GET', `/api/children/${child.id}`)).json().pairingStatus).toBe('paired')
  })

  it('a live pairing follows its child to a new village; the old village no longer sees it', async () => {
    const child = await registerChild(t.app, VILLAGE)
    const id = await pairThrough(t, child.id, (await pairableVolunteer(t)).volunteerId, 'active')
    await t.prisma.child.update({ where: { id: child.id }, data: { villageCode: SIBLING } })
    expect((await t.prisma.pairing.findUniqueOrThrow({ where: { id } })).villageCode).toBe(SIBLING)
    expect((await (await as('child_director', VILLAGE))('GET', `/api/pairings/${id}`)).statusCode).toBe(404)
    expect((await (await as('child_director', SIBLING))('GET', `/api/pairings/${id}`)).statusCode).toBe(200)
    expect((await (await as('coordinator', TOWNSHIP))('GET', `/api/pairings/${id}`)).statusCode).toBe(200)
  })

  it('the counts the ledger reads stay equal to the pairings themselves, through every change above', async () => {
    // pairing_counts and pairing_due_days are kept by a trigger (migration 20261209010000_ledger_counts);
    // counted afresh here from the pairings, for each village, township and county.
    const pairings = await t.prisma.pairing.findMany({ select: { villageCode: true, state: true, lastConfirmedContactAt: true, startDate: true, volunteerId: true } })
    const regions = (village: string) => [village, `${village.slice(0, 9)}000`, `${village.slice(0, 6)}000000`]
    const tally = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1)
    const counts = new Map<string, number>()
    const dueDays = new Map<string, number>()
    const live = new Map<string, number>()
    for (const p of pairings) {
      for (const r of regions(p.villageCode)) {
        tally(counts, `${r} ${p.state}`)
        const due = p.lastConfirmedContactAt ? chinaDate(p.lastConfirmedContactAt) : p.startDate?.toISOString().slice(0, 10)
        if (p.state === 'active' && due) tally(dueDays, `${r} ${due}`)
      }
      if (['proposed', 'acknowledged', 'active', 'paused'].includes(p.state)) tally(live, p.volunteerId)
    }
    const kept = async (rows: Promise<Array<{ key: string; n: number }>>) => new Map((await rows).map((r) => [r.key, r.n]))
    expect(await kept(t.prisma.$queryRaw`SELECT "regionCode" || ' ' || state AS key, n FROM pairing_counts WHERE n <> 0`)).toEqual(counts)
    expect(await kept(t.prisma.$queryRaw`SELECT "regionCode" || ' ' || day::text AS key, n FROM pairing_due_days WHERE n <> 0`)).toEqual(dueDays)
    expect(await kept(t.prisma.$queryRaw`SELECT id::text AS key, "livePairings"::int AS n FROM volunteers WHERE "livePairings" <> 0`)).toEqual(live)
    expect(pairings.some((p) => p.lastConfirmedContactAt)).toBe(true)
  })
})

