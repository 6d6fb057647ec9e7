/**
 * The foundation journey: open the app, agree to the privacy notice, sign in, see one's own home
 * page, sign out. Plus the two other ways in on H5: the desk sign-in (a wrong password gets the
 * server's one generic sentence) and the demo's WeChat sign-in (a new WeChat user has no role yet
 * and is shown the one real next step, the invitation code).
 */
import { describe, expect, it } from 'vitest'
import { ERROR_MESSAGES } from '@qstx/shared'
import { acceptPrivacy, byId, expectText, fill, screenshot, signOut, tap, useE2e } from './helpers'

const e2e = useE2e()

describe('foundation', () => {
  it('signs in as a demo persona, shows her home page, and signs out to the login page', async () => {
    const page = await e2e.open('phone')
    await expect.poll(() => page.url()).toMatch(/\/pages\/login\/index/)
    // Nothing is asked of the person before the privacy notice is agreed to.
    await byId(page, 'privacy-consent').waitFor()
    expect(await byId(page, 'desk-login').count()).toBe(0)
    await acceptPrivacy(page)

    await tap(page, 'persona-demo-coordinator')
    await page.waitForURL(/\/pages\/home\/index/)
    await expectText(page, 'home-greeting', /陈丽/)
    await expectText(page, 'home-role', '妇联协调员')
    await expectText(page, 'home-region', '融水苗族自治县')
    // A coordinator may invite (shared ROLE_ACTIONS) but not manage staff roles or read the audit trail.
    await byId(page, 'home-invitations-link').waitFor()
    expect(await byId(page, 'home-staff-link').count()).toBe(0)
    expect(await byId(page, 'home-audit-link').count()).toBe(0)
    await screenshot(page, 'home-coordinator-phone')

    await signOut(page)
    await byId(page, 'persona-list').waitFor()
    // Signed out means signed out: home sends the person back to the login page.
    await page.goto(new URL('/pages/home/index', e2e.url).toString())
    await page.waitForURL(/\/pages\/login\/index/)
  })

  it('tells a desk user with a wrong password only the generic sign-in message', async () => {
    const page = await e2e.open('desk')
    await acceptPrivacy(page)
    await fill(page, 'desk-username', 'demo.civil')
    await fill(page, 'desk-password', 'not-the-password-1')
    await tap(page, 'desk-submit')
    await expectText(page, 'desk-error', ERROR_MESSAGES.SIGN_IN_FAILED)
    expect(page.url()).toMatch(/\/pages\/login\/index/)
  })

  it('signs a new WeChat user in through the demo WeChat and offers the invitation code', async () => {
    const page = await e2e.open('phone')
    await acceptPrivacy(page)
    await tap(page, 'wechat-demo-login')
    await page.waitForURL(/\/pages\/home\/index/)
    await byId(page, 'home-no-role').waitFor()
    await tap(page, 'home-invite-link')
    await page.waitForURL(/\/pages\/invite\/index/)
    // Signed in with WeChat: accepting needs the code only, no username or password.
    await byId(page, 'invite-accept').waitFor()
    expect(await byId(page, 'invite-password').count()).toBe(0)
  })

  it('tries a WeChat sign-in once more with a fresh code when WeChat is busy', async () => {
    e2e.server.ctx.fakeWechat.control({ failNext: { path: '/sns/jscode2session', errcode: -1, errmsg: 'system error' } })
    const page = await e2e.open('phone')
    let codes = 0 // each try asks (the fake) WeChat for a new wx.login code: a code works only once
    page.on('request', (request) => void (request.url().endsWith('/api/dev/wechat/code') && codes++))
    await acceptPrivacy(page)
    await tap(page, 'wechat-demo-login')
    await page.waitForURL(/\/pages\/home\/index/)
    await byId(page, 'home-no-role').waitFor()
    expect(codes).toBe(2)
  })

  it('says WeChat is busy when the second try fails too, and stays on the login page', async () => {
    const busy = { path: '/sns/jscode2session', errcode: -1, errmsg: 'system error' }
    e2e.server.ctx.fakeWechat.control({ failNext: [busy, busy] })
    const page = await e2e.open('phone')
    await acceptPrivacy(page)
    await tap(page, 'wechat-demo-login')
    await expectText(page, 'wechat-error', ERROR_MESSAGES.WECHAT_BUSY)
    expect(page.url()).toMatch(/\/pages\/login\/index/)
  })

  // Last in this file: afterwards this server refuses desk sign-ins from 127.0.0.1 for a minute.
  it('asks a desk user to wait after too many sign-in attempts', async () => {
    const page = await e2e.open('desk')
    await acceptPrivacy(page)
    await fill(page, 'desk-username', 'nobody.here')
    await fill(page, 'desk-password', 'wrong-password-1')
    let status = 0
    for (let attempt = 0; attempt < 15 && status !== 429; attempt++) {
      const reply = page.waitForResponse((r) => r.url().endsWith('/api/auth/password'))
      await tap(page, 'desk-submit')
      status = (await reply).status()
    }
    expect(status).toBe(429)
    await expectText(page, 'desk-error', '尝试太频繁，请稍后再试')
  })
})
