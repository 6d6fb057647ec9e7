/**
 * End-to-end harness: the real server (the same app factory, a database cloned from the template
 * with the demo seeded, the H5 build, a fake WeChat) listening on a loopback port, and the Chromium
 * test/helpers/system-deps.ts found (or installed) driven by playwright-core. `useE2e()` wires it into a spec file's hooks.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, expect, inject } from 'vitest'
import { H5_DIR, ROOT } from '../../scripts/client-build.mjs'
import { seedDemo } from '../../server/src/seed/demo'
import { buildTestApp, type TestContext } from '../helpers/build-app'
import { CHROMIUM_ARGS } from '../helpers/system-deps'

export const ARTIFACTS = path.join(ROOT, 'test/artifacts')


/** Field roles (volunteers, directors) hold a phone; desk roles (civil affairs, admins) sit at a computer. */
export const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desk: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
} as const
export type Device = keyof typeof DEVICES
/** The desk issue 19 was tried on. */
const DESK_TRIED = { width: 1366, height: 900 }

export interface E2eServer {
  url: string
  ctx: TestContext
  close(): Promise<void>
}

/** The real server over a fresh database with the demo county, on 127.0.0.1 and a free port. */
export async function startServer(): Promise<E2eServer> {
  const ctx = await buildTestApp({ env: { H5_DIR } })
  try {
    await seedDemo(ctx.prisma, ctx.keyring)
    const url = await ctx.app.listen({ host: '127.0.0.1', port: 0 })
    return { url, ctx, close: () => ctx.close() }
  } catch (err) {
    await ctx.close()
    throw err
  }
}

export function launchChromium(): Promise<Browser> {
  // launch() gives every run a fresh temporary user-data-dir, removed when the browser closes.
  return chromium.launch({ executablePath: inject('chromiumPath'), headless: true, args: CHROMIUM_ARGS })
}

const fileName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120)

/** A screenshot in test/artifacts (git-ignored), for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const file = path.join(ARTIFACTS, `${fileName(name)}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/**
 * Hooks for a spec file: one server and one browser for the file, a fresh browser context per
 * person (isolated storage = another phone or computer). When a test fails, every page still open
 * is saved to test/artifacts/<test name>.png (the most recent one; earlier ones get -2, -3, …).
 */
export function useE2e() {
  let server: E2eServer | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  const pages: Page[] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchChromium()
  })

  beforeEach((test) => {
    test.onTestFailed(async () => {
      const open = pages.filter((p) => !p.isClosed()).reverse()
      for (const [i, page] of open.entries()) {
        await screenshot(page, i === 0 ? test.task.name : `${test.task.name}-${i + 1}`).catch(() => {})
      }
    })
  })

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {})
    await browser?.close()
    await server?.close()
  })

  return {
    get url(): string {
      if (!server) throw new Error('server not started')
      return server.url
    },
    get server(): E2eServer {
      if (!server) throw new Error('server not started')
      return server
    },
    /** A new person on a new device, on `route` (default: the app's first page). */
    async open(device: Device, route = '/'): Promise<Page> {
      if (!browser || !server) throw new Error('browser not started')
      const context = await browser.newContext({ ...DEVICES[device], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
      contexts.push(context)
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      pages.push(page)
      await page.goto(new URL(route, server.url).toString())
      return page
    },
    /**
     * A demo persona as a returning user: signed in (session and privacy consent kept), on home with
     * its work shown; `desk` at the 1366 × 900 the desk layout was tried on.
     */
    async homeOf(persona: string, device: Device): Promise<{ page: Page; token: string }> {
      if (!server) throw new Error('server not started')
      const res = await fetch(new URL('/api/dev/login', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) })
      expect(res.status, persona).toBe(200)
      const { token } = (await res.json()) as { token: string }
      const page = await this.open(device)
      if (device === 'desk') await page.setViewportSize(DESK_TRIED)
      await page.evaluate((t) => {
        localStorage.setItem('qstx.session.token', JSON.stringify({ data: t }))
        localStorage.setItem('qstx.privacy-consent', JSON.stringify({ data: '2025-01' }))
      }, token)
      await page.goto(new URL('/pages/home/index', server.url).toString())
      await page.locator('#home-work[data-ready]').waitFor()
      return { page, token }
    },
  }
}

// ---- Acting on the app by the element ids listed in client/src/constants/routes.ts ----

export const byId = (page: Page, id: string) => page.locator(`#${id}`)
/**
 * The element of the page on top: H5 keeps the pages under it in the DOM (hidden), so a frame every
 * page draws — the desk's side navigation — is there once per open page. For a moment after a
 * page opens or closes the one under it is still shown too; the page on top is the last in the DOM.
 */
export const shownById = (page: Page, id: string) => page.locator(`#${id}:visible`).last()

export async function tap(page: Page, id: string): Promise<void> {
  await byId(page, id).click()
}

/** Types into a TextField (Taro's Input renders the real <input> inside the element with the id). */
export async function fill(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id} input`).fill(value)
}

/**
 * Waits until the element with this id has stopped moving: Taro's H5 router slides a new page in
 * from the right, and a screenshot or a back navigation in the middle of it catches half a page.
 */
export async function settled(page: Page, id: string): Promise<void> {
  await byId(page, id).waitFor()
  let last: number | undefined
  await expect
    .poll(async () => {
      const x = (await byId(page, id).boundingBox())?.x
      const still = x !== undefined && x === last
      last = x
      return still
    }, { timeout: 15_000, interval: 150 })
    .toBe(true)
}

/**
 * The whole page in one picture for people to look at: Taro's H5 page scrolls inside its own
 * container, so the window grows to the page's height for the shot and then shrinks back.
 */
export async function fullShot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!
  const height = await page.evaluate(() => Math.max(document.documentElement.scrollHeight, ...Array.from(document.querySelectorAll('.taro_page')).map((el) => el.scrollHeight)))
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 6000) })
  await page.waitForTimeout(300) // charts and lists follow the resize
  await screenshot(page, name)
  await page.setViewportSize(size)
}

export async function expectText(page: Page, id: string, text: string | RegExp): Promise<void> {
  await expect.poll(() => byId(page, id).innerText(), { timeout: 15_000 }).toMatch(text)
}

/** The privacy notice comes before anything else (JOURNEYS: 王阿姨 step 1). */
export async function acceptPrivacy(page: Page): Promise<void> {
  await tap(page, 'privacy-agree')
}

/** Desk sign-in on the login page (privacy already accepted). */
export async function deskSignIn(page: Page, username: string, password: string): Promise<void> {
  await fill(page, 'desk-username', username)
  await fill(page, 'desk-password', password)
  await tap(page, 'desk-submit')
  await page.waitForURL(/\/pages\/home\/index/)
}

/** The 我的 page: the tab bar on a phone, the side navigation on a desk (which has no tab bar). */
export async function openMe(page: Page): Promise<void> {
  const nav = byId(page, 'desk-nav-me')
  if (await nav.isVisible()) await nav.click()
  else await page.locator('.weui-tabbar__label', { hasText: '我的' }).click()
}

export async function signOut(page: Page): Promise<void> {
  await openMe(page)
  await tap(page, 'logout-button')
  await page.waitForURL(/\/pages\/login\/index/)
}
