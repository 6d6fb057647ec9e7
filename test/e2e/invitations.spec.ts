/**
 * Issue #4, done when: an admin invites a county coordinator; the invitee opens the link on another
 * computer, chooses a name, username and password and lands on home as 妇联协调员; that coordinator
 * signs in again at the desk and invites a village child director, who redeems on a phone and lands
 * on the director's home page.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ERROR_MESSAGES } from '@qstx/shared'
import { DEMO_PASSWORD } from '../../server/src/seed/personas'
import { acceptPrivacy, byId, deskSignIn, expectText, fill, screenshot, signOut, tap, useE2e } from './helpers'

const e2e = useE2e()

const LIUZHOU = '450200000000'
const RONGSHUI = '450225000000'
const HEMU = '450225101000'
const GUDING = '450225101201'

/** From home: the invitations page, a new invitation for `role`, walked down through `regions`. */
async function invite(page: Page, role: string, regions: string[]): Promise<string> {
  await tap(page, 'home-invitations-link')
  await tap(page, 'invitation-new')
  await tap(page, `invite-role-${role}`)
  for (const code of regions) await tap(page, `region-${code}`)
  await byId(page, 'region-fits').waitFor()
  await screenshot(page, `invitation-new-${role}`)
  await tap(page, 'invite-create')
  const code = (await byId(page, 'invite-result-code').innerText()).trim()
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/)
  await expectText(page, 'invite-result-link', `/pages/invite/index?code=${code}`)
  return code
}

/** On the invitation link without an account (privacy agreed): choose credentials, land on home. */
async function redeemAtDesk(page: Page, code: string, person: { name: string; username: string; password: string }) {
  await expect.poll(() => page.locator('#invite-code input').inputValue()).toBe(code)
  await fill(page, 'invite-name', person.name)
  await fill(page, 'invite-username', person.username)
  await fill(page, 'invite-password', person.password)
  await fill(page, 'invite-password2', person.password)
  await screenshot(page, 'invite-form-filled')
  await tap(page, 'invite-submit')
  await page.waitForURL(/\/pages\/home\/index/)
}

describe('invitations', () => {
  it('an admin invites a coordinator, who signs up at the desk and invites a child director', async () => {
    // 1. The admin at a desk computer invites a coordinator for 融水苗族自治县.
    const admin = await e2e.open('desk')
    await acceptPrivacy(admin)
    await deskSignIn(admin, 'demo.admin', DEMO_PASSWORD)
    await expectText(admin, 'home-role', '系统管理员')
    const coordinatorCode = await invite(admin, 'coordinator', [LIUZHOU, RONGSHUI])
    await screenshot(admin, 'invitation-created-desk')

    // 2. The invitee opens the link on another computer; the form checks the shared rules first.
    const coordinator = await e2e.open('desk', `/pages/invite/index?code=${coordinatorCode}`)
    await acceptPrivacy(coordinator)
    await fill(coordinator, 'invite-name', '蓝秀梅')
    await fill(coordinator, 'invite-username', 'Lan')
    await fill(coordinator, 'invite-password', 'short1')
    await tap(coordinator, 'invite-submit')
    await byId(coordinator, 'invite-username-error').waitFor()
    await expectText(coordinator, 'invite-password-error', '密码至少10位')
    await fill(coordinator, 'invite-password2', 'different-2026')
    await screenshot(coordinator, 'invite-form-errors-desk')
    const lan = { name: '蓝秀梅', username: 'lan.xiumei', password: 'Rongshui2026' }
    await fill(coordinator, 'invite-username', lan.username)
    await fill(coordinator, 'invite-password', lan.password)
    await fill(coordinator, 'invite-password2', lan.password)
    await tap(coordinator, 'invite-submit')
    await coordinator.waitForURL(/\/pages\/home\/index/)
    await expectText(coordinator, 'home-greeting', /蓝秀梅/)
    await expectText(coordinator, 'home-role', '妇联协调员')
    await expectText(coordinator, 'home-region', '融水苗族自治县')

    // The admin's list now shows the invitation as used.
    await admin.goto(new URL('/packages/admin/pages/invitations/index', e2e.url).toString())
    await expectText(admin, 'invitations-list', /已使用/)

    // 3. The new coordinator signs out, signs in at the desk with her own credentials …
    await signOut(coordinator)
    await deskSignIn(coordinator, lan.username, lan.password)
    await expectText(coordinator, 'home-role', '妇联协调员')
    // … and invites the child director of 古顶村委会 (walking 融水 → 和睦镇 → 古顶).
    const directorCode = await invite(coordinator, 'child_director', [HEMU, GUDING])

    // 4. The director redeems on a phone and lands on the director's home page.
    //    Her first choice of username is taken (by the coordinator): the server says so at the field,
    //    and the invitation stays usable.
    const director = await e2e.open('phone', `/pages/invite/index?code=${directorCode}`)
    await acceptPrivacy(director)
    await fill(director, 'invite-name', '龙春花')
    await fill(director, 'invite-username', lan.username)
    await fill(director, 'invite-password', 'Guding2026village')
    await fill(director, 'invite-password2', 'Guding2026village')
    await tap(director, 'invite-submit')
    await expectText(director, 'invite-username-error', ERROR_MESSAGES.USERNAME_TAKEN)
    await redeemAtDesk(director, directorCode, { name: '龙春花', username: 'long.chunhua', password: 'Guding2026village' })
    await expectText(director, 'home-greeting', /龙春花/)
    await expectText(director, 'home-role', '儿童主任')
    await expectText(director, 'home-region', '古顶村委会')
    await screenshot(director, 'home-director-phone')

    // A used code cannot be used twice.
    const again = await e2e.open('phone', `/pages/invite/index?code=${directorCode}`)
    await acceptPrivacy(again)
    await fill(again, 'invite-name', '冒用者')
    await fill(again, 'invite-username', 'someone.else')
    await fill(again, 'invite-password', 'Another2026pw')
    await fill(again, 'invite-password2', 'Another2026pw')
    await tap(again, 'invite-submit')
    await expectText(again, 'invite-error', /邀请码无效/)
  })
})
