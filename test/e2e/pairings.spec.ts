/**
 * Issue #7, done when: the county coordinator (陈姐, at her desk) opens a priority child without a
 * pairing, picks a suggested volunteer (王阿姨) for the reasons shown, and proposes; the village's
 * director (on her phone) confirms the family agrees — a second, stale tab of hers trying the same
 * step is told someone else already did it; the coordinator approves from today; 王阿姨 sees the
 * child in 我的结对 and opens the child's card; later the coordinator ends the pairing with a reason
 * and the ledger keeps it, with the whole history (who, when, what, why).
 */
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { PAIRING_PAGES, chinaDate } from '@qstx/shared'
import { ROUTES } from '../../client/src/constants/routes'
import { DEMO_PASSWORD, PERSONAS } from '../../server/src/seed/personas'
import { acceptPrivacy, byId, deskSignIn, expectText, fullShot, settled, tap, useE2e } from './helpers'

const e2e = useE2e()
const MINUTE = 60_000

// The approval's start date defaults to the browser's today, and the server checks it against its
// own: for this journey the server's clock is the real one too (it stands still unless advanced).
beforeAll(() => e2e.server.ctx.clock.set(new Date()))

const persona = (key: string) => `persona-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`
const pairingIdOf = (page: Page) => new URL(page.url()).searchParams.get('id') ?? ''

/** The people of this journey, in the order they meet it. */
let coordinator: Page
let child = { id: '', name: '', displayName: '', director: '' }
let pairingId = ''

async function phoneUser(key: string): Promise<Page> {
  const page = await e2e.open('phone')
  await acceptPrivacy(page)
  await tap(page, persona(key))
  await page.waitForURL(/\/pages\/home\/index/)
  return page
}

