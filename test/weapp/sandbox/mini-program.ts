/**
 * A built mini-program run in Node the way WeChat's logic layer runs it: each file a module with
 * WeChat's `require` (a subpackage reaches only its own files and the main package's; no browser
 * globals — `window`, `document` are undefined), the `wx` of ./wx.ts, App() and Page() registering
 * their options, and a page instance whose setData merges data paths as WeChat does. Every error —
 * thrown by a lifecycle, a timer, a wx callback, or logged with console.error — is kept in `errors`.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { inspect } from 'node:util'
import vm from 'node:vm'
import type { AppJson } from '../../../scripts/weapp-packages.mjs'
import { MAIN } from '../../../scripts/weapp-packages.mjs'
import { packageOf } from './app-pages'
import { createWx, type WxHost, type WxRecord } from './wx'

// What WeChat's module wrapper passes as undefined, so code cannot lean on a browser.
const SHADOWED = ['window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'screen', 'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket', 'fetch']

const SOON_MS = 5_000

type Hooks = Record<string, ((...args: unknown[]) => unknown) | unknown>
export interface PageInstance extends Hooks {
  route: string
  options: Record<string, string>
  data: Record<string, unknown>
  setData(data: Record<string, unknown>, callback?: () => void): void
}

export interface PageRun {
  instance: PageInstance
  /** Every setData payload in order, with its size as WeChat counts it (the JSON text). */
  payloads: Array<{ data: Record<string, unknown>; bytes: number }>
  /** The page's data right after the first setData: what a person sees first. */
  firstData?: Record<string, unknown>
}

/** Sets `a.b[2].c` (or Taro's `a.b.[2].c`) in `target`, creating what is missing, like setData. */
function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = [...key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!))
  let node = target as Record<string | number, unknown>
  parts.forEach((part, i) => {
    if (i === parts.length - 1) node[part] = value
    else {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = typeof parts[i + 1] === 'number' ? [] : {}
      node = node[part] as Record<string | number, unknown>
    }
  })
}

export class MiniProgram {
  readonly errors: string[] = []
  readonly record: WxRecord
  private readonly context: vm.Context
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly soon = new Set<NodeJS.Timeout>()
  private readonly stack: PageInstance[] = []
  private appOptions: Hooks | null = null
  private registered: Hooks | null = null
  private lastSetData = 0
  private closed = false
  private readonly onRejection = (reason: unknown) => this.report(reason)

  constructor(private readonly dist: string, private readonly app: AppJson, host: Omit<WxHost, 'app' | 'report'>, storage: Record<string, unknown> = {}) {
    const { wx, record, storage: store } = createWx({ ...host, app, report: (err) => this.report(err) })
    this.record = record
    for (const [key, value] of Object.entries(storage)) store.set(key, JSON.stringify(value))
    const timer = (repeat: boolean) => (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      // A timeout due within seconds (a render, a retry) is work still to come; a long one (a cache's
      // garbage collection) is not.
      const soon = !repeat && (ms ?? 0) <= SOON_MS
      const guarded = () => {
        if (soon) this.soon.delete(handle)
        if (!this.closed) this.guard(() => fn(...args))
      }
      const handle = repeat ? setInterval(guarded, ms) : setTimeout(guarded, ms)
      this.timers.add(handle)
      if (soon) this.soon.add(handle)
      return handle
    }
    const clear = (handle: NodeJS.Timeout) => {
      clearTimeout(handle)
      this.timers.delete(handle)
      this.soon.delete(handle)
    }
    const quiet = () => {}
    this.context = vm.createContext({
      wx,
      console: { log: quiet, info: quiet, debug: quiet, warn: quiet, error: (...args: unknown[]) => this.report(...args) },
      setTimeout: timer(false), setInterval: timer(true), clearTimeout: clear, clearInterval: clear,
      App: (options: Hooks) => { this.appOptions = options },
      Page: (options: Hooks) => { this.registered = options },
      Component: () => {}, // Taro's recursive `comp`: its template is rendered by wxml.ts, its logic has none of ours
      Behavior: (options: unknown) => options,
      getApp: () => this.appOptions,
      getCurrentPages: () => [...this.stack],
    })
    process.on('unhandledRejection', this.onRejection)
  }

