/**
 * Issue #8, done when: a volunteer (王阿姨, on her phone) logs a check-in, and another while the
 * browser is offline — it waits as 待发送 and is sent, once, when the network returns; the village
 * director (李主任) confirms one and disputes the other with a reason; the volunteer's platform-
 * recorded hours and points grow by the confirmed one only; the director records a quarterly home
 * visit for a child on her overdue list, and the child leaves it. The county coordinator sees a
 * check-in left unconfirmed for 14 days. Screenshots of each step land in test/artifacts/.
 */
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { quarterOf } from '@qstx/shared'
import { DEMO_VILLAGES } from '../../server/src/seed/personas'
import { acceptPrivacy, byId, expectText, fill, fullShot, settled, tap, useE2e } from './helpers'

const e2e = useE2e()
const GUDING = DEMO_VILLAGES[0]!
const DAY = 86_400_000
const FIRST = '一起读了《小猪佩奇》的拼音版，教她认了十个生字'
const OFFLINE = '打视频电话，听她讲学校的运动会'
const DISPUTE_REASON = '那天孩子跟奶奶去了外婆家，不在村里'

// The form's times are the phone's real clock; the server must agree on "now".
beforeAll(() => e2e.server.ctx.clock.set(new Date()))

let pairingId = ''
let volunteer: Page
let director: Page

async function signIn(persona: string): Promise<Page> {
  const page = await e2e.open('phone')
  await acceptPrivacy(page)
  await tap(page, `persona-${persona.replace(/[^A-Za-z0-9_-]/g, '-')}`)
  await page.waitForURL(/\/pages\/home\/index/)
  return page
}

const checkinsOfPairing = () => e2e.server.ctx.prisma.checkin.findMany({ where: { pairingId }, select: { id: true, summary: true, status: true, points: true, decisionNote: true } })

async function fillCheckin(page: Page, c: { mode: string; services: string[]; minutes: number; summary: string }) {
  await tap(page, `checkin-mode-${c.mode}`)
  for (const s of c.services) await tap(page, `checkin-service-${s}`)
  await tap(page, `checkin-duration-preset-${c.minutes}`)
  await page.locator('#checkin-summary textarea').fill(c.summary)
}

