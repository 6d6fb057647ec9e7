/**
 * Issue #17, done when: 李主任 (demo.director.guding, on her phone) walks through an entrusted-care
 * re-assessment — the grandmother's yearly check is overdue on her calendar; on the home visit she
 * finds the grandmother cannot care for the child, tells the parents, and records the new carer
 * they chose (its own entry in the file's history) — and a pre-holiday water-safety visit for a
 * child on 古顶村's near-water list. The phone and the server both stand on 28 December 2026:
 * Guangxi's winter holiday begins on 23 January 2027, so its water-safety window opened on the 26th.
 */
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_VILLAGES } from '../../server/src/seed/personas'
import { acceptPrivacy, byId, expectText, fill, fullShot, settled, tap, useE2e } from './helpers'

const e2e = useE2e()
const NOW = new Date('2026-12-28T02:00:00Z') // 10:00 in China
const GUDING = DEMO_VILLAGES[0]!

beforeAll(() => e2e.server.ctx.clock.set(NOW))

async function director(): Promise<Page> {
  const page = await e2e.open('phone')
  // The phone's calendar says the same day as the server (the visit form dates a visit "today").
  await page.clock.setFixedTime(NOW)
  await page.reload()
  await acceptPrivacy(page)
  await tap(page, 'persona-demo-director-guding')
  await page.waitForURL(/\/pages\/home\/index/)
  return page
}

describe('李主任: an entrusted-care re-assessment and a pre-holiday water-safety visit', () => {
  it('re-assesses the grandmother\'s care, tells the parents, records the new carer, then gives a near-water child the talk before the holiday', async () => {
    const { prisma } = e2e.server.ctx
    const kids = await prisma.child.findMany({ where: { villageCode: GUDING }, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true, nearWater: true, entrustedCarer: true, entrustedCarerName: true } })
    // The demo's grandmother whose care was last checked over a year ago (server/src/seed/demo-care.ts).
    const cared = kids.find((k) => k.entrustedCarer === 'grandparents')!
    const river = kids.find((k) => k.nearWater && k.id !== cared.id)!
    const page = await director()

    await tap(page, 'home-duty-link')
    await settled(page, 'duty-list')
    await tap(page, 'duty-filter-entrusted')
    await expectText(page, `duty-entrusted-${cared.id}`, /委托照护评估：.*已逾期/)
    await fullShot(page, 'care-calendar-entrusted')

    await tap(page, `duty-row-${cared.id}`)
    await settled(page, 'visit-submit')
    await expectText(page, 'visit-child', cared.name)
    await page.locator('#visit-problems textarea').fill('奶奶今年中风后行动不便，孩子每天自己做饭、自己上学')
    await tap(page, 'visit-capacity-lacks_capacity')
    await tap(page, 'visit-quality-poor')
    await page.locator('#visit-entrusted-note textarea').fill('祖母已无力照护')
    await fullShot(page, 'care-visit-entrusted')
    await tap(page, 'visit-submit')
    await settled(page, 'visit-saved')

    await tap(page, 'visit-entrusted-link')
    await settled(page, 'entrusted-arrangement')
    await expectText(page, 'entrusted-follow-up', '待告知父母或其他监护人')
    await expectText(page, 'entrusted-event-0', /走访时评估照护情况[\s\S]*缺乏照护能力/)
    await tap(page, 'entrusted-step-parents_notified')
    await page.locator('#entrusted-step-note textarea').fill('视频告知孩子父母，他们商定由孩子的叔叔照顾')
    await tap(page, 'entrusted-step-submit')
    await expectText(page, 'entrusted-follow-up', '已告知父母')

    await tap(page, 'entrusted-change-carer')
    await tap(page, 'carer-kind-relatives_friends')
    await fill(page, 'carer-name', '韦建国')
    await page.locator('#carer-note textarea').fill('父母决定由叔叔照顾，叔叔家离学校近')
    await tap(page, 'carer-submit')
    await expectText(page, 'entrusted-arrangement', /亲戚朋友：韦建国/)
    await expectText(page, 'entrusted-event-0', /更换被委托照护人[\s\S]*韦建国/)
    await expect.poll(() => byId(page, 'entrusted-follow-up').count()).toBe(0)
    await fullShot(page, 'care-entrusted-new-carer')
    const history = await prisma.childHistory.findFirstOrThrow({ where: { childId: cared.id }, orderBy: { id: 'desc' } })
    expect(history).toMatchObject({ kind: 'carer_changed', note: '父母决定由叔叔照顾，叔叔家离学校近' })

    // Back to the calendar, to the near-water list.
    await page.goBack()
    await settled(page, 'visit-saved')
    await tap(page, 'visit-done')
    await settled(page, 'duty-list')
    await tap(page, 'duty-filter-water')
    await expectText(page, 'duty-water-window', /2027年寒假前防溺水教育：2026-12-26 起，请在 2027-01-22 前/)
    await expectText(page, `duty-water-${river.id}`, '待开展')
    await fullShot(page, 'care-calendar-near-water')

    await tap(page, `duty-row-${river.id}`)
    await settled(page, 'visit-submit')
    await expectText(page, 'visit-date', '2026-12-28')
    await tap(page, 'visit-water-toggle-yes')
    await page.locator('#visit-water-content textarea').fill('寒假不私自下河游泳、不去冰面玩，同伴落水要大声呼救、不盲目施救；奶奶在场一起听')
    await fullShot(page, 'care-visit-water-safety')
    await tap(page, 'visit-submit')
    await settled(page, 'visit-saved')
    await tap(page, 'visit-done')
    await expectText(page, `duty-water-${river.id}`, '已于 2026-12-28 开展')
    const visit = await prisma.directorVisit.findFirstOrThrow({ where: { childId: river.id }, orderBy: { createdAt: 'desc' } })
    expect(visit.waterSafetyContent).toContain('不私自下河游泳')
    await fullShot(page, 'care-calendar-after-water-safety')
  })
})
