/**
 * WeChat's own WXML and WXSS compilers (wcc and wcsc, the binaries the npm package
 * miniprogram-compiler carries) over a whole build, and WeChat's compiled WXML run on a page's
 * data: the tree of elements WeChat's view layer would draw, from which the visible text is read.
 */
import { createRequire } from 'node:module'
import vm from 'node:vm'

const require = createRequire(import.meta.url)
const { wxmlToJs } = require('miniprogram-compiler') as { wxmlToJs(root: string, options?: { maxBuffer?: number }): string }
// The package's own wxssToJs swallows the compiler's error (it returns an Error where it means to
// throw); its wcsc wrapper gives us the Error to report.
const wcsc = require('miniprogram-compiler/src/wcsc') as (root: string, files: string[], options?: { maxBuffer?: number }) => Record<string, string> | Error

const MAX_BUFFER = 64 * 1024 * 1024

/** An element of the compiled template's output, or a text node. */
export type WxNode = string | { tag: string; attr?: Record<string, unknown>; children?: WxNode[] }
export type TemplateRender = (data: object, dd: object, global: object) => WxNode

export interface CompiledWxml {
  /** The render function of one .wxml file (a path relative to the build), or undefined when it was not compiled. */
  generator(file: string): TemplateRender | undefined
  /** What the compiled code reported while rendering: missing templates, includes, imports. */
  warnings: string[]
}

/** Compiles every .wxml and .wxs of the build with wcc; throws the compiler's message on an error. */
export function compileWxml(root: string): CompiledWxml {
  const code = wxmlToJs(root, { maxBuffer: MAX_BUFFER })
  const warnings: string[] = []
  // The generated code runs in WeChat's view layer: it reads a few flags from `window` and reports
  // template problems through console.warn.
  const context = vm.createContext({ window: {}, console: { log() {}, warn: (m: unknown) => warnings.push(String(m)) } })
  const $gwx = vm.runInContext(`(function(){${code}\n})()`, context) as (path: string) => TemplateRender | undefined
  // The compiled code tells data objects by `constructor === Object`: they must be made in its realm.
  const inRealm = vm.runInContext('(text) => JSON.parse(text)', context) as (text: string) => object
  return {
    generator(file) {
      const render = $gwx(file)
      return render && ((data, dd, global) => render(inRealm(JSON.stringify(data)), dd, global))
    },
    warnings,
  }
}

/** Compiles the given .wxss files (paths relative to the build) with wcsc; throws the compiler's message on an error. */
export function compileWxss(root: string, files: string[]): Record<string, string> {
  const out = wcsc(root, files.map((f) => f.replace(/\.wxss$/, '')), { maxBuffer: MAX_BUFFER })
  if (out instanceof Error) throw out
  return out
}

/**
 * A page's data through its compiled template, Taro's recursive `comp` component expanded where the
 * template nests deeper than its inline levels: the page as WeChat's view layer would build it.
 */
export function renderPage(wxml: CompiledWxml, route: string, data: object): { tree: WxNode; warnings: string[] } {
  const page = wxml.generator(`${route}.wxml`)
  if (!page) throw new Error(`${route}.wxml was not compiled`)
  const comp = wxml.generator('comp.wxml')!
  const expand = (node: WxNode): WxNode => {
    if (typeof node === 'string') return node
    if (node.tag === 'wx-comp') return expand(comp({ i: node.attr?.i, l: node.attr?.l }, {}, {}))
    return { ...node, children: (node.children ?? []).map(expand) }
  }
  const before = wxml.warnings.length
  const tree = expand(page(data, {}, {}))
  return { tree, warnings: wxml.warnings.slice(before) }
}

/** The text nodes of a rendered tree, in order (what a person would read). */
export function textOf(node: WxNode, out: string[] = []): string[] {
  if (typeof node === 'string') {
    if (node.trim()) out.push(node.trim())
  } else {
    for (const child of node.children ?? []) textOf(child, out)
  }
  return out
}
