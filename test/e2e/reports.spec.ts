/**
 * Issue #10, done when: county civil affairs (覃志强, demo.civil, at a desk) opens 工作统计, sees the
 * county's figures and charts, drills down to a township and back, and downloads the county's child
 * ledger in the official template; 陈姐 (the county coordinator) downloads the pairing ledger without
 * any child's ID number. Screenshots of the dashboard land in test/artifacts/.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { LEDGER_FOOTNOTE, LEDGER_LABELS } from '@qstx/shared'
import { DEMO_PASSWORD } from '../../server/src/seed/personas'
import { loadWorkbook, cellTexts } from '../helpers/xlsx'
import { acceptPrivacy, byId, deskSignIn, expectText, fullShot, screenshot, settled, tap, useE2e } from './helpers'

const e2e = useE2e()
const COUNTY = '450225000000'
const HEMU = '450225101000'
const GUDING = '450225101201'

/** The whole dashboard in one picture: Taro's H5 page scrolls inside the window, so make the window tall. */
async function wholePage(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!
  const height = await page.evaluate(() => document.querySelector('.dashboard')?.scrollHeight ?? 800)
  await page.setViewportSize({ width: size.width, height: Math.min(4000, height + 40) })
  await page.waitForTimeout(800) // echarts follows the resize, then its entry animation
  await screenshot(page, name)
  await page.setViewportSize(size)
}

async function deskUser(username: string): Promise<Page> {
  const page = await e2e.open('desk')
  await acceptPrivacy(page)
  await deskSignIn(page, username, DEMO_PASSWORD)
  return page
}

async function openDashboard(page: Page): Promise<void> {
  await tap(page, 'home-dashboard-link')
  await settled(page, 'dashboard-totals')
  // echarts draws into a canvas once its chunk has loaded.
  await page.locator('#chart-categories canvas').waitFor()
}

describe('县民政: the dashboard and the county ledger', () => {
  it('shows the county, drills down to a township, and downloads the child ledger in the official template', async () => {
    const page = await deskUser('demo.civil')
    await openDashboard(page)
    await expectText(page, 'dashboard-title', '工作统计 · 融水苗族自治县')
    const children = Number(await byId(page, 'total-children').locator('.dashboard__total-value').innerText())
    expect(children).toBeGreaterThan(0)
    await page.locator('#chart-subregions canvas').waitFor()
    await expect.poll(() => page.locator(`#dashboard-region-${HEMU}`).innerText()).toContain('和睦镇')
    await wholePage(page, 'reports-dashboard-county')

    await tap(page, `dashboard-region-${HEMU}`)
    await expectText(page, 'dashboard-title', '工作统计 · 和睦镇')
    await expectText(page, 'dashboard-path', /融水苗族自治县[\s\S]*和睦镇/)
    await page.locator('#chart-subregions canvas').waitFor()
    await wholePage(page, 'reports-dashboard-township')
    await tap(page, `dashboard-up-${COUNTY}`)
    await expectText(page, 'dashboard-title', '工作统计 · 融水苗族自治县')

    const [download] = await Promise.all([page.waitForEvent('download'), tap(page, 'export-child-xlsx')])
    expect(download.suggestedFilename()).toMatch(/^\d{4}年农村留守儿童和困境儿童个人信息台账-融水苗族自治县\.xlsx$/)
    await expectText(page, 'export-saved', '已下载')
    const wb = await loadWorkbook(readFileSync((await download.path())!))
    // The table first, then one sheet per child laid out like the paper form.
    expect(wb.worksheets[0]!.name).toBe('汇总表')
    expect(wb.worksheets).toHaveLength(1 + children)
    const form = cellTexts(wb.worksheets[1]!)
    for (const label of LEDGER_LABELS) expect(form, label).toContain(label)
    expect(form.at(-1)).toBe(LEDGER_FOOTNOTE)
    const audit = await e2e.server.ctx.prisma.auditLog.count({ where: { action: 'export.child_ledger', actorRole: 'civil_affairs' } })
    expect(audit).toBe(1)
  })
})

describe('陈姐: the pairing ledger before the quarterly meeting', () => {
  it('downloads the pairing ledger with no ID number in it', async () => {
    const page = await deskUser('demo.coordinator')
    await openDashboard(page)
    await wholePage(page, 'reports-dashboard-coordinator')
    const [download] = await Promise.all([page.waitForEvent('download'), tap(page, 'export-pairing')])
    expect(download.suggestedFilename()).toBe('牵手童行结对台账-融水苗族自治县.xlsx')
    const wb = await loadWorkbook(readFileSync((await download.path())!))
    const texts = cellTexts(wb.worksheets[0]!)
    expect(texts).toContain('结对人员')
    expect(texts).not.toContain('身份证号')
    for (const text of texts) expect(text).not.toMatch(/\d{17}[\dX]/)
  })
})

describe('李主任: her village’s ledger for the hand-over, on her phone', () => {
  it('finds 台账导出 on home (no dashboard) and gets this year’s ledger of her village only', async () => {
    const page = await e2e.open('phone')
    await acceptPrivacy(page)
    await tap(page, 'persona-demo-director-guding')
    await page.waitForURL(/\/pages\/home\/index/)
    await byId(page, 'home-exports-link').waitFor()
    expect(await byId(page, 'home-dashboard-link').count()).toBe(0)
    await tap(page, 'home-exports-link')
    await settled(page, 'dashboard-exports')
    await expectText(page, 'exports-title', '古顶村')
    // The directors' rights: both ledgers, never the county's annual report.
    expect(await byId(page, 'export-pairing').count()).toBe(1)
    expect(await byId(page, 'export-annual').count()).toBe(0)
    const year = new Date().getFullYear()
    await tap(page, `exports-year-${year - 1}`)
    await tap(page, `exports-year-${year}`)
    await fullShot(page, 'reports-exports-director-phone')
    const [download] = await Promise.all([page.waitForEvent('download'), tap(page, 'export-child-xlsx')])
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${year}年农村留守儿童和困境儿童个人信息台账-.*古顶村.*\\.xlsx$`))
    const wb = await loadWorkbook(readFileSync((await download.path())!))
    // The summary table and one form per child of 古顶村 — none from the other villages.
    const own = await e2e.server.ctx.prisma.child.count({ where: { villageCode: GUDING, closedAt: null } })
    expect(own).toBeGreaterThan(0)
    expect(wb.worksheets).toHaveLength(1 + own)
    const audit = await e2e.server.ctx.prisma.auditLog.findFirst({ where: { action: 'export.child_ledger', actorRole: 'child_director' } })
    expect(audit).not.toBeNull()
  })
})
