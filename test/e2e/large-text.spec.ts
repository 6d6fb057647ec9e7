/**
 * Issue 19: older eyes and cheap phones. On a 360 px phone with the browser's text at 150 % (its
 * default font size 16 → 24 px, set through the DevTools protocol as the person's own setting
 * would), every home and main form must fit: nothing beyond the screen's edge, no text cut off by
 * its box — and everything that reacts to a tap is at least 44 × 44 CSS px, at normal text size
 * too (the harder case: larger text only makes targets bigger).
 */
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { settled, useE2e } from './helpers'

const e2e = useE2e()
const SMALL_PHONE = { width: 360, height: 740 }
const MIN_TARGET = 44

beforeAll(() => e2e.server.ctx.clock.set(new Date()))

interface Problems {
  /** How many tap targets were looked at (a check that found none would prove nothing). */
  targets: number
  overflow: string[]
  cut: string[]
  small: string[]
}

/**
 * Runs in the page: looks at every visible element of the page on screen. A tap target is an
 * element with a click handler — Taro's components keep theirs in `__events`, plain React elements
 * in their props — or a native control.
 */
function findProblems({ minTarget, ready }: { minTarget: number; ready: string }): Problems {
  const width = document.documentElement.clientWidth
  // The page on screen: the one holding the element the test waited for.
  const root = document.getElementById(ready)?.closest<HTMLElement>('.taro_page') ?? document.body
  const name = (el: Element) => `${el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}`} "${(el.textContent ?? '').trim().slice(0, 16)}"`
  const tappable = (el: Element) => {
    const own = el as unknown as Record<string, { click?: unknown; tap?: unknown; onClick?: unknown } | undefined>
    const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'))
    return !!(own.__events?.click || own.__events?.tap || (key && own[key]?.onClick)) || el.matches('button, a[href], input:not([type=hidden]), textarea, select, [role=button]')
  }
  const out: Problems = { targets: 0, overflow: [], cut: [], small: [] }
  const all = [root, ...Array.from(root.querySelectorAll<HTMLElement>('*'))]
  for (const el of all) {
    const r = el.getBoundingClientRect()
    const style = getComputedStyle(el)
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue
    if (r.right > width + 1 || r.left < -1) out.overflow.push(`${name(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px of ${width}`)
    const clipsX = style.overflowX === 'hidden' || style.overflowX === 'clip'
    const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip'
    if ((clipsX && el.scrollWidth > el.clientWidth + 1) || (clipsY && el.scrollHeight > el.clientHeight + 1 && el.textContent?.trim())) {
      out.cut.push(`${name(el)} holds ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`)
    }
    if (!tappable(el)) continue
    out.targets++
    if (r.width < minTarget || r.height < minTarget) out.small.push(`${name(el)} is ${Math.round(r.width)}×${Math.round(r.height)}`)
  }
  return out
}

/** The browser's default text size, as a person sets it (16 px is 100 %); reload so the page takes it. */
async function textSize(page: Page, percent: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: Math.round((16 * percent) / 100) } })
  await page.reload()
}

async function openAs(persona: string | null, route: string): Promise<Page> {
  const page = await e2e.open('phone')
  await page.setViewportSize(SMALL_PHONE)
  const token = persona ? ((await (await fetch(new URL('/api/dev/login', e2e.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) })).json()) as { token: string }).token : null
  await page.evaluate((t) => {
    localStorage.setItem('qstx.privacy-consent', JSON.stringify({ data: '2025-01' }))
    if (t) localStorage.setItem('qstx.session.token', JSON.stringify({ data: t }))
  }, token)
  await page.goto(new URL(route, e2e.url).toString())
  return page
}

const rootFont = (page: Page) => page.evaluate(() => parseFloat(document.documentElement.style.fontSize))

async function check(page: Page, ready: string): Promise<void> {
  await settled(page, ready)
  const normal = await page.evaluate(findProblems, { minTarget: MIN_TARGET, ready })
  expect(normal.targets).toBeGreaterThan(0)
  expect(normal.small, 'tap targets at 100 % text').toEqual([])
  const before = await rootFont(page)
  await textSize(page, 150)
  await settled(page, ready)
  // The app took the person's setting: everything is 1.5 times as large.
  expect(await rootFont(page)).toBeCloseTo(before * 1.5, 1)
  const large = await page.evaluate(findProblems, { minTarget: MIN_TARGET, ready })
  expect(large.overflow, 'beyond the screen at 150 % text').toEqual([])
  expect(large.cut, 'cut off at 150 % text').toEqual([])
}

const ids = {
  wangPairing: () => e2e.server.ctx.prisma.pairing.findFirstOrThrow({ where: { state: 'active', volunteer: { user: { username: 'demo.volunteer.wang' } } }, select: { id: true } }),
  applicant: () => e2e.server.ctx.prisma.volunteer.findFirstOrThrow({ where: { realName: '覃秀梅' }, select: { id: true } }),
  gudingChild: () => e2e.server.ctx.prisma.child.findFirstOrThrow({ where: { villageCode: '450225101201', closedAt: null }, select: { id: true } }),
  priorityChild: () => e2e.server.ctx.prisma.child.findFirstOrThrow({ where: { priorityReasons: { isEmpty: false }, pairings: { none: {} } }, select: { id: true } }),
}

const HOMES = ['demo.volunteer.wang', 'demo.applicant.qin', 'demo.leader', 'demo.director.guding', 'demo.coordinator', 'demo.supervisor.hemu', 'demo.civil', 'demo.admin']

describe('360 px, text at 150 %: every home fits and every tap target is large enough', () => {
  for (const persona of HOMES) {
    it(`home of ${persona}`, async () => {
      const page = await openAs(persona, '/pages/home/index')
      await page.locator('#home-work[data-ready]').waitFor()
      await check(page, 'home-work')
    })
  }
})

describe('the checks themselves', () => {
  it('see a box wider than the screen, text cut off by its box and a small tap target', async () => {
    const page = await openAs(null, '/pages/login/index')
    await settled(page, 'login-intro')
    await page.evaluate(() => {
      const intro = document.getElementById('login-intro')!
      intro.insertAdjacentHTML('beforeend', '<div id="too-wide" style="width:500px">宽</div><div id="cut" style="width:40px;overflow:hidden;white-space:nowrap">放不下的一行字</div><button id="tiny" style="width:30px;height:30px">小</button>')
    })
    const found = await page.evaluate(findProblems, { minTarget: MIN_TARGET, ready: 'login-intro' })
    expect(found.overflow.some((p) => p.startsWith('#too-wide'))).toBe(true)
    expect(found.cut.some((p) => p.startsWith('#cut'))).toBe(true)
    expect(found.small.some((p) => p.startsWith('#tiny'))).toBe(true)
  })
})

describe('360 px, text at 150 %: the main forms', () => {
  it('sign-in', async () => check(await openAs(null, '/pages/login/index'), 'login-intro'))

  it('sign-up (a draft applicant)', async () => check(await openAs('demo.applicant.draft', '/packages/volunteer/pages/signup/index'), 'signup-progress'))

  it('check-in', async () => {
    const { id } = await ids.wangPairing()
    await check(await openAs('demo.volunteer.wang', `/packages/checkins/pages/create/index?pairingId=${id}`), 'checkin-child')
  })

  it('我担心这个孩子: the report form', async () => check(await openAs('demo.volunteer.wang', '/packages/safeguarding/pages/new/index'), 'report-submit'))

  it("the coordinator's vetting of an application", async () => {
    const { id } = await ids.applicant()
    await check(await openAs('demo.coordinator', `/packages/vetting/pages/application/index?id=${id}`), 'decision-approve')
  })

  it('a pairing proposal with its suggestions', async () => {
    const { id } = await ids.priorityChild()
    await check(await openAs('demo.coordinator', `/packages/pairings/pages/propose/index?childId=${id}`), 'suggestions-list')
  })

  it("the director's child file form", async () => check(await openAs('demo.director.guding', '/packages/children/pages/edit/index'), 'child-next'))

  it("the director's visit record", async () => {
    const { id } = await ids.gudingChild()
    await check(await openAs('demo.director.guding', `/packages/duty/pages/visit/index?childId=${id}`), 'visit-submit')
  })
})
