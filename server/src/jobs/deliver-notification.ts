/**
 * Delivers one notification as a WeChat subscribe message. Idempotent: a notification that is no
 * longer pending is skipped, so a retried job never sends twice once delivery was recorded.
 * Outcomes WeChat will never accept (not subscribed, unknown openid, bad field) are recorded and
 * not retried; transient failures (busy, network) throw so graphile-worker retries with backoff.
 */
import type { Db } from '../db/prisma'
import { fitTemplateData, WechatError, type WechatClient } from '../wechat/client'

const PERMANENT = new Map<number, string>([
  [43101, 'not_subscribed'],
  [40003, 'failed'],
  [47003, 'failed'],
  [40037, 'failed'],
])

const shanghaiTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
})

export interface DeliveryDeps {
  prisma: Db
  wechat: WechatClient
  /** The subscribe-message template used for programme notifications (thing1, thing2, time3). */
  templateId: string
}

export async function deliverNotification(deps: DeliveryDeps, id: string): Promise<string> {
  const n = await deps.prisma.notification.findUnique({ where: { id }, include: { recipient: { select: { openid: true } } } })
  if (!n || n.wechatStatus !== 'pending') return 'skipped'
  const record = (wechatStatus: string, wechatError: string | null = null) =>
    deps.prisma.notification.update({
      where: { id },
      data: { wechatStatus, wechatError, attempts: { increment: 1 }, ...(wechatStatus === 'sent' ? { wechatSentAt: new Date() } : {}) },
    })
  if (!n.recipient.openid) {
    await record('no_openid')
    return 'no_openid'
  }
  try {
    await deps.wechat.sendSubscribeMessage({
      touser: n.recipient.openid,
      templateId: deps.templateId,
      ...(n.page ? { page: n.page } : {}),
      data: fitTemplateData({ thing1: n.title, thing2: n.body, time3: shanghaiTime.format(n.createdAt).replace(/\//g, '-') }),
    })
  } catch (err) {
    const permanent = err instanceof WechatError ? PERMANENT.get(err.errcode) : undefined
    if (permanent) {
      await record(permanent, `${(err as WechatError).errcode}`)
      return permanent
    }
    await deps.prisma.notification.update({ where: { id }, data: { attempts: { increment: 1 }, wechatError: err instanceof WechatError ? `${err.errcode}` : 'error' } })
    throw err
  }
  await record('sent')
  return 'sent'
}
