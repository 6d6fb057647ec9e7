import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../test/helpers/build-app'
import { bearer, nextClientAddress } from '../../../test/helpers/personas'
import { notify } from '../lib/notify'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

/** A WeChat user who signed in on a device; returns their user id, openid and token. */
async function wechatUser(deviceId: string) {
  const { code } = t.fakeWechat.mintLoginCode({ deviceId })
  const { token } = (await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code }, remoteAddress: nextClientAddress() })).json()
  const { userId } = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json()
  const user = await t.prisma.user.findUniqueOrThrow({ where: { id: userId } })
  return { userId, openid: user.openid!, token }
}

const message = { kind: 'volunteer.approved', title: '报名已通过审核', body: '请等待妇联为您安排结对儿童', page: '/pages/home/index' }

describe('notify → deliver_notification', () => {
  it('shows the notification in the app and delivers it once as a subscribe message after commit', async () => {
    const u = await wechatUser('notify-1')
    t.fakeWechat.subscribe({ openid: u.openid, templateIds: [t.config.WECHAT_TEMPLATE_GENERAL] })
    await t.prisma.$transaction((tx) => notify(tx, { recipientUserId: u.userId, ...message }))
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(u.token) })).json()
    expect(inbox).toMatchObject({ unread: 1, items: [{ title: '报名已通过审核', read: false }] })

    await t.runJobs()
    await t.runJobs()
    const sent = t.fakeWechat.state.messages.filter((m) => m.touser === u.openid)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ template_id: t.config.WECHAT_TEMPLATE_GENERAL, page: '/pages/home/index', data: { thing1: { value: '报名已通过审核' } } })
    expect((await t.prisma.notification.findFirstOrThrow({ where: { recipientUserId: u.userId } })).wechatStatus).toBe('sent')
  })

  it('neither shows nor sends anything when the action rolls back', async () => {
    const u = await wechatUser('notify-2')
    await expect(
      t.prisma.$transaction(async (tx) => {
        await notify(tx, { recipientUserId: u.userId, ...message })
        throw new Error('the action failed')
      }),
    ).rejects.toThrow('the action failed')
    await t.runJobs()
    expect(await t.prisma.notification.count({ where: { recipientUserId: u.userId } })).toBe(0)
    expect(t.fakeWechat.state.messages.filter((m) => m.touser === u.openid)).toHaveLength(0)
  })

  it('records "not subscribed" without retrying when the user never accepted the template', async () => {
    const u = await wechatUser('notify-3')
    await t.prisma.$transaction((tx) => notify(tx, { recipientUserId: u.userId, ...message }))
    await t.runJobs()
    const n = await t.prisma.notification.findFirstOrThrow({ where: { recipientUserId: u.userId } })
    expect(n).toMatchObject({ wechatStatus: 'not_subscribed', attempts: 1 })
  })

  it('retries after WeChat was busy and then delivers', async () => {
    const u = await wechatUser('notify-4')
    t.fakeWechat.subscribe({ openid: u.openid, templateIds: [t.config.WECHAT_TEMPLATE_GENERAL] })
    t.fakeWechat.control({ failNext: { path: '/cgi-bin/message/subscribe/send', errcode: -1, errmsg: 'system error' } })
    await t.prisma.$transaction((tx) => notify(tx, { recipientUserId: u.userId, ...message }))
    await t.runJobs()
    expect((await t.prisma.notification.findFirstOrThrow({ where: { recipientUserId: u.userId } })).wechatStatus).toBe('pending')
    // graphile-worker backs off before the retry; make the job due now.
    await t.prisma.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE attempts > 0`)
    await t.runJobs()
    expect((await t.prisma.notification.findFirstOrThrow({ where: { recipientUserId: u.userId } })).wechatStatus).toBe('sent')
    expect(t.fakeWechat.state.messages.filter((m) => m.touser === u.openid)).toHaveLength(1)
  })
})

describe('POST /api/notifications/:id/read', () => {
  it('marks my notification read and answers 404 for somebody else\'s', async () => {
    const me = await wechatUser('notify-5')
    const other = await wechatUser('notify-6')
    const id = await t.prisma.$transaction((tx) => notify(tx, { recipientUserId: other.userId, ...message }))
    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${id}/read`, headers: bearer(me.token) })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${id}/read`, headers: bearer(other.token) })).statusCode).toBe(204)
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(other.token) })).json().unread).toBe(0)
  })
})
