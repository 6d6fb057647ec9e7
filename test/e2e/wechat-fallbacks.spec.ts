/**
 * Issue #16: where a page would use something only WeChat has — the phone-number button, subscribe
 * messages, the fuzzy location, sharing to a chat — the H5 build says what happens instead, offers
 * no button that cannot work, and what it offers instead really works: the number is typed and
 * saved, the check-in is stored without a location, the link lands on the clipboard.
 */
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { tokenFor } from '../helpers/personas'
import { acceptPrivacy, byId, expectText, fill, screenshot, settled, tap, useE2e, type Device } from './helpers'

const e2e = useE2e()

// The check-in form's times are the browser's real clock; the server must agree on "now".
beforeAll(() => e2e.server.ctx.clock.set(new Date()))

/** A listed persona signs in from the login page and lands on home. */
async function signIn(device: Device, persona: string): Promise<Page> {
  const page = await e2e.open(device)
  await acceptPrivacy(page)
  await tap(page, `persona-${persona.replace(/[^A-Za-z0-9_-]/g, '-')}`)
  await page.waitForURL(/\/pages\/home\/index/)
  return page
}

/** An applicant (not listed on the login page): the session a sign-in would have stored, then `route`. */
async function asApplicant(persona: string, route: string): Promise<Page> {
  const token = await tokenFor(e2e.server.ctx.app, persona)
  const page = await e2e.open('phone')
  // Taro's H5 storage keeps each value as {"data": …} in localStorage.
  await page.evaluate((t) => {
    localStorage.setItem('qstx.session.token', JSON.stringify({ data: t }))
    localStorage.setItem('qstx.privacy-consent', JSON.stringify({ data: '2025-01' }))
  }, token)
  await page.goto(new URL(route, e2e.url).toString())
  return page
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText())
}

describe('WeChat-only features in a browser', () => {
  it('phone number: no WeChat button; the note says to type it, and the typed number is saved', async () => {
    const wang = await signIn('phone', 'demo.volunteer.wang')
    await wang.goto(new URL('/packages/volunteer/pages/status/index', e2e.url).toString())
    await tap(wang, 'status-edit-phone')
    await tap(wang, 'signup-phone-change')
    await expectText(wang, 'signup-phone-wechat-note', '在微信小程序里可以一键使用微信绑定的手机号；在网页上请在下面填写。')
    expect(await byId(wang, 'signup-phone-wechat').count()).toBe(0)
    await screenshot(wang, 'fallback-phone-number')
    await fill(wang, 'signup-phone', '13877100021')
    await tap(wang, 'signup-save')
    await expectText(wang, 'status-phone', /138\*{4}0021/)
  })

  it('subscribe messages: no subscribe button; the note says where the result will show', async () => {
    const qin = await asApplicant('demo.applicant.qin', '/packages/volunteer/pages/status/index')
    await expectText(qin, 'status-label', '审核中')
    await expectText(qin, 'status-subscribe-note', /网页版不能订阅微信通知。审核有了结果，会显示在这个页面/)
    expect(await byId(qin, 'status-subscribe').count()).toBe(0)
    await screenshot(qin, 'fallback-subscribe')
  })

  it('location: no location row on the check-in; the note says none is kept, and none is', async () => {
    const { prisma } = e2e.server.ctx
    const pairing = await prisma.pairing.findFirstOrThrow({ where: { state: 'active', volunteer: { user: { username: 'demo.volunteer.wang' } } }, select: { id: true } })
    const wang = await signIn('phone', 'demo.volunteer.wang')
    await wang.goto(new URL(`/packages/checkins/pages/create/index?pairingId=${pairing.id}`, e2e.url).toString())
    await settled(wang, 'checkin-child')
    await expectText(wang, 'checkin-location-note', '网页版不记录位置。在微信小程序里提交走访时，可以选择记下大概位置（约1公里）。')
    expect(await byId(wang, 'checkin-location').count()).toBe(0)
    await screenshot(wang, 'fallback-location')

    const summary = '网页上记录的走访：陪孩子写作业'
    await tap(wang, 'checkin-mode-home_visit')
    await tap(wang, 'checkin-service-companionship')
    await tap(wang, 'checkin-duration-preset-60')
    await wang.locator('#checkin-summary textarea').fill(summary)
    await tap(wang, 'checkin-submit')
    await settled(wang, 'checkin-sent')
    const stored = await prisma.checkin.findFirstOrThrow({ where: { pairingId: pairing.id, summary }, select: { latitude: true, longitude: true } })
    expect(stored).toEqual({ latitude: null, longitude: null })
  })

  it('sharing a team’s join link: no share button; the note says to copy it, and the copy holds the full link', async () => {
    const leader = await signIn('phone', 'demo.leader')
    await leader.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.url })
    await leader.goto(new URL('/packages/team/pages/roster/index', e2e.url).toString())
    await expectText(leader, 'roster-share-note', '网页上不能直接分享到微信群：请复制加入链接，粘贴到团队的微信群里。')
    expect(await byId(leader, 'roster-share').count()).toBe(0)
    const link = (await byId(leader, 'roster-link').innerText()).trim()
    expect(link).toMatch(new RegExp(`^${e2e.url}/pages/join/index\\?code=[A-Z0-9]+$`))
    await tap(leader, 'roster-copy-link')
    await expect.poll(() => clipboard(leader)).toBe(link)
    await screenshot(leader, 'fallback-share-team')
  })

  it('sharing an invitation: no send-to-chat button; the note says to copy the link, and the copy holds it', async () => {
    const coordinator = await signIn('desk', 'demo.coordinator')
    await coordinator.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.url })
    await tap(coordinator, 'home-invitations-link')
    await tap(coordinator, 'invitation-new')
    await tap(coordinator, 'invite-role-child_director')
    for (const code of ['450225101000', '450225101201']) await tap(coordinator, `region-${code}`)
    await tap(coordinator, 'invite-create')
    await expectText(coordinator, 'invite-share-note', /网页上不能直接发到微信：请复制邀请链接，粘贴到微信聊天里发给被邀请人/)
    expect(await byId(coordinator, 'invite-share').count()).toBe(0)
    const link = (await byId(coordinator, 'invite-result-link').innerText()).trim()
    expect(link).toMatch(new RegExp(`^${e2e.url}/pages/invite/index\\?code=`))
    await tap(coordinator, 'invite-copy-link')
    await expect.poll(() => clipboard(coordinator)).toBe(link)
    await screenshot(coordinator, 'fallback-share-invitation')
  })
})
