/**
 * The desk side of identity: county civil affairs removes a staff role and reads it back in the
 * audit trail; a coordinator who takes a second role (redeeming while signed in) switches between
 * her roles on 我的.
 */
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../server/src/seed/personas'
import { acceptPrivacy, byId, deskSignIn, expectText, openMe, screenshot, shownById, tap, useE2e } from './helpers'

const e2e = useE2e()

describe('staff and audit', () => {
  it('civil affairs removes a director’s role after confirming, and the audit trail shows it', async () => {
    const page = await e2e.open('desk')
    await acceptPrivacy(page)
    await deskSignIn(page, 'demo.civil', DEMO_PASSWORD)
    for (const link of ['home-invitations-link', 'home-staff-link', 'home-audit-link']) await byId(page, link).waitFor()

    await tap(page, 'home-staff-link')
    const row = page.locator('#staff-list .card', { hasText: '石玉珍' })
    await row.locator('[id^="staff-remove-"]').click()
    await page.locator('.taro-model__confirm').click()
    await expect.poll(() => row.count()).toBe(0)
    await screenshot(page, 'staff-desk')

    // On to the audit trail by the desk's side navigation, as a desk user goes (a browser back
    // while the confirmation's toast was still closing sometimes left an empty page).
    await shownById(page, 'desk-nav-audit').click()
    await tap(page, 'audit-filter-role')
    await expectText(page, 'audit-list', /移除角色/)
    await expectText(page, 'audit-page', /第 1 \/ 1 页/)
    await screenshot(page, 'audit-desk')
  })

  it('a coordinator accepts a second role while signed in and switches between her roles', async () => {
    const page = await e2e.open('desk')
    await acceptPrivacy(page)
    await deskSignIn(page, 'demo.coordinator', DEMO_PASSWORD)

    // A county coordinator may invite a coordinator for a township of her county — here, herself.
    await tap(page, 'home-invitations-link')
    await tap(page, 'invitation-new')
    await tap(page, 'invite-role-coordinator')
    await byId(page, 'region-fits').waitFor() // her own county already fits …
    await tap(page, 'region-deeper') // … but the invitation is for 和睦镇
    await tap(page, 'region-450225101000')
    await expectText(page, 'region-current', '和睦镇')
    await tap(page, 'invite-create')
    const code = (await byId(page, 'invite-result-code').innerText()).trim()

    // Signed in: accepting needs nothing but the code.
    await page.goto(new URL(`/pages/invite/index?code=${code}`, e2e.url).toString())
    await expectText(page, 'invite-as', /陈丽/)
    await tap(page, 'invite-accept')
    await page.waitForURL(/\/pages\/home\/index/)
    await expectText(page, 'home-region', '和睦镇')

    await openMe(page)
    await byId(page, 'me-roles').waitFor()
    await page.locator('#me-roles .nav-row', { hasText: '融水苗族自治县' }).click()
    await expectText(page, 'me-region', '融水苗族自治县')
    await screenshot(page, 'me-roles-desk')
  })
})
