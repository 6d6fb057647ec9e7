/**
 * Every WXML and WXSS file of the WeChat build through WeChat's own compilers (wcc, wcsc — the
 * binaries in miniprogram-compiler): what WeChat DevTools does before a preview or an upload. A
 * template or a stylesheet they reject never reaches a phone.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { WEAPP_DIR } from '../../scripts/client-build.mjs'
import { readAppJson } from '../../scripts/weapp-packages.mjs'
import { allPages } from './sandbox/app-pages'
import { compileWxml, compileWxss } from './sandbox/wxml'

function filesEndingWith(ext: string, dir = WEAPP_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return filesEndingWith(ext, full)
    return entry.name.endsWith(ext) ? [path.relative(WEAPP_DIR, full).split(path.sep).join('/')] : []
  })
}

const pages = allPages(readAppJson(WEAPP_DIR))

describe('WeChat’s compilers on the build', () => {
  it('compiles every WXML and WXS file with wcc, each page into a render function', () => {
    const wxml = compileWxml(WEAPP_DIR)
    expect(pages.filter(({ route }) => typeof wxml.generator(`${route}.wxml`) !== 'function').map((p) => p.route)).toEqual([])
    expect(typeof wxml.generator('comp.wxml'), "Taro's recursive component").toBe('function')
  })

  it('compiles every WXSS file with wcsc, each page’s included', () => {
    const files = filesEndingWith('.wxss')
    expect(files.length).toBeGreaterThan(pages.length)
    const compiled = compileWxss(WEAPP_DIR, files)
    expect(pages.filter(({ route }) => !(`${route}.wxss` in compiled)).map((p) => p.route)).toEqual([])
  })
})
