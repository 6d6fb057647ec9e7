/**
 * Issue #6, done when: a village director (李主任, on her phone) registers a child — a mistyped ID
 * number is caught at the field, fixed, the file saved with the eligibility hints as amber notes;
 * she sees the full file with the ID masked and reveals it. The county coordinator opens the same
 * child and gets the working view: no ID number, address or phones anywhere on the page. A
 * volunteer who is not paired with the child opening the card URL is told it was not found. A
 * director of another village who registers the same child is offered a transfer request instead.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ERROR_MESSAGES, idNumberCheckChar } from '@qstx/shared'
import { DEMO_PASSWORD } from '../../server/src/seed/personas'
import { acceptPrivacy, byId, deskSignIn, expectText, fill, fullShot, screenshot, settled, tap, useE2e } from './helpers'

const e2e = useE2e()

// 融水 (450225), born 2016-03-15, sequence 502: the 17th digit is even, so a girl.
const FIRST17 = '45022520160315502'
const ID_NUMBER = FIRST17 + idNumberCheckChar(FIRST17)
const WRONG_CHECK = FIRST17 + (idNumberCheckChar(FIRST17) === '1' ? '2' : '1')
const CHILD = '蓝小雨'
const ADDRESS = '广西融水苗族自治县古顶村3组12号'
const GRANDMOTHER_PHONE = '13912345678'

let childId = ''

async function openChildren(page: Page) {
  await tap(page, 'home-children-link')
  await page.waitForURL(/\/packages\/children\/pages\/list\/index/)
}

describe('children’s files', () => {
  it('a director registers a child on her phone, sees the full file masked and reveals the ID number', async () => {
    const page = await e2e.open('phone')
    await acceptPrivacy(page)
    await tap(page, 'persona-demo-director-guding')
    await page.waitForURL(/\/pages\/home\/index/)
    await openChildren(page)
    await settled(page, 'children-list')
    await fullShot(page, 'children-list-phone')
    await tap(page, 'children-new')
    await settled(page, 'child-step-label')
    await expectText(page, 'child-step-label', /第 1 \/ 9 步 · 基本信息/)

    // 1. 基本信息 — the ID number is checked as it is typed.
    await fill(page, 'child-name', CHILD)
    await fill(page, 'child-id-number', WRONG_CHECK)
    await expectText(page, 'child-id-number-error', /身份证号校验位不对/)
    await fullShot(page, 'child-form-id-error-phone')
    await tap(page, 'child-next') // a wrong ID number keeps her on this screen
    await expectText(page, 'child-step-label', /第 1 \/ 9 步/)
    await fill(page, 'child-id-number', ID_NUMBER)
    await expect.poll(() => byId(page, 'child-id-number-error').count()).toBe(0)
    await expectText(page, 'child-derived', /2016-03-15 · 女/)
    await fill(page, 'child-address', ADDRESS)
    await fullShot(page, 'child-form-phone')
    await tap(page, 'child-next')

    // 2. 类别与监护: left-behind, parents' whereabouts not yet known (a hint, not a block).
    await expectText(page, 'child-step-label', /类别与监护/)
    await tap(page, 'child-category-left_behind')
    await tap(page, 'child-next')
    for (const title of ['健康与心理', '救助情况']) {
      await expectText(page, 'child-step-label', new RegExp(title))
      await tap(page, 'child-next')
    }
    // 5. 家庭情况: the grandmother looks after her.
    await expectText(page, 'child-step-label', /家庭情况/)
    await tap(page, 'child-guardian-0-relation-grandmother')
    await fill(page, 'child-guardian-0-name', '蓝秀英')
    await fill(page, 'child-guardian-0-phone', GRANDMOTHER_PHONE)
    await tap(page, 'child-next')
    for (const title of ['委托照护', '监护风险与关注', '结对需求与兴趣']) {
      await expectText(page, 'child-step-label', new RegExp(title))
      await tap(page, 'child-next')
    }
    // 9. 监护人同意 — marked as required before any pairing.
    await expectText(page, 'child-step-label', /监护人同意/)
    await expectText(page, 'child-consent-required', /结对前必须取得监护人同意/)
    await fill(page, 'child-consent-given-by', '蓝秀英')
    await tap(page, 'child-consent-relation-grandmother')
    await tap(page, 'child-consent-method-thumbprint')
    await tap(page, 'child-save')

    await expectText(page, 'child-saved', `已保存 ${CHILD} 的档案`)
    await expectText(page, 'child-warnings', /请填写父母双方的外出情况/)
    await settled(page, 'child-saved')
    await fullShot(page, 'child-saved-warnings-phone')
    await tap(page, 'child-open-file')
    await page.waitForURL(/\/packages\/children\/pages\/file\/index\?id=/)
    childId = new URL(page.url()).searchParams.get('id') ?? ''
    expect(childId).not.toBe('')

    await expectText(page, 'child-name', CHILD)
    await expectText(page, 'child-id-masked', new RegExp(`^\\*+${ID_NUMBER.slice(-4)}$`))
    const before = await page.locator('body').innerText()
    expect(before).not.toContain(ID_NUMBER)
    expect(before).not.toContain(GRANDMOTHER_PHONE)
    expect(before).not.toContain('3组12号')
    expect(before).toContain('139****5678')
    expect(before).toContain('查看将被记录')
    await tap(page, 'child-reveal-id')
    await expectText(page, 'child-id-full', ID_NUMBER)
    await settled(page, 'child-file')
    await fullShot(page, 'child-file-director-phone')
  })

  it('the coordinator opens the same child and sees the working view without identifiers', async () => {
    expect(childId).not.toBe('')
    const page = await e2e.open('desk')
    await acceptPrivacy(page)
    await deskSignIn(page, 'demo.coordinator', DEMO_PASSWORD)
    await openChildren(page)
    await fill(page, 'children-search', CHILD)
    await tap(page, `child-row-${childId}`)
    await expect.poll(() => byId(page, 'child-file').getAttribute('data-view')).toBe('working')
    await expectText(page, 'child-name', CHILD)
    await settled(page, 'child-file')
    const text = await page.locator('body').innerText()
    for (const secret of [ID_NUMBER, ID_NUMBER.slice(-4), '身份证', ADDRESS, '3组12号', '住址', GRANDMOTHER_PHONE, '139****5678', '蓝秀英']) {
      expect(text).not.toContain(secret)
    }
    await fullShot(page, 'child-file-coordinator-desk')
  })

  it('a volunteer who is not paired with the child gets “not found” for the card', async () => {
    const page = await e2e.open('phone')
    await acceptPrivacy(page)
    await tap(page, 'persona-demo-volunteer-individual')
    await page.waitForURL(/\/pages\/home\/index/)
    await page.goto(new URL(`/packages/children/pages/card/index?id=${childId}`, e2e.url).toString())
    await expectText(page, 'child-card-error', /没有找到/)
    expect(await page.locator('body').innerText()).not.toContain(CHILD)
  })

  it('another village’s director registering the same child is offered a transfer request', async () => {
    const page = await e2e.open('desk')
    await acceptPrivacy(page)
    await deskSignIn(page, 'demo.director.anting', DEMO_PASSWORD)
    await openChildren(page)
    await tap(page, 'children-new')
    // At a desk the whole form is one page with a heading per section.
    await byId(page, 'child-step-9').waitFor()
    await fill(page, 'child-name', CHILD)
    await fill(page, 'child-id-number', ID_NUMBER)
    await tap(page, 'child-category-left_behind')
    await fullShot(page, 'child-form-desk')
    await tap(page, 'child-save')
    await expectText(page, 'child-duplicate', ERROR_MESSAGES.CHILD_ALREADY_REGISTERED)
    await tap(page, 'child-transfer-request')
    await fill(page, 'child-transfer-reason', '随父母迁入安塘村居住')
    await tap(page, 'child-transfer-send')
    await byId(page, 'child-transfer-sent').waitFor()
  })
})