describe('the pairing ledger: propose, acknowledge, approve, the card, the end', () => {
  it('routes the notifications open are the pages the app registers', () => {
    expect(ROUTES.myPairings).toBe(PAIRING_PAGES.mine)
    expect(`${ROUTES.pairingDetail}?id=x`).toBe(PAIRING_PAGES.detail('x'))
  })

  it('the coordinator opens a priority child, picks a suggestion for its reasons and proposes', async () => {
    coordinator = await e2e.open('desk')
    await acceptPrivacy(coordinator)
    await deskSignIn(coordinator, 'demo.coordinator', DEMO_PASSWORD)
    await expectText(coordinator, 'home-pairing-priority-link', /结对工作（[1-9]\d*）/)
    await tap(coordinator, 'home-pairing-priority-link')
    await settled(coordinator, 'priority-list')
    await fullShot(coordinator, 'pairings-priority-desk')

    // The top of her list: the highest risk and longest waiting, with why the child is a priority.
    const first = coordinator.locator('#priority-list > [id^="priority-child-"]').first()
    child.id = (await first.getAttribute('id'))!.replace('priority-child-', '')
    child.name = await first.locator('.pairing__name').innerText()
    await expectText(coordinator, `priority-reasons-${child.id}`, /孤儿|事实无人抚养|重病、重残|易地扶贫搬迁/)
    const file = await e2e.server.ctx.prisma.child.findUniqueOrThrow({ where: { id: child.id }, select: { displayName: true, villageCode: true } })
    child.displayName = file.displayName
    child.director = PERSONAS.find((p) => p.role === 'child_director' && p.regionCode === file.villageCode)!.key

    await first.click()
    await settled(coordinator, 'suggestions-list')
    await expectText(coordinator, 'propose-child', new RegExp(child.name))
    await expectText(coordinator, 'propose-child', /监护人同意已登记/)
    // 王阿姨: same township, can visit at home, has room for one more child.
    const wang = coordinator.locator('#suggestions-list .suggestion', { hasText: '王秀兰' })
    const volunteerId = (await wang.getAttribute('id'))!.replace('suggestion-', '')
    await expectText(coordinator, `suggestion-reasons-${volunteerId}`, /同一乡镇[\s\S]*住得近，可以上门家访[\s\S]*还可以再结对1名儿童/)
    await wang.click()
    await expect.poll(() => wang.getAttribute('class')).toContain('suggestion--picked')
    await coordinator.locator('#propose-note textarea').fill('同在和睦镇，可以周末上门家访')
    await fullShot(coordinator, 'pairings-propose-desk')
    await tap(coordinator, 'propose-submit')

    await coordinator.waitForURL(/\/packages\/pairings\/pages\/detail\/index\?id=/)
    pairingId = pairingIdOf(coordinator)
    await expectText(coordinator, 'pairing-state', '待儿童主任确认')
    await expectText(coordinator, 'pairing-next', /由本村儿童主任征得孩子家庭同意后确认/)
    await expectText(coordinator, 'pairing-volunteer', /王秀兰/)
    // The coordinator may not confirm for the family: only decline is offered to her now.
    expect(await byId(coordinator, 'pairing-action-acknowledge').count()).toBe(0)
    await byId(coordinator, 'pairing-action-decline').waitFor()
  })

  it('the director confirms the family agrees; her stale second tab gets a clear conflict', async () => {
    expect(pairingId).not.toBe('')
    e2e.server.ctx.clock.advance(10 * MINUTE)
    const director = await phoneUser(child.director)
    await expectText(director, 'home-pairing-pending-link', '待确认的结对（1）')
    await tap(director, 'home-pairing-pending-link')
    await expectText(director, 'ledger-state-proposed', '待儿童主任确认（1）')
    await tap(director, `ledger-row-${pairingId}`)
    await expectText(director, 'pairing-child', child.name)
    const stale = await director.context().newPage()
    await stale.goto(director.url())
    await expectText(stale, 'pairing-state', '待儿童主任确认')

    await tap(director, 'pairing-action-acknowledge')
    await director.locator('#pairing-note textarea').fill('已上门征得奶奶同意')
    await tap(director, 'pairing-submit')
    await expectText(director, 'pairing-done', '已办理：儿童主任确认家庭同意')
    await expectText(director, 'pairing-state', '待审批')
    await expectText(director, 'pairing-next', /由妇联协调员审批/)
    await settled(director, 'pairing-detail')
    await fullShot(director, 'pairings-acknowledged-phone')

    await tap(stale, 'pairing-action-acknowledge')
    await tap(stale, 'pairing-submit')
    await expectText(stale, 'pairing-conflict', '已被他人处理，请刷新')
    await tap(stale, 'pairing-refresh')
    await expectText(stale, 'pairing-state', '待审批')
    await stale.close()
  })

  it('the coordinator approves from today', async () => {
    e2e.server.ctx.clock.advance(10 * MINUTE)
    await coordinator.reload()
    await expectText(coordinator, 'pairing-state', '待审批')
    await tap(coordinator, 'pairing-action-approve')
    await expectText(coordinator, 'pairing-start-date', chinaDate(new Date()))
    await tap(coordinator, 'pairing-submit')
    await expectText(coordinator, 'pairing-done', '已办理：批准结对')
    await expectText(coordinator, 'pairing-state', '结对中')
    await expectText(coordinator, 'pairing-facts', new RegExp(`开始日期\\s*${chinaDate(new Date())}`))
  })

  it('王阿姨 sees the child in 我的结对 and opens the card — the name her director chose, nothing more', async () => {
    const wang = await phoneUser('demo.volunteer.wang')
    await tap(wang, 'home-my-pairings-link')
    await expectText(wang, `mine-${pairingId}`, new RegExp(child.displayName))
    await expectText(wang, `mine-state-${pairingId}`, '结对中')
    await settled(wang, 'mine-list')
    await fullShot(wang, 'pairings-mine-phone')
    await tap(wang, `mine-card-${pairingId}`)
    await expectText(wang, 'child-card', new RegExp(child.displayName))
    await settled(wang, 'child-card')
    await fullShot(wang, 'pairings-child-card-phone')
    if (!child.displayName.includes(child.name)) expect(await wang.locator('body').innerText()).not.toContain(child.name)
  })

  it('later the coordinator ends the pairing with a reason; the ledger keeps it with the whole history', async () => {
    e2e.server.ctx.clock.advance(10 * MINUTE)
    await coordinator.reload()
    await expectText(coordinator, 'pairing-state', '结对中')
    await tap(coordinator, 'pairing-action-end')
    await tap(coordinator, 'pairing-submit') // no reason chosen yet: asked for one
    await expectText(coordinator, 'pairing-end-reason-error', '请选择结束原因')
    await tap(coordinator, 'pairing-end-reason-child_moved')
    await coordinator.locator('#pairing-note textarea').fill('随父母到柳州市区上学')
    await tap(coordinator, 'pairing-submit')
    await coordinator.locator('.taro-model__confirm').click()
    await expectText(coordinator, 'pairing-state', '已结束')
    await expectText(coordinator, 'pairing-next', /记录保留在结对台账中/)

    // The whole history, oldest first: who, when, what, why.
    await expect.poll(() => coordinator.locator('#pairing-events > [id^="pairing-event-"]').count()).toBe(4)
    await expectText(coordinator, 'pairing-event-0', /提出结对[\s\S]*陈丽（妇联协调员）[\s\S]*同在和睦镇，可以周末上门家访/)
    await expectText(coordinator, 'pairing-event-1', /儿童主任确认家庭同意[\s\S]*（儿童主任）[\s\S]*已上门征得奶奶同意/)
    await expectText(coordinator, 'pairing-event-2', new RegExp(`批准结对[\\s\\S]*陈丽（妇联协调员）[\\s\\S]*开始日期：${chinaDate(new Date())}`))
    await expectText(coordinator, 'pairing-event-3', /结束结对[\s\S]*陈丽（妇联协调员）[\s\S]*结束原因：儿童迁离[\s\S]*随父母到柳州市区上学/)
    await settled(coordinator, 'pairing-detail')
    await fullShot(coordinator, 'pairings-ended-detail-desk')

    // The ledger: this child's pairings, the ended one kept, and among all the region's ended ones.
    await tap(coordinator, 'pairing-ledger-child')
    await expectText(coordinator, 'ledger-filter', new RegExp(`只看：${child.name}的结对`))
    await expectText(coordinator, `ledger-row-state-${pairingId}`, '已结束')
    await expectText(coordinator, `ledger-row-${pairingId}`, /儿童迁离/)
    // The whole ledger of the county, opened afresh (Taro keeps earlier pages, and their ids, in the page stack).
    await coordinator.goto(new URL(ROUTES.pairingLedger, e2e.url).toString())
    await tap(coordinator, 'ledger-state-ended')
    await expectText(coordinator, 'ledger-state-ended', '已结束（2）')
    await byId(coordinator, `ledger-row-${pairingId}`).waitFor()
    await settled(coordinator, 'ledger-list')
    await fullShot(coordinator, 'pairings-ledger-ended-desk')
    await tap(coordinator, `ledger-row-${pairingId}`)
    await expect.poll(() => coordinator.locator('#pairing-events > [id^="pairing-event-"]').count()).toBe(4)
  })
})
