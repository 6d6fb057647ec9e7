/**
 * The WeChat build's app.json against WeChat's rules — the ones WeChat enforces when the package is
 * uploaded or opened, found here instead of by a reviewer or a volunteer's phone: every page has its
 * files, packages do not overlap, private APIs are declared, sizes stay under WeChat's limits. The
 * last two checks are WeChat's own, from miniprogram-ci (extracted from WeChat DevTools).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { WEAPP_DIR } from '../../scripts/client-build.mjs'
import { MAIN, packageSizes, readAppJson, subpackagesOf, WECHAT_PACKAGE_LIMIT, WECHAT_TOTAL_LIMIT } from '../../scripts/weapp-packages.mjs'
import { allPages } from './sandbox/app-pages'

const app = readAppJson(WEAPP_DIR)
const subpackages = subpackagesOf(app)
const pages = allPages(app)
const file = (rel: string) => path.join(WEAPP_DIR, rel)

function* jsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* jsFiles(full)
    else if (entry.name.endsWith('.js')) yield full
  }
}

// The APIs WeChat refuses to run unless app.json's requiredPrivateInfos declares them.
const LOCATION_APIS = ['getLocation', 'getFuzzyLocation', 'chooseLocation', 'choosePoi', 'chooseAddress', 'onLocationChange', 'startLocationUpdate', 'startLocationUpdateBackground']

describe('app.json of the WeChat build', () => {
  it('gives every page of every package its .js, .json, .wxml and .wxss, and every component it uses', () => {
    const missing = pages.flatMap(({ route }) => ['js', 'json', 'wxml', 'wxss'].map((ext) => `${route}.${ext}`)).filter((rel) => !existsSync(file(rel)))
    expect(missing).toEqual([])
    const unresolved = pages.flatMap(({ route }) => {
      const using: Record<string, string> = JSON.parse(readFileSync(file(`${route}.json`), 'utf8')).usingComponents ?? {}
      return Object.values(using)
        .map((target) => path.join(path.dirname(route), target))
        .filter((target) => !existsSync(file(`${target}.js`)))
    })
    expect(unresolved).toEqual([])
  })

  it('puts no page in two packages, and no main-package page under a subpackage root', () => {
    const seen = pages.map((p) => p.route)
    expect(seen.filter((route, i) => seen.indexOf(route) !== i)).toEqual([])
    const misplaced = app.pages.filter((page) => subpackages.some((pkg) => page.startsWith(`${pkg.root}/`)))
    expect(misplaced).toEqual([])
    const nested = subpackages.filter((a) => subpackages.some((b) => a !== b && a.root.startsWith(`${b.root}/`)))
    expect(nested).toEqual([])
  })

  it('has a folder for every subpackage root, and preloads only packages that exist', () => {
    expect(subpackages.filter((pkg) => !existsSync(file(pkg.root)) || !statSync(file(pkg.root)).isDirectory())).toEqual([])
    const preload = (app.preloadRule ?? {}) as Record<string, { packages: string[] }>
    const roots = new Set(subpackages.map((pkg) => pkg.root))
    for (const [page, rule] of Object.entries(preload)) {
      expect(app.pages, `preloadRule page ${page}`).toContain(page)
      expect(rule.packages.filter((root) => !roots.has(root.replace(/\/+$/, '')))).toEqual([])
    }
  })

  it('declares in requiredPrivateInfos every location API the code calls', () => {
    const called = new Set<string>()
    for (const js of jsFiles(WEAPP_DIR)) {
      const code = readFileSync(js, 'utf8')
      // A call (`.getFuzzyLocation(`), not Taro's list of API names (`"getFuzzyLocation"`).
      for (const api of LOCATION_APIS) if (code.includes(`.${api}(`)) called.add(api)
    }
    expect(called.size, 'the check-in form asks for a fuzzy location').toBeGreaterThan(0)
    const declared = (app.requiredPrivateInfos ?? []) as string[]
    expect([...called].filter((api) => !declared.includes(api))).toEqual([])
  })

  it('loads only the components each page uses (lazyCodeLoading)', () => {
    expect(app.lazyCodeLoading).toBe('requiredComponents')
  })

  it('gives every tab, all in the main package, an icon and a selected icon within WeChat’s limits', () => {
    const tabBar = app.tabBar as { list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }> }
    expect(tabBar.list.length).toBeGreaterThanOrEqual(2)
    expect(tabBar.list.length).toBeLessThanOrEqual(5)
    for (const tab of tabBar.list) {
      expect(app.pages, tab.text).toContain(tab.pagePath)
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(icon, `${tab.text}: iconPath and selectedIconPath`).toMatch(/\.(png|jpe?g)$/)
        expect(existsSync(file(icon!)), `${icon} in the build`).toBe(true)
        expect(statSync(file(icon!)).size, `${icon}: WeChat allows 40 KB`).toBeLessThanOrEqual(40 * 1024)
      }
    }
  })

  it('keeps every package under 2 MB and all of them under 20 MB (the sizes `npm run size` measures)', () => {
    const sizes = packageSizes(WEAPP_DIR)
    expect([...sizes.keys()]).toEqual([MAIN, ...subpackages.map((pkg) => pkg.root)])
    const over = [...sizes].filter(([, bytes]) => bytes > WECHAT_PACKAGE_LIMIT)
    expect(over).toEqual([])
    expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(WECHAT_TOTAL_LIMIT)
  })

  describe('WeChat DevTools’ own checks (miniprogram-ci, offline)', () => {
    let result: { schema: Record<string, { warning: string; error: unknown[] }>; quality: Array<{ name: string; success: boolean; text: string }> }
    beforeAll(() => {
      const script = fileURLToPath(new URL('./wechat-ci.cjs', import.meta.url))
      result = JSON.parse(execFileSync(process.execPath, [script, WEAPP_DIR], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 }))
    })

    it('finds app.json and every page’s json valid against WeChat’s schemas, with no unknown field', () => {
      expect(Object.keys(result.schema)).toHaveLength(pages.length + 1)
      const problems = Object.entries(result.schema).filter(([, r]) => r.error.length > 0 || r.warning !== '')
      expect(problems).toEqual([])
    })

    it('passes every item of the code-quality panel', () => {
      // Main package ≤ 1.5 MB, images ≤ 200 KB, no code only a subpackage uses in the main package,
      // no unused components or files, compression and lazyCodeLoading on.
      expect(result.quality.length).toBeGreaterThanOrEqual(10)
      expect(result.quality.filter((check) => !check.success).map((check) => `${check.name}: ${check.text}`)).toEqual([])
    })
  })
})
