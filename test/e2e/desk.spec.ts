/**
 * Issue 19, the desk: at 1366 px the same pages show tables that sort (on the server, where the list
 * can), work from the keyboard (↑/↓, Enter, PageDown) and open the chosen row beside the list —
 * a volunteer vetted, a pairing approved, without losing the list.
 */
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { byId, expectText, shownById, useE2e } from './helpers'

const e2e = useE2e()
beforeAll(() => e2e.server.ctx.clock.set(new Date()))

interface Desk {
  page: Page
  api<T>(url: string): Promise<T>
}

async function deskOf(persona: string): Promise<Desk> {
  const { page, token } = await e2e.homeOf(persona, 'desk')
  const api = async <T,>(url: string) => (await (await fetch(new URL(url, e2e.url), { headers: { authorization: `Bearer ${token}` } })).json()) as T
  return { page, api }
}

const rowIds = (page: Page, table: string) => page.locator(`#${table} tbody tr`).evaluateAll((rows) => rows.map((r) => r.id))

describe('the desk tables', () => {
  it('陈姐 sorts the vetting queue, picks an application with the keyboard and vets it beside the list', async () => {
    const { page, api } = await deskOf('demo.coordinator')
    await byId(page, 'desk-nav-vetting').click()
    await byId(page, 'vetting-list').waitFor()
    const oldest = await api<{ items: Array<{ id: string; realName: string }> }>('/api/vetting/queue?status=submitted')
    await expect.poll(() => rowIds(page, 'vetting-list')).toEqual(oldest.items.map((i) => `vetting-item-${i.id}`))

    // Newest first: the server's order, not just this page turned around.
    await byId(page, 'vetting-list-sort-submitted').click()
    const newest = await api<{ items: Array<{ id: string; realName: string }> }>('/api/vetting/queue?status=submitted&sort=newest')
    await expect.poll(() => rowIds(page, 'vetting-list')).toEqual(newest.items.map((i) => `vetting-item-${i.id}`))

    // The keyboard: the second row, opened with Enter, beside the list (and in the address).
    await byId(page, 'vetting-list').focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expectText(page, 'application-name', newest.items[1]!.realName)
    expect(page.url()).toContain(`id=${newest.items[1]!.id}`)
    await byId(page, 'vetting-list').waitFor()
    await expect.poll(() => byId(page, `vetting-item-${newest.items[1]!.id}`).getAttribute('aria-selected')).toBe('true')
  })

  it('陈姐 approves a pairing beside the ledger, and the list follows', async () => {
    const { page, api } = await deskOf('demo.coordinator')
    const waiting = await api<{ items: Array<{ id: string }> }>('/api/pairings?state=acknowledged')
    await page.goto(new URL('/packages/pairings/pages/ledger/index?state=acknowledged', e2e.url).toString())
    await byId(page, `ledger-row-${waiting.items[0]!.id}`).click()
    await byId(page, 'ledger-detail').waitFor()
    await byId(page, 'pairing-action-approve').click()
    await byId(page, 'pairing-submit').click()
    await expectText(page, 'pairing-state', '结对中')
    // Still on the ledger: the approved pairing has left the "待审批" list it was opened from.
    await expect.poll(() => page.locator(`#ledger-list #ledger-row-${waiting.items[0]!.id}`).count()).toBe(0)
    expect(page.url()).toContain('/packages/pairings/pages/ledger/index')
  })

  it('县民政 sorts the children by age on the server, turns the page with the keyboard, and reads the trail oldest first', async () => {
    const { page, api } = await deskOf('demo.civil')
    await byId(page, 'desk-nav-children').click()
    await byId(page, 'children-list').waitFor()
    await byId(page, 'children-list-sort-age').click()
    const youngest = await api<{ total: number; items: Array<{ id: string }> }>('/api/children?sort=age')
    await expect.poll(() => rowIds(page, 'children-list')).toEqual(youngest.items.map((c) => `child-row-${c.id}`))
    const pages = Math.ceil(youngest.total / 20)
    expect(pages).toBeGreaterThan(1)
    await byId(page, 'children-list').focus()
    await page.keyboard.press('PageDown')
    await expectText(page, 'children-page', `第 2 / ${pages} 页`)
    const second = await api<{ items: Array<{ id: string }> }>('/api/children?sort=age&page=2')
    await expect.poll(() => rowIds(page, 'children-list')).toEqual(second.items.map((c) => `child-row-${c.id}`))

    await shownById(page, 'desk-nav-audit').click()
    await byId(page, 'audit-list').waitFor()
    await byId(page, 'audit-list-sort-at').click()
    const oldest = await api<{ items: Array<{ id: string }> }>('/api/audit?sort=oldest&pageSize=20')
    await expect.poll(() => rowIds(page, 'audit-list')).toEqual(oldest.items.map((e) => `audit-row-${e.id}`))
  })
})
