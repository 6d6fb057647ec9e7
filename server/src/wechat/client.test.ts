// Real HTTP between WechatClient and the fake WeChat server — no mocks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WechatClient, WechatError, fitTemplateData } from './client'
import { deriveOpenid, startFakeWechat, type FakeWechat } from './fake-server'

const appid = 'wxtest000000000001'
const secret = 'test-secret-0123456789abcdef'

let fake: FakeWechat
let client: WechatClient
let clock: number
/** Bodies sent to stable_token, captured by a pass-through fetch (the request still goes out). */
let tokenRequests: Array<Record<string, unknown>>

const recordingFetch: typeof fetch = async (input, init) => {
  if (String(input).includes('/cgi-bin/stable_token')) tokenRequests.push(JSON.parse(String(init?.body)))
  return fetch(input, init)
}

async function fakePost<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${fake.url}${path}`, { method: 'POST', body: JSON.stringify(body) })
  expect(res.status).toBe(200)
  return (await res.json()) as T
}

const loginCode = async (body: Record<string, string> = {}) => (await fakePost<{ code: string }>('/__fake/login-code', body)).code

/** The client's failure as `{errcode, errmsg}`, or a failed expectation when it did not fail. */
async function failure(promise: Promise<unknown>): Promise<WechatError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(WechatError)
  return error as WechatError
}

beforeEach(async () => {
  clock = Date.UTC(2025, 2, 1, 8, 0, 0)
  fake = await startFakeWechat({ appid, secret, now: () => clock })
  tokenRequests = []
  client = new WechatClient({ baseUrl: fake.url, appid, secret, fetch: recordingFetch, now: () => clock })
})
afterEach(async () => {
  await fake.close()
})

describe('WechatClient.code2Session', () => {
  it('trades a login code for the openid of that device, the same on every login', async () => {
    const first = await client.code2Session(await loginCode({ deviceId: 'phone-1' }))
    const second = await client.code2Session(await loginCode({ deviceId: 'phone-1' }))
    expect(first.openid).toBe(deriveOpenid(appid, 'phone-1'))
    expect(first.openid).toMatch(/^o[\w-]{27}$/)
    expect(second.openid).toBe(first.openid)
    expect(first.sessionKey).toHaveLength(24)
    expect(first.unionid).toBeUndefined()
  })

  it('returns the unionid when the account has one', async () => {
    const session = await client.code2Session(await loginCode({ openid: 'oUser', unionid: 'uUnion' }))
    expect(session).toMatchObject({ openid: 'oUser', unionid: 'uUnion' })
  })

  it('answers 40029 when a login code is used twice', async () => {
    const code = await loginCode()
    await client.code2Session(code)
    const error = await failure(client.code2Session(code))
    expect(error.errcode).toBe(40029)
    expect(error.errmsg).toMatch(/^invalid code, rid: /)
  })

  it('answers 40029 for a code WeChat never issued', async () => {
    expect((await failure(client.code2Session('not-a-real-code'))).errcode).toBe(40029)
  })

  it('answers 40029 for a code older than five minutes', async () => {
    const code = await loginCode()
    clock += 5 * 60_000 + 1
    expect((await failure(client.code2Session(code))).errcode).toBe(40029)
  })

  it('answers 45011 on the 101st login of one user within a minute', async () => {
    for (let i = 0; i < 100; i++) await client.code2Session(await loginCode({ deviceId: 'busy-phone' }))
    const code = await loginCode({ deviceId: 'busy-phone' })
    expect((await failure(client.code2Session(code))).errcode).toBe(45011)
    // Another user is unaffected, and a minute later the same code (not consumed) works.
    await client.code2Session(await loginCode({ deviceId: 'other-phone' }))
    clock += 60_001
    expect((await client.code2Session(code)).openid).toBe(deriveOpenid(appid, 'busy-phone'))
  })

  it('answers 40226 for a user WeChat marks high-risk', async () => {
    await fakePost('/__fake/control', { riskyOpenids: [deriveOpenid(appid, 'shady-phone')] })
    const error = await failure(client.code2Session(await loginCode({ deviceId: 'shady-phone' })))
    expect(error.errcode).toBe(40226)
  })

  it('answers -1 when WeChat is busy, then recovers', async () => {
    await fakePost('/__fake/control', { failNext: { path: '/sns/jscode2session', errcode: -1, errmsg: 'system error' } })
    const code = await loginCode()
    const error = await failure(client.code2Session(code))
    expect(error).toMatchObject({ errcode: -1, api: '/sns/jscode2session' })
    expect((await client.code2Session(code)).openid).toMatch(/^o/)
  })

  it('answers 40125 when the app secret is wrong, without echoing it', async () => {
    const wrong = new WechatClient({ baseUrl: fake.url, appid, secret: 'wrong-secret-value' })
    const error = await failure(wrong.code2Session(await loginCode()))
    expect(error.errcode).toBe(40125)
    expect(error.message).not.toContain('wrong-secret-value')
  })
})

describe('WechatClient access token', () => {
  it('fetches one stable_token for several calls, even concurrent ones', async () => {
    const session = await client.code2Session(await loginCode())
    const check = () => client.msgSecCheck({ openid: session.openid, scene: 2, content: '今天陪孩子读书' })
    await Promise.all([check(), check(), check()])
    await check()
    expect(tokenRequests).toEqual([{ grant_type: 'client_credential', appid, secret, force_refresh: false }])
  })

  it('refreshes once with force_refresh and retries once after 40001', async () => {
    const session = await client.code2Session(await loginCode())
    const check = () => client.msgSecCheck({ openid: session.openid, scene: 2, content: '你好' })
    await check()
    await fakePost('/__fake/control', { invalidateTokens: true })
    await Promise.all([check(), check()]) // both see 40001; they must share one forced refresh
    expect(tokenRequests.map((body) => body.force_refresh)).toEqual([false, true])
    expect(fake.state.hits.get('/wxa/msg_sec_check')).toBe(5)
  })

  it('gives up with 40001 when the fresh token is refused as well', async () => {
    const session = await client.code2Session(await loginCode())
    const fault = { path: '/wxa/msg_sec_check', errcode: 40001, errmsg: 'invalid credential' }
    await fakePost('/__fake/control', { failNext: [fault, fault] })
    const error = await failure(client.msgSecCheck({ openid: session.openid, scene: 1, content: '你好' }))
    expect(error.errcode).toBe(40001)
    expect(tokenRequests).toHaveLength(2)
  })

  it('renews the token shortly before its two hours are up', async () => {
    const first = await client.getAccessToken()
    clock += 7200_000 - 600_000
    expect(await client.getAccessToken()).toBe(first)
    clock += 400_000 // inside the last five minutes
    await client.getAccessToken()
    expect(tokenRequests).toHaveLength(2)
  })
})

describe('WechatClient.getPhoneNumber', () => {
  it('returns the phone the user allowed, with the app in the watermark', async () => {
    const { code } = await fakePost<{ code: string }>('/__fake/phone-code', { phoneNumber: '13800138000' })
    const phone = await client.getPhoneNumber(code)
    expect(phone).toEqual({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
      watermark: { timestamp: Math.floor(clock / 1000), appid },
    })
  })

  it('answers 40029 for a phone code used twice', async () => {
    const { code } = await fakePost<{ code: string }>('/__fake/phone-code', { phoneNumber: '13800138000' })
    await client.getPhoneNumber(code)
    expect((await failure(client.getPhoneNumber(code))).errcode).toBe(40029)
  })
})

describe('WechatClient.sendSubscribeMessage', () => {
  const templateId = 'tmpl-visit-reminder'
  let openid: string
  beforeEach(async () => {
    openid = (await client.code2Session(await loginCode({ deviceId: 'volunteer-phone' }))).openid
  })
  const message = (data: Record<string, string>) => ({ touser: openid, templateId, page: 'pages/home/index', data })

  it('delivers one message per accept and records it', async () => {
    await fakePost('/__fake/subscribe', { openid, templateIds: [templateId] })
    await client.sendSubscribeMessage(message({ thing1: '本周探访提醒', time2: '2025年3月1日 15:00' }))
    const sent = await (await fetch(`${fake.url}/__fake/messages?touser=${openid}`)).json()
    expect(sent.items).toEqual([
      expect.objectContaining({
        touser: openid,
        template_id: templateId,
        page: 'pages/home/index',
        data: { thing1: { value: '本周探访提醒' }, time2: { value: '2025年3月1日 15:00' } },
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      }),
    ])
    const again = await failure(client.sendSubscribeMessage(message({ thing1: '再次提醒' })))
    expect(again.errcode).toBe(43101)
  })

  it('answers 43101 when the user never accepted the template', async () => {
    const error = await failure(client.sendSubscribeMessage(message({ thing1: '提醒' })))
    expect(error).toMatchObject({ errcode: 43101, errmsg: expect.stringMatching(/^user refuse to accept the msg/) })
  })

  it('answers 40003 for a user who never logged in', async () => {
    await fakePost('/__fake/subscribe', { openid: 'oStranger', templateIds: [templateId] })
    const error = await failure(client.sendSubscribeMessage({ ...message({ thing1: '提醒' }), touser: 'oStranger' }))
    expect(error.errcode).toBe(40003)
  })

  it('answers 47003 for a thing longer than 20 characters, and keeps the grant', async () => {
    await fakePost('/__fake/subscribe', { openid, templateIds: [templateId] })
    const long = '请于本周六上午到村委会参加志愿者培训并带上身份证件'
    const error = await failure(client.sendSubscribeMessage(message({ thing1: long, phrase2: '已通过' })))
    expect(error.errcode).toBe(47003)
    expect(error.errmsg).toMatch(/^argument invalid! data\.thing1\.value/)
    expect(error.errmsg).not.toContain(long)

    await client.sendSubscribeMessage(message(fitTemplateData({ thing1: long, phrase2: '审核已通过啦!' })))
    const [sent] = fake.state.messages
    expect(sent?.data.thing1?.value).toBe('请于本周六上午到村委会参加志愿者培训并…')
    expect(sent?.data.phrase2?.value).toBe('审核已通过')
  })
})

describe('WechatClient.msgSecCheck', () => {
  it('passes ordinary text and flags risky words with their label', async () => {
    const { openid } = await client.code2Session(await loginCode())
    const pass = await client.msgSecCheck({ openid, scene: 2, content: '孩子这周数学进步很大' })
    expect(pass).toMatchObject({ suggest: 'pass', label: 100 })
    expect(pass.traceId).not.toBe('')
    expect(await client.msgSecCheck({ openid, scene: 2, content: '一起去赌博吧' })).toMatchObject({ suggest: 'risky', label: 20006 })
    expect(await client.msgSecCheck({ openid, scene: 3, content: '请私下转账给我' })).toMatchObject({ suggest: 'review', label: 20008 })
  })
})

describe('WechatClient network failures', () => {
  it('turns a refused connection into errcode -1 without leaking the code or secret', async () => {
    await fake.close()
    const error = await failure(client.code2Session('secret-login-code'))
    expect(error).toMatchObject({ errcode: -1, api: '/sns/jscode2session' })
    expect(error.errmsg).toMatch(/network error \(ECONNREFUSED\)/)
    expect(`${error.message} ${error.errmsg}`).not.toMatch(/secret-login-code|test-secret/)
    fake = await startFakeWechat({ appid, secret }) // afterEach closes this one
  })

  it('turns a slow answer into errcode -1 after the timeout', async () => {
    const impatient = new WechatClient({ baseUrl: fake.url, appid, secret, timeoutMs: 100 })
    await fakePost('/__fake/control', { failNext: { path: '/sns/jscode2session', delayMs: 1000 } })
    const started = Date.now()
    const error = await failure(impatient.code2Session(await loginCode()))
    expect(error).toMatchObject({ errcode: -1, errmsg: 'timed out after 100 ms' })
    expect(Date.now() - started).toBeLessThan(900)
  })
})
