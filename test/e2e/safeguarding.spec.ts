/**
 * Issue #9, done when: a volunteer (王阿姨, on her phone) who sees a child in danger gets the
 * hotline numbers first, then files a short report; the village director and the county
 * coordinator see it at once; the director acknowledges it, records the referral to the police
 * and closes it; the volunteer sees only that it was handled. A second report nobody acknowledges
 * climbs to the county when its time is up: county civil affairs sees it marked 已升级至县级, with
 * an escalation notification.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../server/src/seed/personas'
import { runEscalationSweep } from '../../server/src/modules/safeguarding/escalation'
import { acceptPrivacy, byId, deskSignIn, expectText, fill, fullShot, screenshot, settled, tap, useE2e } from './helpers'

const e2e = useE2e()

const GUDING = '450225101201'
const SEEN = '孩子两条手臂上有大片淤青，说是昨晚被喝醉的叔叔打的，现在不敢回家'

/** 王阿姨 on her phone, signed in, on home. */
async function volunteerOnHome(): Promise<Page> {
  const page = await e2e.open('phone')
  await acceptPrivacy(page)
  await tap(page, 'persona-demo-volunteer-wang')
  await page.waitForURL(/\/pages\/home\/index/)
  return page
}

/** From home: 我担心这个孩子 — the numbers to call come first. */
async function openHotlines(page: Page) {
  await tap(page, 'home-report-concern')
  await settled(page, 'hotlines')
}

/** From the hotlines: the form, filled for a child in 古顶村; submitted. */
async function report(page: Page, child: { name: string; urgency: 'immediate' | 'concern'; kind: string; seen: string }, shot?: string) {
  await tap(page, 'report-continue')
  await settled(page, 'report-submit')
  await fill(page, 'report-child-name', child.name)
  await tap(page, `report-village-${GUDING}`)
  await expectText(page, 'report-village-current', '古顶村')
  await tap(page, `report-urgency-${child.urgency}`)
  await tap(page, `report-kind-${child.kind}`)
  await page.locator('#report-seen textarea').fill(child.seen)
  await fill(page, 'report-place', '村口小卖部旁')
  if (shot) await fullShot(page, shot)
  await tap(page, 'report-submit')
  await expectText(page, 'report-done', '报告已提交，儿童主任和相关负责人已收到通知')
}

async function staffOnHome(username: string): Promise<Page> {
  const page = await e2e.open('desk')
  await acceptPrivacy(page)
  await deskSignIn(page, username, DEMO_PASSWORD)
  return page
}

async function recordStep(page: Page, step: string, note?: string, target?: string) {
  await tap(page, `report-action-${step}`)
  if (target) await tap(page, `report-refer-${target}`)
  if (note) await page.locator('#report-note textarea').fill(note)
  await tap(page, 'report-event-submit')
  await expect.poll(() => byId(page, 'report-event-submit').count()).toBe(0)
}

describe('safeguarding', () => {
  it('a volunteer reports a child in danger; the director acknowledges, refers to the police and closes it', async () => {
    // 1. The numbers to call come first, before any form.
    const volunteer = await volunteerOnHome()
    await openHotlines(volunteer)
    const numbers = await volunteer.locator('#hotlines [id^="hotline-"]').evaluateAll((els) => els.map((el) => el.id.replace('hotline-', '')))
    expect(numbers).toEqual(['110', '120', '12345', '12355'])
    await expectText(volunteer, 'hotline-12345', /按 6/)
    expect(await byId(volunteer, 'report-seen').count()).toBe(0)
    await fullShot(volunteer, 'safeguarding-hotlines-phone')
    await report(volunteer, { name: '韦小花', urgency: 'immediate', kind: 'abuse_violence', seen: SEEN }, 'safeguarding-report-form-phone')

    // 2. The county coordinator sees it at once: in her list (red, waiting) and her notifications.
    const coordinator = await staffOnHome('demo.coordinator')
    await expectText(coordinator, 'home-notifications', /未读/)
    await tap(coordinator, 'home-reports-link')
    const row = coordinator.locator('#reports-list .report-row', { hasText: '韦小花' })
    await expect.poll(() => row.getAttribute('class')).toMatch(/report-row--immediate/)
    await expect.poll(() => row.innerText()).toMatch(/待确认接收/)

    // 3. The village director is notified; the notification opens the report.
    const director = await staffOnHome('demo.director.guding')
    await byId(director, 'home-notifications-unread').waitFor()
    await tap(director, 'home-notifications')
    await director.locator('#notifications-list .notification', { hasText: '【紧急】强制报告：疑似虐待或暴力' }).first().click()
    await director.waitForURL(/\/packages\/safeguarding\/pages\/report\/index\?id=/)
    await expectText(director, 'report-reporter', /王秀兰/)
    await expectText(director, 'report-seen-text', SEEN)
    await recordStep(director, 'acknowledged')
    await expectText(director, 'report-events', /确认接收/)
    await recordStep(director, 'referred', '已拨打110，和睦派出所民警已到孩子家', 'police')
    await expectText(director, 'report-events', /转介：公安/)
    await expectText(director, 'report-status', '正在处理')
    await settled(director, 'report-detail')
    await expect.poll(() => director.getByText('已记录：转介').isVisible(), { timeout: 5_000 }).toBe(false) // the toast
    await fullShot(director, 'safeguarding-handler-desk')
    await recordStep(director, 'closed', '孩子已由祖母接回照料，派出所已立案，村委会每周回访')
    await expectText(director, 'report-status', '已办结')

    // 4. The volunteer sees the stage — and nothing of the handling.
    await volunteer.goto(new URL('/packages/safeguarding/pages/mine/index', e2e.url).toString())
    await expectText(volunteer, 'my-reports', /已办结/)
    await settled(volunteer, 'my-reports')
    const mine = await volunteer.locator('body').innerText()
    for (const detail of ['公安', '派出所', '李芳', '儿童主任', SEEN]) expect(mine).not.toContain(detail)
    await fullShot(volunteer, 'safeguarding-my-reports-phone')
  })

  it('an unacknowledged report escalates to the county when its time is up', async () => {
    const volunteer = await volunteerOnHome()
    await openHotlines(volunteer)
    await report(volunteer, { name: '潘小军', urgency: 'immediate', kind: 'dangerous_surroundings', seen: '孩子一个人在河边深水处玩，附近没有大人' })

    // Nobody acknowledges it: 31 minutes later the sweep (the worker's job) climbs one level.
    const { clock, prisma } = e2e.server.ctx
    clock.advance(31 * 60_000)
    expect(await runEscalationSweep(prisma, clock.now())).toBe(1)

    const civil = await staffOnHome('demo.civil')
    await tap(civil, 'home-notifications')
    await civil.locator('#notifications-list .notification', { hasText: '报告超时未响应，已升级' }).first().waitFor()
    await settled(civil, 'notifications-list')
    await civil.goBack()
    await settled(civil, 'home-reports-link')
    await tap(civil, 'home-reports-link')
    const row = civil.locator('#reports-list .report-row', { hasText: '潘小军' })
    await expect.poll(() => row.innerText()).toMatch(/已升级至县级/)
    // The first report was acknowledged in time: it did not climb.
    expect(await civil.locator('#reports-list .report-row', { hasText: '韦小花' }).innerText()).not.toMatch(/已升级/)
    await row.click()
    await expectText(civil, 'report-escalation', '已升级至县级')
    await expectText(civil, 'report-events', /超时未确认，升级至县级/)
    await settled(civil, 'report-detail')
    await fullShot(civil, 'safeguarding-escalated-desk')
  })
})