  /** Keeps an error, or what console.error was given (Taro logs a lifecycle's error there), readably. */
  report(...what: unknown[]): void {
    // Errors made inside the sandbox are of its realm, not instances of this one's Error.
    const text = (x: unknown) => (typeof x === 'string' ? x : x && typeof x === 'object' && 'stack' in x ? String(x.stack) : inspect(x, { depth: 3 }))
    this.errors.push(what.map(text).join(' '))
  }

  private guard(fn: () => unknown): void {
    try {
      fn()
    } catch (err) {
      this.report(err)
    }
  }

  /** WeChat's require: relative to the requiring file, `.js` optional, only within reach of its package. */
  private require(from: string, request: string): unknown {
    const file = `${path.posix.join(path.posix.dirname(from), request).replace(/\.js$/, '')}.js`
    const target = packageOf(this.app, file)
    if ((target !== MAIN && target !== packageOf(this.app, from)) || !existsSync(path.join(this.dist, file))) {
      throw new Error(`module "${file}" is not defined, require args is "${request}"`)
    }
    return this.load(file)
  }

  private load(file: string): unknown {
    const cached = this.modules.get(file)
    if (cached) return cached.exports
    const module = { exports: {} }
    this.modules.set(file, module)
    const code = readFileSync(path.join(this.dist, file), 'utf8')
    const wrapped = vm.runInContext(`(function (require, module, exports, ${SHADOWED.join(', ')}) {${code}\n})`, this.context, { filename: path.join(this.dist, file) }) as (...args: unknown[]) => void
    wrapped((request: string) => this.require(file, request), module, module.exports)
    return module.exports
  }

  /** Starts the app as WeChat does when a person opens `route`: app.js, then App's onLaunch and onShow. */
  launch(route: string, query: Record<string, string> = {}): void {
    this.guard(() => this.load('app.js'))
    if (!this.appOptions) throw new Error('app.js did not call App()')
    const options = { path: route, query, scene: 1001, referrerInfo: {} }
    for (const hook of ['onLaunch', 'onShow']) this.guard(() => (this.appOptions![hook] as ((o: object) => void) | undefined)?.call(this.appOptions, options))
  }

  /** Opens `route` (a page of app.json) as the first page: its module, an instance, onLoad, onShow, then onReady. */
  async open(route: string, query: Record<string, string> = {}): Promise<PageRun> {
    if (!this.appOptions) this.launch(route, query)
    this.registered = null
    this.guard(() => this.load(`${route}.js`))
    const options = this.registered as Hooks | null
    if (!options) throw new Error(`Page "${route}" has not been registered yet (its .js did not call Page()):\n${this.errors.join('\n')}`)
    const run: PageRun = { instance: null as unknown as PageInstance, payloads: [] }
    const instance: PageInstance = {
      ...options,
      route,
      options: query,
      data: structuredClone((options.data ?? {}) as Record<string, unknown>),
      setData: (data, callback) => {
        run.payloads.push({ data, bytes: Buffer.byteLength(JSON.stringify(data)) })
        for (const [key, value] of Object.entries(data)) setPath(instance.data, key, structuredClone(value))
        run.firstData ??= structuredClone(instance.data)
        this.lastSetData = Date.now()
        if (callback) this.context.setTimeout(callback, 0)
      },
    }
    run.instance = instance
    this.stack.push(instance)
    const call = (hook: string, ...args: unknown[]) => this.guard(() => (instance[hook] as ((...a: unknown[]) => void) | undefined)?.call(instance, ...args))
    call('onLoad', { ...query })
    call('onShow')
    await new Promise((resolve) => setTimeout(resolve, 0))
    call('onReady')
    return run
  }

  /**
   * Waits until the program is idle — no request in flight, no timeout due soon, nothing answered or
   * drawn for a moment — or `limitMs` has passed. Not a measure of speed: only "it has finished".
   */
  async settle(limitMs = 20_000): Promise<void> {
    const until = Date.now() + limitMs
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      const lastActivity = Math.max(this.lastSetData, this.record.lastReplyAt)
      if (this.record.inFlight === 0 && this.soon.size === 0 && Date.now() - lastActivity > 300) return
    }
  }

  close(): void {
    this.closed = true
    for (const handle of this.timers) clearTimeout(handle)
    process.off('unhandledRejection', this.onRejection)
  }
}