describe('check-ins: recorded, queued offline, confirmed, counted', () => {
  it('王阿姨 records a visit, then another without signal that waits as 待发送 and is sent once the network is back', async () => {
    const { prisma } = e2e.server.ctx
    pairingId = (await prisma.pairing.findFirstOrThrow({ where: { state: 'active', volunteer: { user: { username: 'demo.volunteer.wang' } } }, select: { id: true } })).id
    const before = (await checkinsOfPairing()).length

    volunteer = await signIn('demo.volunteer.wang')
    // The demo: two visits confirmed (90 + 30 minutes), one waiting for 李主任.
    await expectText(volunteer, 'home-checkins-link', /平台记录 2 小时 · 积分 2 · 待确认 1 次/)
    await settled(volunteer, `home-checkin-${pairingId}`)
    await fullShot(volunteer, 'checkins-home-volunteer')
    await tap(volunteer, `home-checkin-${pairingId}`)
    await settled(volunteer, 'checkin-child')

    // An impossible duration is refused on the phone, with the shared schema's message.
    await fillCheckin(volunteer, { mode: 'home_visit', services: ['reading', 'companionship'], minutes: 90, summary: FIRST })
    await fill(volunteer, 'checkin-duration', '800')
    await tap(volunteer, 'checkin-submit')
    await expectText(volunteer, 'checkin-duration-error', '单次服务时长不能超过12小时')
    await tap(volunteer, 'checkin-duration-preset-90')
    await fill(volunteer, 'checkin-mood', '读得很认真，还问下次什么时候来')
    await fullShot(volunteer, 'checkins-form')
    await tap(volunteer, 'checkin-submit')
    await settled(volunteer, 'checkin-sent')
    expect((await checkinsOfPairing()).length).toBe(before + 1)

    // Her record page, then a second visit from there (both pages now loaded on the phone).
    await tap(volunteer, 'checkin-mine-link')
    await expectText(volunteer, 'mine-pending', '2')
    await tap(volunteer, `mine-record-${pairingId}`)
    await settled(volunteer, 'checkin-child')
    await fillCheckin(volunteer, { mode: 'phone_video', services: ['emotional_comfort'], minutes: 60, summary: OFFLINE })

    // No signal: it is kept on the phone as 待发送, and nothing reaches the server.
    await volunteer.context().setOffline(true)
    await tap(volunteer, 'checkin-submit')
    await expectText(volunteer, 'checkin-queued', /待发送/)
    await fullShot(volunteer, 'checkins-queued-offline')
    expect((await checkinsOfPairing()).length).toBe(before + 1)
    await tap(volunteer, 'checkin-mine-link')
    await expectText(volunteer, 'outbox-count', '待发送 1 条')
    const queued = volunteer.locator('[id^="outbox-item-"]')
    await expect.poll(() => queued.count()).toBe(1)
    expect(await queued.innerText()).toContain('待发送')
    await fullShot(volunteer, 'checkins-outbox-offline')

    // The network is back: it goes by itself, once.
    await volunteer.context().setOffline(false)
    await expect.poll(() => byId(volunteer, 'outbox').count(), { timeout: 20_000 }).toBe(0)
    await expectText(volunteer, 'mine-pending', '3')
    const after = await checkinsOfPairing()
    expect(after).toHaveLength(before + 2)
    expect(after.filter((c) => c.summary === OFFLINE)).toHaveLength(1)
    await fullShot(volunteer, 'checkins-mine-sent')
  })

  it('李主任 confirms the first visit and disputes the second with a reason', async () => {
    const rows = await checkinsOfPairing()
    const first = rows.find((c) => c.summary === FIRST)!
    const second = rows.find((c) => c.summary === OFFLINE)!

    director = await signIn('demo.director.guding')
    await expectText(director, 'home-checkin-queue-link', '走访待确认（3）')
    await tap(director, 'home-checkin-queue-link')
    await settled(director, `queue-item-${first.id}`)
    await expectText(director, `queue-item-${first.id}`, /王秀兰[\s\S]*1小时30分钟[\s\S]*家访 · 阅读指导、精神陪伴/)
    await fullShot(director, 'checkins-queue-director')

    await tap(director, `queue-confirm-${first.id}`)
    await expect.poll(() => byId(director, `queue-item-${first.id}`).count()).toBe(0)
    await tap(director, `queue-dispute-${second.id}`)
    // A reason is required: an empty one is refused on the phone.
    await tap(director, `queue-dispute-send-${second.id}`)
    await expectText(director, `queue-reason-${second.id}-error`, /请填写原因/)
    await director.locator(`#queue-reason-${second.id} textarea`).fill(DISPUTE_REASON)
    await fullShot(director, 'checkins-dispute-reason')
    await tap(director, `queue-dispute-send-${second.id}`)
    await expect.poll(() => byId(director, `queue-item-${second.id}`).count()).toBe(0)

    const decided = await checkinsOfPairing()
    expect(decided.find((c) => c.id === first.id)).toMatchObject({ status: 'confirmed', points: 1.5 })
    expect(decided.find((c) => c.id === second.id)).toMatchObject({ status: 'disputed', points: null, decisionNote: DISPUTE_REASON })
  })

  it("王阿姨's hours and points grow by the confirmed visit only; she sees the director's question", async () => {
    const rows = await checkinsOfPairing()
    const first = rows.find((c) => c.summary === FIRST)!
    const second = rows.find((c) => c.summary === OFFLINE)!
    await volunteer.reload()
    // 2 + 1.5 hours, 2 + 1.5 points: the disputed hour counts for nothing.
    await expectText(volunteer, 'mine-hours', '3.5')
    await expectText(volunteer, 'mine-points', '3.5')
    await expectText(volunteer, 'mine-disputed', '1')
    await expectText(volunteer, 'mine-hours-note', '服务时长为本平台记录，不是志愿服务证明')
    await expectText(volunteer, `mine-status-${first.id}`, '已确认 · +1.5 积分')
    await expectText(volunteer, `mine-status-${second.id}`, '有异议')
    await expectText(volunteer, `mine-note-${second.id}`, DISPUTE_REASON)
    await fullShot(volunteer, 'checkins-mine-after-decisions')

    // The honour board shows her as 王阿姨 (she opted in without her full name), never a child.
    await tap(volunteer, 'mine-honour-link')
    await expectText(volunteer, 'honour-row-1', /王阿姨[\s\S]*3\.5 小时[\s\S]*3\.5 分/)
    await expectText(volunteer, 'honour-name', '上榜称呼：王阿姨')
    await fullShot(volunteer, 'checkins-honour-board')
  })

  it('李主任 records a quarterly home visit for a child on her overdue list, and the child leaves it', async () => {
    const { prisma } = e2e.server.ctx
    // The demo's files were all registered today: two of 古顶村's were filed four months ago instead,
    // and nobody has contacted or visited them since.
    const [late, other] = await prisma.child.findMany({ where: { villageCode: GUDING, closedAt: null }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: 2, select: { id: true, name: true } })
    await prisma.child.updateMany({ where: { id: { in: [late!.id, other!.id] } }, data: { createdAt: new Date(Date.now() - 120 * DAY) } })

    await director.goBack()
    await expectText(director, 'home-duty-link', /2 名已逾期/)
    await tap(director, 'home-duty-link')
    await settled(director, 'duty-list')
    await tap(director, 'duty-filter-overdue')
    await expectText(director, 'duty-filter-overdue', '已逾期（2）')
    await expect.poll(() => byId(director, `duty-row-${late!.id}`).getAttribute('class')).toContain('duty-row--overdue')
    await expect.poll(() => byId(director, `duty-row-${other!.id}`).count()).toBe(1)
    await fullShot(director, 'duty-calendar-overdue')

    await tap(director, `duty-row-${late!.id}`)
    await settled(director, 'visit-submit')
    await expectText(director, 'visit-child', late!.name)
    const today = await director.locator('#visit-date').innerText()
    const q = quarterOf(today)
    await expectText(director, 'visit-quarter', `第${q}季度（Q${q}）`)
    await director.locator('#visit-problems textarea').fill('奶奶腿脚不便，孩子放学后常一个人在河边玩')
    await director.locator('#visit-measures textarea').fill('讲了防溺水知识，联系邻居放学后帮忙照看')
    await fullShot(director, 'duty-visit-form')
    await tap(director, 'visit-submit')
    await settled(director, 'visit-saved')
    const visits = await prisma.directorVisit.findMany({ where: { childId: late!.id }, select: { kind: true, visitedOn: true } })
    expect(visits).toEqual([{ kind: 'home_visit', visitedOn: new Date(`${today}T00:00:00Z`) }])

    await tap(director, 'visit-done')
    await expectText(director, 'duty-filter-overdue', '已逾期（1）')
    await expect.poll(() => byId(director, `duty-row-${late!.id}`).count()).toBe(0)
    await expect.poll(() => byId(director, `duty-row-${other!.id}`).count()).toBe(1)
    await fullShot(director, 'duty-calendar-after-visit')
  })

  it('陈姐 sees the check-in 李主任 has left unconfirmed for 14 days', async () => {
    const { clock, prisma } = e2e.server.ctx
    // The demo's third visit is still pending; fifteen days later nobody has decided it.
    const waiting = await prisma.checkin.findFirstOrThrow({ where: { pairingId, status: 'pending' }, select: { id: true, createdAt: true } })
    clock.advance(15 * DAY)
    const days = Math.floor((clock.now().getTime() - waiting.createdAt.getTime()) / DAY)

    const coordinator = await signIn('demo.coordinator')
    await expectText(coordinator, 'home-unconfirmed-link', '超过14天未确认（1）')
    await tap(coordinator, 'home-unconfirmed-link')
    await expectText(coordinator, `unconfirmed-item-${waiting.id}`, `已等待 ${days} 天`)
    await fullShot(coordinator, 'checkins-unconfirmed-coordinator')
  })
})
