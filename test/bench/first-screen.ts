/**
 * `npm run bench:first-screen` — the first screen on a village network (issue 19): the H5 sign-in
 * and home screens in Debian's Chromium under Fast 3G (562 ms latency, 1.6 Mbps down, 750 kbps up)
 * with the CPU slowed 4× (a cheap Android phone), through the DevTools protocol
 * (Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate).
 *
 * Each screen is opened in a fresh browser profile (nothing cached: the first visit), then opened
 * again in the same profile (the next morning: scripts in the HTTP cache, the session remembered).
 * "First meaningful content" is the moment the screen's own content is on it: the sign-in page's
 * intro, or home's work section with its figures (`#home-work[data-ready]`), timed inside the page
 * from the start of navigation. Bytes are what crossed the network (compressed) until then and
 * until the screen went quiet. Goal: ≤ 1.5 s to first meaningful content.
 *
 * The server is the bench's own (server-process.ts) over the demo county only (BENCH_FIXTURES=demo),
 * serving the current H5 build (rebuilt first when stale). Figures go to stdout and
 * test/bench/results/first-screen-<date>.json. Timing never appears in tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core'
import { ensureClientBuild } from '../../scripts/client-build.mjs'
import { CHROMIUM_ARGS, ensureSystemDeps } from '../helpers/system-deps'
import { startChild, stopAllChildren } from './processes'
import { gitState, machine } from './report'

const HERE = import.meta.dirname
const GOAL_MS = 1500
/** Lighthouse's and DevTools' "Fast 3G": 562.5 ms round trip, 1.6 Mbps down, 750 kbps up. */
const FAST_3G = { offline: false, latency: 562, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 }
const CPU_SLOWDOWN = 4
/** After first meaningful content, the screen counts as quiet after this long without a request. */
const QUIET_MS = 1500

interface Screen {
  name: string
  route: string
  ready: string
  /** Signed in as this demo persona (the session set in local storage, as a returning user has it). */
  persona?: string
}

const SCREENS: Screen[] = [
  { name: 'sign-in', route: '/', ready: '#login-intro' },
  { name: 'home · volunteer 王阿姨', route: '/pages/home/index', ready: '#home-work[data-ready]', persona: 'demo.volunteer.wang' },
  { name: 'home · child director 李主任', route: '/pages/home/index', ready: '#home-work[data-ready]', persona: 'demo.director.guding' },
  { name: 'home · coordinator 陈姐', route: '/pages/home/index', ready: '#home-work[data-ready]', persona: 'demo.coordinator' },
]

interface Visit {
  firstMeaningfulMs: number
  firstContentfulPaintMs: number | null
  bytesToMeaningful: number
  bytesTotal: number
  requests: number
}

interface Result {
  screen: string
  cold: Visit
  warm: Visit
}

const say = (m: string) => process.stderr.write(`${m}\n`)

/** Records, from inside the page, when the selector first matches (ms since navigation start). */
const watchFor = (selector: string) => `(() => {
  const seen = () => { if (!window.__fmc && document.querySelector(${JSON.stringify(selector)})) window.__fmc = performance.now() }
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true })
})()`

/** The session as Taro's H5 storage keeps it (setStorageSync wraps each value in { data }). */
const sessionScript = (token: string) => `(() => {
  if (localStorage.getItem('qstx.session.token')) return
  localStorage.setItem('qstx.session.token', JSON.stringify({ data: ${JSON.stringify(token)} }))
})()`
const CONSENT_SCRIPT = `localStorage.setItem('qstx.privacy-consent', JSON.stringify({ data: '2025-01' }))`

/** `--waterfall`: print each visit's requests (start and end after the first, in ms) to see what waits for what. */
const WATERFALL = process.argv.includes('--waterfall')

/** Counts the bytes of every finished response (encodedDataLength: headers and the body as sent). */
function byteCounter(cdp: CDPSession) {
  let bytes = 0
  let requests = 0
  let lastActivity = Date.now()
  let waterfall = new Map<string, { url: string; start: number; end?: number }>()
  cdp.on('Network.requestWillBeSent', (e) => {
    requests++
    lastActivity = Date.now()
    waterfall.set(e.requestId, { url: e.request.url.replace(/^https?:\/\/[^/]+/, ''), start: e.timestamp })
  })
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength
    lastActivity = Date.now()
    const r = waterfall.get(e.requestId)
    if (r) r.end = e.timestamp
  })
  return {
    printWaterfall: (title: string) => {
      if (!WATERFALL) return
      const rows = [...waterfall.values()]
      const t0 = Math.min(...rows.map((r) => r.start))
      say(`  ${title}:`)
      for (const r of rows) say(`    ${String(Math.round((r.start - t0) * 1000)).padStart(5)} → ${r.end === undefined ? '  …' : String(Math.round((r.end - t0) * 1000)).padStart(5)} ms  ${r.url.slice(0, 90)}`)
    },
    reset: () => void ((bytes = 0), (requests = 0), (lastActivity = Date.now()), (waterfall = new Map())),
    get bytes() {
      return bytes
    },
    get requests() {
      return requests
    },
    quietFor: () => Date.now() - lastActivity,
  }
}

