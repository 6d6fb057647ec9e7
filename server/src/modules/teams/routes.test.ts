import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../../test/helpers/personas'
import { api, fullForm, idNumber, mobile, wechatUser } from '../../../../test/helpers/volunteers'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const HEMU = '450225101000'
const team = (overrides: object = {}) => ({ name: '团县委“情暖童心”志愿服务队', type: 'youth_league', parentOrganisation: '共青团融水苗族自治县委员会', serviceRegionCode: '450225000000', ...overrides })

/** A leader who registered a team; their session now wears the group_leader role. */
async function leaderWithTeam(overrides: object = {}) {
  const leader = await wechatUser(t)
  const res = await api(t, leader.token)('POST', '/api/teams', team(overrides))
  expect(res.statusCode).toBe(201)
  return { ...leader, team: res.json() }
}

describe('POST /api/teams', () => {
  it('registers a team with an 8-character join code and makes the registrant its leader', async () => {
    const leader = await wechatUser(t)
    const res = await api(t, leader.token)('POST', '/api/teams', team())
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({ name: '团县委“情暖童心”志愿服务队', type: 'youth_league', serviceRegionName: '融水苗族自治县', memberCounts: { draft: 0, approved: 0 } })
    expect(body.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    expect(body.sharePath).toBe(`/pages/join/index?code=${body.joinCode}`)
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(leader.token) })).json()
    expect(me.activeRole).toMatchObject({ id: body.roleAssignmentId, role: 'group_leader', regionCode: '450225000000' })
    expect((await api(t, leader.token)('GET', '/api/teams/mine')).json()).toMatchObject({ id: body.id, joinCode: body.joinCode })
    expect(await t.prisma.auditLog.count({ where: { action: 'team.register', targetId: body.id } })).toBe(1)
  })

  it('refuses a village as service area, a second team in the same region, and a missing field', async () => {
    const leader = await leaderWithTeam({ serviceRegionCode: HEMU })
    const call = api(t, leader.token)
    expect((await call('POST', '/api/teams', team({ serviceRegionCode: '450225101201' }))).json().fields).toEqual({ serviceRegionCode: '请选择服务的县（区）或乡镇（街道）' })
    const again = await call('POST', '/api/teams', team({ serviceRegionCode: HEMU, name: '第二支队伍' }))
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('TEAM_ALREADY_LED')
    expect((await call('POST', '/api/teams', { name: '无类型', serviceRegionCode: HEMU, parentOrganisation: '和睦镇团委' })).json().fields.type).toBeDefined()
  })
})

describe('POST /api/teams/join', () => {
  it('links a newcomer\'s new draft to the team, with the team\'s usual kind and area as a start', async () => {
    const { team: created } = await leaderWithTeam()
    const member = await wechatUser(t)
    const res = await api(t, member.token)('POST', '/api/teams/join', { code: created.joinCode.toLowerCase() })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ team: { id: created.id, name: created.name }, status: 'draft' })
    const profile = (await api(t, member.token)('GET', '/api/volunteers/me')).json()
    expect(profile).toMatchObject({ kind: 'youth', serviceRegionCode: '450225000000', team: { id: created.id, type: 'youth_league' } })
    // Joining again is harmless; another team is refused.
    expect((await api(t, member.token)('POST', '/api/teams/join', { code: created.joinCode })).statusCode).toBe(200)
    const { team: other } = await leaderWithTeam({ name: '童心港湾', serviceRegionCode: '450225102000' })
    const second = await api(t, member.token)('POST', '/api/teams/join', { code: other.joinCode })
    expect(second.statusCode).toBe(409)
    expect(second.json().code).toBe('TEAM_ALREADY_JOINED')
  })

  it('keeps what a member already chose, and refuses a wrong code', async () => {
    const { team: created } = await leaderWithTeam({ type: 'womens_federation', name: '和睦镇巾帼志愿服务队', serviceRegionCode: HEMU })
    const member = await wechatUser(t)
    await api(t, member.token)('PUT', '/api/volunteers/me/draft', { kind: 'proxy_parent', serviceRegionCode: '450225102000' })
    await api(t, member.token)('POST', '/api/teams/join', { code: created.joinCode })
    expect((await api(t, member.token)('GET', '/api/volunteers/me')).json()).toMatchObject({ kind: 'proxy_parent', serviceRegionCode: '450225102000' })
    const wrong = await api(t, (await wechatUser(t)).token)('POST', '/api/teams/join', { code: 'ZZZZ9999' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().code).toBe('TEAM_CODE_INVALID')
  })
})

