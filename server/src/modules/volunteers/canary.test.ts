/**
 * A volunteer's ID number, phone and name never reach the logs (like test/canary.test.ts, for the
 * sign-up, team and vetting routes). Canary values travel through a sign-up by typed phone and by
 * WeChat code, refused saves that echo them, a duplicate sign-up, WeChat failing, the vetting
 * queue, the application view, a decision and a team roster, with logging at its most verbose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idNumberCheckChar } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { tokenFor } from '../../../../test/helpers/personas'
import { api, fullForm, wechatUser } from '../../../../test/helpers/volunteers'

const lines: string[] = []
let t: TestContext

const CANARY_NAME = '甄雀鸣'
const CANARY_ID = '45022519770707888' + idNumberCheckChar('45022519770707888')
const CANARY_PHONE = '13598765432'
const CANARY_WECHAT_PHONE = '18676543210'

beforeAll(async () => {
  t = await buildTestApp({ env: { LOG_LEVEL: 'trace' }, logStream: { write: (line) => void lines.push(line) } })
})
afterAll(() => t.close())

describe('logs of sign-up, teams and vetting', () => {
  it('hold no volunteer ID number, phone or name', async () => {
    const leader = await wechatUser(t)
    const team = (await api(t, leader.token)('POST', '/api/teams', { name: '情暖童心', type: 'youth_league', parentOrganisation: '团县委', serviceRegionCode: '450225000000' })).json()
    const person = await wechatUser(t)
    const call = api(t, person.token)
    await call('POST', '/api/teams/join', { code: team.joinCode })
    // Refused saves carrying the canaries: wrong gender, malformed phone, both phone forms.
    await call('PUT', '/api/volunteers/me/draft', { realName: CANARY_NAME, idNumber: CANARY_ID, gender: 'male' })
    await call('PUT', '/api/volunteers/me/draft', { phone: `${CANARY_PHONE}9`, realName: `${CANARY_NAME}!` })
    await call('PUT', '/api/volunteers/me/draft', { phone: CANARY_PHONE, phoneCode: CANARY_ID })
    // WeChat busy, then a good code.
    t.fakeWechat.control({ failNext: { path: '/wxa/business/getuserphonenumber', errcode: -1, errmsg: 'system error' } })
    await call('PUT', '/api/volunteers/me/draft', { phoneCode: t.fakeWechat.mintPhoneCode({ phoneNumber: CANARY_WECHAT_PHONE }).code })
    await call('PUT', '/api/volunteers/me/draft', { phoneCode: t.fakeWechat.mintPhoneCode({ phoneNumber: CANARY_WECHAT_PHONE }).code })
    const saved = await call('PUT', '/api/volunteers/me/draft', fullForm({ realName: CANARY_NAME, idNumber: CANARY_ID, gender: 'female', phone: CANARY_PHONE, kind: 'youth' }))
    expect(saved.statusCode).toBe(200)
    const submitted = await call('POST', '/api/volunteers/me/submit')
    expect(submitted.statusCode).toBe(200)
    // Somebody else tries the same ID number.
    const copycat = await wechatUser(t)
    expect((await api(t, copycat.token)('PUT', '/api/volunteers/me/draft', { idNumber: CANARY_ID, phone: CANARY_PHONE })).statusCode).toBe(409)

    const coordinator = api(t, await tokenFor(t.app, { role: 'coordinator', regionCode: '450225000000' }))
    const queue = await coordinator('GET', `/api/vetting/queue?teamId=${team.id}`)
    const view = await coordinator('GET', `/api/vetting/applications/${submitted.json().id}`)
    await coordinator('POST', `/api/vetting/applications/${submitted.json().id}/decision`, { decision: 'request_info', reason: '请补充工作单位全称' })
    const roster = await api(t, leader.token)('GET', `/api/teams/${team.id}/members`)
    expect(roster.statusCode).toBe(200)

    // Nothing the coordinator or the leader receives carries the full ID number or phone either.
    for (const body of [queue.body, view.body, roster.body]) {
      for (const canary of [CANARY_ID, CANARY_PHONE, CANARY_WECHAT_PHONE]) expect(body.includes(canary), `response contains ${canary}`).toBe(false)
    }
    const log = lines.join('')
    expect(lines.length).toBeGreaterThan(30)
    expect(log).toContain('service error') // WeChat's failure was logged, just without data
    for (const canary of [CANARY_NAME, CANARY_ID, CANARY_PHONE, `${CANARY_PHONE}9`, CANARY_WECHAT_PHONE]) {
      expect(log.includes(canary), `log contains ${canary}`).toBe(false)
    }
  })
})