async function visit(page: Page, counter: ReturnType<typeof byteCounter>, url: string, ready: string, again: boolean): Promise<Visit> {
  // The next visit opens the app afresh (a bookmark, the WeChat chat), not a reload, which would
  // make the browser revalidate more than a person's next morning does.
  if (again) await page.goto('about:blank')
  counter.reset()
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForSelector(ready, { state: 'attached', timeout: 120_000 })
  const bytesToMeaningful = counter.bytes
  while (counter.quietFor() < QUIET_MS) await page.waitForTimeout(200)
  const timing = await page.evaluate(() => ({
    fmc: (window as unknown as { __fmc?: number }).__fmc ?? null,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }))
  if (timing.fmc === null) throw new Error(`${ready} appeared but its time was not recorded`)
  counter.printWaterfall(`${url} (${again ? 'next' : 'first'} visit), first meaningful content at ${Math.round(timing.fmc)} ms`)
  return { firstMeaningfulMs: Math.round(timing.fmc), firstContentfulPaintMs: timing.fcp === null ? null : Math.round(timing.fcp), bytesToMeaningful, bytesTotal: counter.bytes, requests: counter.requests }
}

async function measureScreen(browser: Browser, baseUrl: string, screen: Screen): Promise<Result> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  try {
    await context.addInitScript(CONSENT_SCRIPT)
    if (screen.persona) await context.addInitScript(sessionScript(await login(baseUrl, screen.persona)))
    await context.addInitScript(watchFor(screen.ready))
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', FAST_3G)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    const counter = byteCounter(cdp)
    const url = new URL(screen.route, baseUrl).toString()
    const cold = await visit(page, counter, url, screen.ready, false)
    const warm = await visit(page, counter, url, screen.ready, true)
    return { screen: screen.name, cold, warm }
  } finally {
    await context.close()
  }
}

async function login(baseUrl: string, persona: string): Promise<string> {
  const res = await fetch(new URL('/api/dev/login', baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) })
  if (!res.ok) throw new Error(`dev login as ${persona}: HTTP ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`

function render(results: Result[]): string {
  const head = ['screen', 'visit', 'first meaningful', 'goal 1.5 s', 'FCP', 'bytes to FMC', 'bytes in all', 'requests']
  const rows = results.flatMap((r) =>
    (['cold', 'warm'] as const).map((k) => {
      const v = r[k]
      return [r.screen, k === 'cold' ? 'first visit' : 'next visit', sec(v.firstMeaningfulMs), v.firstMeaningfulMs <= GOAL_MS ? 'met' : 'MISSED', v.firstContentfulPaintMs === null ? '—' : sec(v.firstContentfulPaintMs), kb(v.bytesToMeaningful), kb(v.bytesTotal), String(v.requests)]
    }),
  )
  // Chinese characters take two columns in a terminal.
  const width = (t: string) => [...t].reduce((n, c) => n + (c.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0)
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))))
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ')
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

async function main(): Promise<number> {
  ensureClientBuild('h5', { log: say })
  say('starting the server (embedded PostgreSQL, the demo county)…')
  const server = await startChild(path.join(HERE, 'server-process.ts'), { tempDir: true, env: { BENCH_FIXTURES: 'demo' } })
  const { chromium: executablePath } = ensureSystemDeps(['chromium', 'font'], say)
  const browser = await chromium.launch({ executablePath: executablePath ?? undefined, headless: true, args: CHROMIUM_ARGS })
  const results: Result[] = []
  try {
    for (const screen of SCREENS) {
      say(`  ${screen.name}…`)
      results.push(await measureScreen(browser, server.url, screen))
    }
  } finally {
    await browser.close()
    await server.stop()
  }
  console.log(render(results))
  const date = new Date().toISOString()
  const report = { date, settings: { network: FAST_3G, cpuSlowdown: CPU_SLOWDOWN, goalMs: GOAL_MS, quietMs: QUIET_MS }, machine: machine(), git: gitState(), results }
  const dir = path.join(HERE, 'results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `first-screen-${date.replace(/:/g, '-')}.json`)
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
  say(`\nwrote ${path.relative(process.cwd(), file)}`)
  return 0
}

main()
  .catch((err: Error) => {
    say(`first-screen bench failed: ${err.message}`)
    return 1
  })
  .then(async (code) => {
    await stopAllChildren()
    process.exit(code)
  })