describe('GET /api/teams/:id/members', () => {
  it('shows the leader each member\'s status — never an ID number or a phone', async () => {
    const leader = await leaderWithTeam()
    const ids: string[] = []
    const phones: string[] = []
    for (const [i, name] of ['黄思远', '覃小梅'].entries()) {
      t.clock.advance(60_000)
      const m = await wechatUser(t)
      const call = api(t, m.token)
      await call('POST', '/api/teams/join', { code: leader.team.joinCode })
      const id = idNumber('19990101', i === 0 ? 'male' : 'female')
      const phone = mobile()
      ids.push(id)
      phones.push(phone)
      await call('PUT', '/api/volunteers/me/draft', fullForm({ realName: name, idNumber: id, phone, gender: i === 0 ? 'male' : 'female', kind: 'youth' }))
      if (i === 0) await call('POST', '/api/volunteers/me/submit')
    }
    const res = await api(t, leader.token)('GET', `/api/teams/${leader.team.id}/members`)
    expect(res.statusCode).toBe(200)
    const roster = res.json()
    expect(roster.items.map((m: { realName: string; status: string }) => [m.realName, m.status])).toEqual([['黄思远', 'submitted'], ['覃小梅', 'draft']])
    expect(roster.counts).toMatchObject({ submitted: 1, draft: 1, approved: 0 })
    // Pairings exist (issue #7): an unpaired member is `false`, not unknown.
    expect(roster.items[0]).toMatchObject({ kind: 'youth', paired: false, pairedSince: null, approvedAt: null })
    for (const secret of [...ids, ...phones, ...ids.map((i) => i.slice(-4)), ...phones.map((p) => p.slice(-4))]) expect(res.body).not.toContain(secret)
    expect(Object.keys(roster.items[0]).sort()).toEqual(['approvedAt', 'joinedAt', 'kind', 'paired', 'pairedSince', 'realName', 'status', 'submittedAt', 'volunteerId'])
  })

  it('answers 404 to another team\'s leader and to a coordinator of another county; 200 to the county\'s coordinator', async () => {
    const leader = await leaderWithTeam()
    const other = await leaderWithTeam({ name: '童心港湾', serviceRegionCode: '450225102000' })
    const path = `/api/teams/${leader.team.id}/members`
    expect((await api(t, other.token)('GET', path)).statusCode).toBe(404)
    const outside = await tokenFor(t.app, { role: 'coordinator', regionCode: '450226000000' })
    expect((await api(t, outside)('GET', path)).statusCode).toBe(404)
    const inside = await tokenFor(t.app, { role: 'coordinator', regionCode: '450225000000' })
    expect((await api(t, inside)('GET', path)).statusCode).toBe(200)
    const volunteer = await tokenFor(t.app, { role: 'volunteer', regionCode: '450225000000' })
    expect((await api(t, volunteer)('GET', path)).statusCode).toBe(403)
    expect((await api(t, inside)('GET', `/api/teams/${crypto.randomUUID()}/members`)).statusCode).toBe(404)
  })
})

describe('GET /api/teams/mine', () => {
  it('answers 404 to a leader role without a team, 403 to other roles', async () => {
    expect((await api(t, await tokenFor(t.app, { role: 'group_leader', regionCode: '450226000000' }))('GET', '/api/teams/mine')).statusCode).toBe(404)
    expect((await api(t, await tokenFor(t.app, { role: 'coordinator', regionCode: HEMU }))('GET', '/api/teams/mine')).statusCode).toBe(403)
  })
})
