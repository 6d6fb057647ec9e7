/**
 * The WeChat build run, not only built: app.js and every page of the main package, and one page of
 * each subpackage, loaded in a Node sandbox the way WeChat's logic layer loads them (sandbox/), with
 * a `wx` that speaks WeChat's shapes and rules and sends wx.request to the real server over a demo
 * county. For each page: App() and Page() run, onLoad/onShow/onReady throw nothing, the first setData
 * already draws the page's Chinese title or content, no setData reaches WeChat's 256 KB warning, and
 * once its requests are answered the page — drawn through WeChat's compiled WXML — shows real data.
 * Each page opens in a fresh app, as when a person taps a share card or a notification into it.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WEAPP_DIR } from '../../scripts/client-build.mjs'
import { MAIN, readAppJson, subpackagesOf } from '../../scripts/weapp-packages.mjs'
import { seedDemo } from '../../server/src/seed/demo'
import { buildTestApp, type TestContext } from '../helpers/build-app'
import { tokenFor } from '../helpers/personas'
import { allPages } from './sandbox/app-pages'
import { MiniProgram } from './sandbox/mini-program'
import { compileWxml, renderPage, textOf, type CompiledWxml } from './sandbox/wxml'

interface PageCase {
  route: string
  /** Signed in as this demo persona (privacy agreed); none: a first open, nothing agreed yet. */
  as?: string
  /** What the first setData already shows. */
  first: RegExp
  /** What the page shows once the server has answered. */
  settled: RegExp
}

const PAGES: PageCase[] = [
  { route: 'pages/login/index', first: /使用前请阅读隐私保护指引.*同意并继续/, settled: /牵手童行/ },
  { route: 'pages/home/index', as: 'demo.volunteer.wang', first: /正在加载/, settled: /王秀兰/ },
  { route: 'pages/me/index', as: 'demo.coordinator', first: /退出登录/, settled: /陈丽.*妇联协调员.*融水苗族自治县/ },
  { route: 'pages/invite/index', first: /加入牵手童行/, settled: /同意并继续/ },
  { route: 'pages/join/index', first: /加入志愿服务队/, settled: /同意并继续/ },
  { route: 'packages/common/pages/privacy/index', first: /用户隐私保护指引/, settled: /我们收集哪些信息/ },
  { route: 'packages/admin/pages/invitations/index', as: 'demo.coordinator', first: /邀请工作人员/, settled: /还没有邀请/ },
  { route: 'packages/children/pages/list/index', as: 'demo.director.guding', first: /儿童档案/, settled: /古顶村委会/ },
  // The server's hotline list replaces the built-in placeholder: 12345 comes from the server.
  { route: 'packages/safeguarding/pages/start/index', as: 'demo.volunteer.wang', first: /110.*报警/, settled: /12345.*未成年人救助保护热线/ },
  { route: 'packages/volunteer/pages/status/index', as: 'demo.applicant.qin', first: /正在加载/, settled: /审核中.*覃秀梅/ },
  { route: 'packages/team/pages/roster/index', as: 'demo.leader', first: /正在加载/, settled: /情暖童心.*QNTX2026/ },
  { route: 'packages/vetting/pages/queue/index', as: 'demo.coordinator', first: /志愿者审核/, settled: /覃秀梅/ },
  { route: 'packages/pairings/pages/priority/index', as: 'demo.coordinator', first: /重点儿童未结对/, settled: /安塘村委会/ },
  { route: 'packages/checkins/pages/mine/index', as: 'demo.volunteer.wang', first: /我的服务记录/, settled: /平台记录服务时长.*秀珍/ },
  { route: 'packages/duty/pages/calendar/index', as: 'demo.director.guding', first: /走访.*全部/, settled: /共.*名儿童.*古顶村委会/ },
  { route: 'packages/care/pages/activities/index', as: 'demo.coordinator', first: /关爱活动/, settled: /防溺水安全知识进村.*古顶村委会.*待儿童主任确认/ },
  { route: 'packages/reports/pages/dashboard/index', as: 'demo.civil', first: /正在统计/, settled: /工作统计.*融水苗族自治县.*建档儿童/ },
]

const SET_DATA_WARNING = 256 * 1024
const HAN = /\p{Script=Han}/u
const app = readAppJson(WEAPP_DIR)
let ctx: TestContext
let wxml: CompiledWxml

beforeAll(async () => {
  ctx = await buildTestApp()
  await seedDemo(ctx.prisma, ctx.keyring)
  wxml = compileWxml(WEAPP_DIR)
})
afterAll(() => ctx?.close())

/** The page as a person would read it: its data through the compiled WXML, text only. */
function shown(route: string, data: object): string {
  const { tree, warnings } = renderPage(wxml, route, data)
  expect(warnings, `${route}: WeChat's template runtime complained`).toEqual([])
  return textOf(tree).join(' ')
}

describe('the WeChat build, page by page, in a sandbox', () => {
  it('opens every page of the main package and one page of each subpackage', () => {
    const routes = new Set(PAGES.map((p) => p.route))
    expect(app.pages.filter((route) => !routes.has(route))).toEqual([])
    const covered = new Set(allPages(app).filter((p) => routes.has(p.route)).map((p) => p.pkg))
    expect(subpackagesOf(app).map((pkg) => pkg.root).filter((root) => !covered.has(root))).toEqual([])
    expect(covered.has(MAIN)).toBe(true)
  })

  for (const page of PAGES) {
    it(`${page.route}${page.as ? ` as ${page.as}` : ''}: loads without an error and shows its content`, async () => {
      const storage = page.as ? { 'qstx.session.token': await tokenFor(ctx.app, page.as), 'qstx.privacy-consent': '2025-01' } : {}
      const program = new MiniProgram(WEAPP_DIR, app, {
        privacyAgreed: page.as !== undefined,
        async send({ method, path: url, headers, body }) {
          const res = await ctx.app.inject({ method: method as 'GET', url, headers, ...(body === undefined ? {} : { payload: body }) })
          return { status: res.statusCode, headers: res.headers as Record<string, string>, body: res.body }
        },
      }, storage)
      try {
        const run = await program.open(page.route)
        await program.settle()
        expect(program.errors).toEqual([])
        expect([...program.record.unknown], 'wx APIs the code used that the sandbox lacks').toEqual([])
        // Every request reached a route of the server; none was refused as malformed or forbidden.
        expect(program.record.requests.filter((r) => r.status >= 400)).toEqual([])

        // The navigation bar's title: the page's own, else the app's.
        const pageJson = JSON.parse(readFileSync(path.join(WEAPP_DIR, `${page.route}.json`), 'utf8')) as { navigationBarTitleText?: string }
        const title = pageJson.navigationBarTitleText ?? (app.window as { navigationBarTitleText?: string }).navigationBarTitleText
        expect(title, 'a Chinese navigation bar title').toMatch(HAN)

        expect(run.payloads.length).toBeGreaterThan(0)
        expect(run.payloads.filter((p) => p.bytes >= SET_DATA_WARNING).map((p) => p.bytes)).toEqual([])
        expect(shown(page.route, run.firstData!)).toMatch(page.first)
        expect(shown(page.route, run.instance.data)).toMatch(page.settled)
      } finally {
        program.close()
      }
    })
  }
})
