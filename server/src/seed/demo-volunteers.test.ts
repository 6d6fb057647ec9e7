/**
 * The demo as people meet it: 陈姐's vetting queue is not empty, approved personas carry what an
 * approval leaves behind, and 小张 sees a roster with more than one status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../test/helpers/build-app'
import { tokenFor } from '../../../test/helpers/personas'
import { api } from '../../../test/helpers/volunteers'
import { seedDemo } from './demo'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
  await seedDemo(t.prisma, t.keyring)
}, 300_000)
afterAll(() => t.close())

describe('the demo seed', () => {
  it('puts applications in 陈姐\'s vetting queue, oldest first', async () => {
    const chen = api(t, await tokenFor(t.app, 'demo.coordinator'))
    const queue = (await chen('GET', '/api/vetting/queue')).json()
    expect(queue.items.map((i: { realName: string }) => i.realName)).toEqual(['覃秀梅', '龙嘉怡'])
    expect(queue.counts).toMatchObject({ submitted: 2, info_requested: 1, approved: 6 })
    const waiting = (await chen('GET', '/api/vetting/queue?status=info_requested')).json().items[0]
    const app = (await chen('GET', `/api/vetting/applications/${waiting.id}`)).json()
    expect(app.history.at(-1)).toMatchObject({ type: 'request_info', actorName: '陈丽' })
  })

  it('gives approved personas their acceptances, checks, availability and history', async () => {
    const wang = (await api(t, await tokenFor(t.app, 'demo.volunteer.wang'))('GET', '/api/volunteers/me')).json()
    expect(wang).toMatchObject({
      status: 'approved', skills: ['reading', 'daily_care'], availability: ['weekends', 'holidays'], missing: [],
      acceptances: { privacy: { current: true }, pledge: { current: true }, criminal_record: { current: true } },
      lastDecision: { decision: 'approve' },
    })
    const chen = api(t, await tokenFor(t.app, 'demo.coordinator'))
    const app = (await chen('GET', `/api/vetting/applications/${wang.id}`)).json()
    expect(app.checks).toMatchObject({ identityVerified: true, criminalRecordResult: 'clear', trainingCourse: expect.any(String) })
  })

  it('shows 小张 the youth-league team\'s roster with members at different stages', async () => {
    const zhang = api(t, await tokenFor(t.app, 'demo.leader'))
    const team = (await zhang('GET', '/api/teams/mine')).json()
    expect(team).toMatchObject({ joinCode: 'QNTX2026', sharePath: '/pages/join/index?code=QNTX2026' })
    const roster = (await zhang('GET', `/api/teams/${team.id}/members`)).json()
    expect(roster.items.map((m: { realName: string; status: string }) => [m.realName, m.status])).toEqual([
      ['黄思远', 'approved'], ['龙嘉怡', 'submitted'], ['梁晓东', 'draft'],
    ])
  })

  it('lets a tester sign in as the applicant who was asked for more information', async () => {
    const shi = (await api(t, await tokenFor(t.app, 'demo.applicant.info'))('GET', '/api/volunteers/me')).json()
    expect(shi).toMatchObject({ status: 'info_requested', lastDecision: { decision: 'request_info' } })
  })
})
