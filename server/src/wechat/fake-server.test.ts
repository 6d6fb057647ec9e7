// The fake's wire format, checked with plain fetch so it stays faithful to WeChat independently
// of how WechatClient happens to read it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deriveOpenid, startFakeWechat, type FakeWechat } from './fake-server'

const appid = 'wxtest000000000002'
const secret = 'fake-test-secret'
let fake: FakeWechat

beforeEach(async () => {
  fake = await startFakeWechat({ appid, secret, templates: { 'tmpl-a': ['thing1', 'phrase2'], 'tmpl-b': ['name1', 'character_string2', 'date3'] } })
})
afterEach(async () => {
  await fake.close()
})

async function call(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${fake.url}${path}`, { method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) })
  return res.json()
}
const post = (path: string, body: unknown) => call('POST', path, body)

async function login(deviceId: string): Promise<string> {
  const { code } = await post('/__fake/login-code', { deviceId })
  const reply = await call('GET', `/sns/jscode2session?appid=${appid}&secret=${secret}&js_code=${code}&grant_type=authorization_code`)
  return reply.openid
}
async function token(): Promise<string> {
  return (await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid, secret, force_refresh: false })).access_token
}

describe('GET /sns/jscode2session', () => {
  it('answers success without errcode, as WeChat does', async () => {
    const { code } = await post('/__fake/login-code', { deviceId: 'd1' })
    const reply = await call('GET', `/sns/jscode2session?appid=${appid}&secret=${secret}&js_code=${code}&grant_type=authorization_code`)
    expect(Object.keys(reply).sort()).toEqual(['openid', 'session_key'])
    expect(reply.openid).toBe(deriveOpenid(appid, 'd1'))
    expect(reply.openid).toHaveLength(28)
  })

  it('answers 40013 for another app id and 40125 for a wrong secret', async () => {
    const base = '/sns/jscode2session?grant_type=authorization_code&js_code=x'
    expect(await call('GET', `${base}&appid=wxother&secret=${secret}`)).toMatchObject({ errcode: 40013 })
    expect(await call('GET', `${base}&appid=${appid}&secret=nope`)).toMatchObject({ errcode: 40125, errmsg: expect.stringMatching(/rid: [0-9a-f]{8}-/) })
  })

  it('answers 43002 when a POST-only API is called with GET', async () => {
    expect(await call('GET', '/cgi-bin/stable_token')).toMatchObject({ errcode: 43002 })
  })
})

describe('POST /cgi-bin/stable_token', () => {
  it('keeps the same token in normal mode and rotates it on force_refresh', async () => {
    const body = { grant_type: 'client_credential', appid, secret }
    const first = await post('/cgi-bin/stable_token', body)
    expect(first).toEqual({ access_token: expect.any(String), expires_in: 7200 })
    expect((await post('/cgi-bin/stable_token', body)).access_token).toBe(first.access_token)
    const forced = await post('/cgi-bin/stable_token', { ...body, force_refresh: true })
    expect(forced.access_token).not.toBe(first.access_token)
    const { code } = await post('/__fake/phone-code', { phoneNumber: '13900000000' })
    const stale = await post(`/wxa/business/getuserphonenumber?access_token=${first.access_token}`, { code })
    expect(stale).toMatchObject({ errcode: 40001 })
  })

  it('answers 40125 for a wrong secret and 47001 for a body that is not JSON', async () => {
    expect(await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid, secret: 'x' })).toMatchObject({ errcode: 40125 })
    expect(await post('/cgi-bin/stable_token', '{not json')).toMatchObject({ errcode: 47001 })
  })
})

describe('POST /wxa/business/getuserphonenumber', () => {
  it('answers 41001 without an access_token', async () => {
    expect(await post('/wxa/business/getuserphonenumber', { code: 'x' })).toMatchObject({ errcode: 41001 })
  })

  it('answers 40029 for an unknown code', async () => {
    expect(await post(`/wxa/business/getuserphonenumber?access_token=${await token()}`, { code: 'x' })).toMatchObject({ errcode: 40029 })
  })
})

describe('POST /cgi-bin/message/subscribe/send', () => {
  const send = async (touser: string, template_id: string, data: Record<string, string>) =>
    post(`/cgi-bin/message/subscribe/send?access_token=${await token()}`, {
      touser,
      template_id,
      page: 'pages/home/index',
      data: Object.fromEntries(Object.entries(data).map(([k, value]) => [k, { value }])),
    })

  it('lets accepts add up, one send each, and lists sends per user', async () => {
    const openid = await login('v1')
    const other = await login('v2')
    expect(await post('/__fake/subscribe', { deviceId: 'v1', templateIds: ['tmpl-a', 'tmpl-a'] })).toEqual({ openid, granted: { 'tmpl-a': 2 } })
    await post('/__fake/subscribe', { openid: other, templateIds: ['tmpl-a'] })
    for (let i = 0; i < 2; i++) expect(await send(openid, 'tmpl-a', { thing1: '探访提醒', phrase2: '待确认' })).toMatchObject({ errcode: 0, errmsg: 'ok' })
    expect(await send(openid, 'tmpl-a', { thing1: '探访提醒', phrase2: '待确认' })).toMatchObject({ errcode: 43101 })
    await send(other, 'tmpl-a', { thing1: '另一位', phrase2: '待确认' })
    expect((await call('GET', `/__fake/messages?touser=${openid}`)).items).toHaveLength(2)
    expect(fake.state.messages).toHaveLength(3)
  })

  it.each([
    ['phrase2', { thing1: '提醒', phrase2: '通过ok' }],
    ['phrase2', { thing1: '提醒', phrase2: '六个汉字太长' }],
    ['thing1', { thing1: '一二三四五六七八九十一二三四五六七八九十一', phrase2: '通过' }],
    ['phrase2', { thing1: '提醒' }],
  ])('answers 47003 naming %s when a field breaks its rule', async (key, data) => {
    const openid = await login('v3')
    await post('/__fake/subscribe', { openid, templateIds: ['tmpl-a'] })
    const reply = await send(openid, 'tmpl-a', data)
    expect(reply.errcode).toBe(47003)
    expect(reply.errmsg).toContain(`data.${key}`)
  })

  it('checks name, character_string and date by their own rules', async () => {
    const openid = await login('v4')
    await post('/__fake/subscribe', { openid, templateIds: ['tmpl-b', 'tmpl-b'] })
    expect(await send(openid, 'tmpl-b', { name1: '欧阳一二三四五六七八九', character_string2: 'A1', date3: '2025年3月1日' })).toMatchObject({ errcode: 47003 })
    expect(await send(openid, 'tmpl-b', { name1: 'Alexandra Wellington', character_string2: '订单1', date3: '2025-03-01' })).toMatchObject({ errcode: 47003 })
    expect(await send(openid, 'tmpl-b', { name1: 'Alexandra Wellington', character_string2: 'QS-2025-0001', date3: '2025-03-01' })).toMatchObject({ errcode: 0 })
  })

  it('answers 40037 for a template the account does not have', async () => {
    const openid = await login('v5')
    expect(await send(openid, 'tmpl-zzz', { thing1: '提醒' })).toMatchObject({ errcode: 40037 })
  })
})

describe('POST /wxa/msg_sec_check', () => {
  it('answers in the version 2 shape, with words configurable at run time', async () => {
    const openid = await login('writer')
    const check = async (content: string) =>
      post(`/wxa/msg_sec_check?access_token=${await token()}`, { version: 2, openid, scene: 2, content })
    const pass = await check('今天很开心')
    expect(pass).toMatchObject({ errcode: 0, errmsg: 'ok', trace_id: expect.any(String), result: { suggest: 'pass', label: 100 } })
    expect(pass.detail).toEqual(expect.arrayContaining([expect.objectContaining({ strategy: 'content_model' })]))
    await post('/__fake/control', { riskyWords: ['很开心'] })
    expect((await check('今天很开心')).result).toEqual({ suggest: 'risky', label: 20006 })
  })

  it('answers 40003 for an openid that never logged in', async () => {
    const reply = await post(`/wxa/msg_sec_check?access_token=${await token()}`, { version: 2, openid: 'oNobody', scene: 1, content: '你好' })
    expect(reply).toMatchObject({ errcode: 40003 })
  })
})

describe('/__fake test endpoints', () => {
  it('answers CORS preflight so the H5 build can mint codes from the browser', async () => {
    const res = await fetch(`${fake.url}/__fake/login-code`, { method: 'OPTIONS' })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('rejects malformed input with 400 and forgets everything on reset', async () => {
    const res = await fetch(`${fake.url}/__fake/phone-code`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(400)
    await login('someone')
    await post('/__fake/control', { reset: true })
    expect(fake.state.knownOpenids.size).toBe(0)
  })

  it('offers the same actions in-process', async () => {
    const { code } = fake.mintLoginCode({ openid: 'oInProcess' })
    const reply = await call('GET', `/sns/jscode2session?appid=${appid}&secret=${secret}&js_code=${code}&grant_type=authorization_code`)
    expect(reply.openid).toBe('oInProcess')
    fake.control({ failNext: { path: '/cgi-bin/stable_token', errcode: -1 } })
    expect(await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid, secret })).toMatchObject({ errcode: -1, errmsg: expect.stringMatching(/^system error/) })
  })
})
