/**
 * 陈姐's matching: the priority children without a pairing come first; for one child, the
 * volunteers with room are ranked by nearness, needs ↔ skills, interests, contact mode and load,
 * each with its reasons — and the SQL ranking agrees with the shared explanation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { explainMatch } from '@qstx/shared'
import type { ScopedActor } from '../../lib/actor'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { registerChild } from '../../../../test/helpers/children'
import { COUNTY, OTHER_COUNTY, SANFANG, TOWNSHIP, VILLAGE, call, pairThrough, pairableVolunteer } from '../../../../test/helpers/pairings'
import { tokenFor } from '../../../../test/helpers/personas'
import { rankCandidates } from './candidates'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const as = async (role: 'coordinator' | 'child_director' | 'civil_affairs' | 'volunteer', regionCode: string) => call(t, await tokenFor(t.app, { role, regionCode }))
const risk = (level: 'high' | 'critical' | 'low') => ({ level, assessedAt: '2026-01-10', assessor: '李芳' })

describe('GET /api/pairings/suggestions', () => {
  it('ranks volunteers with room by nearness, needs, interests, contact mode and load, with reasons', async () => {
    const child = await registerChild(t.app, VILLAGE, { needs: ['阅读指导', '心理疏导'], interests: ['画画'] })
    const A = await pairableVolunteer(t, { regionCode: VILLAGE, skills: ['reading', 'counselling'], contactModes: ['home_visit'], capacity: 2 })
    const B = await pairableVolunteer(t, { regionCode: TOWNSHIP, skills: ['reading', 'arts'], contactModes: ['home_visit', 'phone_video'], capacity: 1 })
    const C = await pairableVolunteer(t, { regionCode: COUNTY, skills: ['counselling'], contactModes: ['phone_video'], capacity: 2 })
    await pairThrough(t, (await registerChild(t.app, VILLAGE)).id, C.volunteerId, 'active')
    const D = await pairableVolunteer(t, { regionCode: SANFANG, skills: ['reading'], contactModes: ['school_or_children_home'], capacity: 1 })
    // Near, but nothing else in its favour: 40, below D from another township.
    const E = await pairableVolunteer(t, { regionCode: TOWNSHIP, skills: [], contactModes: [], capacity: 1 })
    const full = await pairableVolunteer(t, { regionCode: VILLAGE, skills: ['reading', 'counselling'], capacity: 1 })
    await pairThrough(t, (await registerChild(t.app, VILLAGE)).id, full.volunteerId, 'proposed')
    const pending = await pairableVolunteer(t, { regionCode: VILLAGE, skills: ['reading'], status: 'submitted' })
    const elsewhere = await pairableVolunteer(t, { regionCode: OTHER_COUNTY, skills: ['reading', 'counselling'] })
    const declined = await pairableVolunteer(t, { regionCode: VILLAGE, skills: ['reading', 'counselling'] })
    const d = await pairThrough(t, child.id, declined.volunteerId, 'proposed')
    await (await as('child_director', VILLAGE))('POST', `/api/pairings/${d}/decline`, { reason: '家庭不同意' })

    const res = await (await as('coordinator', COUNTY))('GET', `/api/pairings/suggestions?childId=${child.id}&limit=20`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.child).toMatchObject({ id: child.id, needs: ['阅读指导', '心理疏导'], consentOnFile: true, livePairingId: null })
    const ids = body.items.map((i: { volunteerId: string }) => i.volunteerId)
    expect(ids).toEqual([A.volunteerId, B.volunteerId, D.volunteerId, E.volunteerId, C.volunteerId])
    for (const excluded of [full, pending, elsewhere, declined]) expect(ids).not.toContain(excluded.volunteerId)
    expect(body.items[0]).toMatchObject({
      score: 90, livePairings: 0, serviceRegionName: '古顶村委会',
      reasons: ['同村', '擅长阅读指导，正是孩子需要的', '擅长心理疏导，正是孩子需要的', '住得近，可以上门家访', '目前还没有结对儿童'],
    })
    expect(body.items[1]).toMatchObject({ score: 70, reasons: ['同一乡镇', '擅长阅读指导，正是孩子需要的', '与孩子兴趣相投（艺术）', '住得近，可以上门家访', '目前还没有结对儿童'] })
    expect(body.items[2]).toMatchObject({ score: 41, reasons: ['同一县', '擅长阅读指导，正是孩子需要的', '可在学校或儿童之家见面', '目前还没有结对儿童'] })
    expect(body.items[3]).toMatchObject({ score: 40 })
    expect(body.items[4]).toMatchObject({ score: 39, livePairings: 1, reasons: ['服务范围覆盖全县', '擅长心理疏导，正是孩子需要的', '可以电话或视频联系', '还可以再结对1名儿童'] })
    expect(await t.prisma.auditLog.count({ where: { action: 'pairing.suggest', targetId: child.id } })).toBe(1)

    // A shorter list is the top of the same ranking, whichever way it was found: for one or two,
    // the township's best (90, 70) beat the most anyone farther could score for this child (66),
    // so only the township is ranked; for three its third (E, 40) does not, so the whole county
    // is, and D from the next township (41) comes before E.
    for (const limit of [1, 2, 3, 4, 5]) {
      const top = (await (await as('coordinator', COUNTY))('GET', `/api/pairings/suggestions?childId=${child.id}&limit=${limit}`)).json()
      expect(top.items.map((i: { volunteerId: string }) => i.volunteerId), `limit ${limit}`).toEqual(ids.slice(0, limit))
    }

    // A township coordinator reaches the township's and the county-wide volunteers, not 三防镇's.
    const township = (await (await as('coordinator', TOWNSHIP))('GET', `/api/pairings/suggestions?childId=${child.id}&limit=20`)).json()
    expect(township.items.map((i: { volunteerId: string }) => i.volunteerId)).toEqual([A.volunteerId, B.volunteerId, E.volunteerId, C.volunteerId])
  })

  it('ranks in SQL exactly as the shared explanation scores', async () => {
    const child = await t.prisma.child.findFirstOrThrow({ where: { villageCode: VILLAGE, needs: { has: '阅读指导' } } })
    const actor = { role: 'coordinator', regionCode: COUNTY } as ScopedActor
    const audit = { requestId: 'test', ip: '127.0.0.1', actorUserId: null, actorRole: null, regionCode: null, at: new Date() }
    const { candidates } = (await rankCandidates(t.app.pg, { childId: child.id, actor, limit: 50, audit }))!
    expect(candidates.length).toBeGreaterThan(3)
    for (const r of candidates) expect(r.score, r.id).toBe(explainMatch(child, { ...r, livePairings: r.live }).score)
    expect(candidates.map((r) => r.score)).toEqual([...candidates.map((r) => r.score)].sort((a, b) => b - a))
  })

  it('answers 404 for a child outside the region (no audit row), 403 to roles that do not match', async () => {
    const child = await registerChild(t.app, VILLAGE)
    expect((await (await as('coordinator', SANFANG))('GET', `/api/pairings/suggestions?childId=${child.id}`)).statusCode).toBe(404)
    expect((await (await as('child_director', VILLAGE))('GET', `/api/pairings/suggestions?childId=${child.id}`)).statusCode).toBe(403)
    // Nothing was shown, so nothing is on the record (the audit row is written with the read).
    expect(await t.prisma.auditLog.count({ where: { action: 'pairing.suggest', targetId: child.id } })).toBe(0)
  })
})

describe('GET /api/pairings/priority-children', () => {
  it('lists priority children without a live pairing: highest risk first, then who waited longest', async () => {
    const county = await as('coordinator', COUNTY)
    const before = (await county('GET', '/api/pairings/priority-children?pageSize=100')).json().items.map((i: { id: string }) => i.id)
    const high = await registerChild(t.app, VILLAGE, { name: '蓝高', priorityReasons: ['orphan'], risk: risk('high'), consent: null })
    t.clock.advance(60_000)
    const critical = await registerChild(t.app, VILLAGE, { name: '蓝危', priorityReasons: ['relocation_settlement'], risk: risk('critical') })
    const ordinary = await registerChild(t.app, VILLAGE, { name: '蓝常', priorityReasons: [] })
    const taken = await registerChild(t.app, VILLAGE, { name: '蓝对', priorityReasons: ['de_facto_unsupported'], risk: risk('critical') })
    await pairThrough(t, taken.id, (await pairableVolunteer(t)).volunteerId, 'proposed')
    const res = await county('GET', '/api/pairings/priority-children?pageSize=100')
    expect(res.statusCode).toBe(200)
    const items = res.json().items.filter((i: { id: string }) => !before.includes(i.id))
    expect(items.map((i: { id: string }) => i.id)).toEqual([critical.id, high.id])
    expect(items[1]).toMatchObject({ name: '蓝高', priorityReasons: ['orphan'], riskLevel: 'high', consentOnFile: false, villageName: '古顶村委会', age: 10 })
    expect(JSON.stringify(items)).not.toContain(ordinary.id)
    expect((await (await as('coordinator', SANFANG))('GET', '/api/pairings/priority-children')).json().items.map((i: { id: string }) => i.id)).not.toContain(critical.id)
    expect((await (await as('volunteer', TOWNSHIP))('GET', '/api/pairings/priority-children')).statusCode).toBe(403)
  })
})
