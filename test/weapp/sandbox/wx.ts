/**
 * The `wx` global of the sandbox: the APIs the mini-program calls, answering with WeChat's shapes
 * (`errMsg: '<api>:ok'`, success/fail/complete, sync variants throwing) and WeChat's rules where a
 * phone would enforce them — navigation only to pages in app.json (tab pages only by switchTab),
 * location only when requiredPrivateInfos declares it and the privacy guide was agreed to (asking
 * through onNeedPrivacyAuthorization first), subscribe messages only from a tap, storage within
 * 1 MB a key and 10 MB in all. wx.request and wx.login go to the real server the test gives.
 */
import type { AppJson } from '../../../scripts/weapp-packages.mjs'
import { allPages } from './app-pages'

export interface Reply {
  status: number
  headers: Record<string, string>
  body: string
}

export interface WxHost {
  app: AppJson
  /** The server behind wx.request: method, path with query, headers, body. */
  send(req: { method: string; path: string; headers: Record<string, string>; body?: string }): Promise<Reply>
  /** A callback of the program's threw: WeChat reports it to App.onError, the test fails on it. */
  report(err: unknown): void
  privacyAgreed: boolean
}

type Options = Record<string, unknown> & { success?: (r: object) => void; fail?: (r: object) => void; complete?: (r: object) => void }

const KB = 1024
const SYSTEM = {
  brand: 'Xiaomi', model: 'Redmi 9A', platform: 'android', system: 'Android 10', version: '8.0.50', SDKVersion: '3.5.8', language: 'zh_CN',
  pixelRatio: 2, screenWidth: 360, screenHeight: 780, windowWidth: 360, windowHeight: 724, statusBarHeight: 28,
  safeArea: { top: 28, bottom: 780, left: 0, right: 360, width: 360, height: 752 }, fontSizeSetting: 16, theme: 'light',
}
/** 融水县城, where the demo's volunteers are. */
const FUZZY_LOCATION = { latitude: 25.07, longitude: 109.25 }

/** Everything the sandbox's wx saw, for the test to look at. */
export interface WxRecord {
  calls: string[]
  /** Every wx.request with the server's answer. */
  requests: Array<{ method: string; path: string; status: number }>
  navigations: Array<{ api: string; url: string }>
  /** wx.* names the program read that this stub does not have: each is a gap in the stub to fill. */
  unknown: Set<string>
  inFlight: number
  /** When the last wx.request was answered (ms since the epoch). */
  lastReplyAt: number
}

export function createWx(host: WxHost): { wx: Record<string, unknown>; record: WxRecord; storage: Map<string, string> } {
  const record: WxRecord = { calls: [], requests: [], navigations: [], unknown: new Set(), inFlight: 0, lastReplyAt: 0 }
  const storage = new Map<string, string>() // values kept as WeChat keeps them: serialized
  const pageRoutes = new Set(allPages(host.app).map((p) => p.route))
  const tabRoutes = new Set(((host.app.tabBar as { list?: Array<{ pagePath: string }> } | undefined)?.list ?? []).map((t) => t.pagePath))
  const declared = new Set((host.app.requiredPrivateInfos ?? []) as string[])
  let privacyListener: ((resolve: (r: { event: string }) => void, info: { referrer: string }) => void) | null = null

  const later = (fn: () => void) => setTimeout(() => { try { fn() } catch (err) { host.report(err) } }, 0)
  /** A callback-style API: runs `body`, then success+complete or fail+complete, asynchronously as WeChat does; also a Promise. */
  const api = (name: string, body: (o: Options) => object | Promise<object>) => (o: Options = {}) => {
    record.calls.push(name)
    const answer = new Promise((resolve, reject) => {
      Promise.resolve()
        .then(() => body(o))
        .then(
          (res) => later(() => { const r = { errMsg: `${name}:ok`, ...res }; o.success?.(r); o.complete?.(r); resolve(r) }),
          (err: Error) => later(() => { const r = { errMsg: `${name}:fail ${err.message}` }; o.fail?.(r); o.complete?.(r); reject(r) }),
        )
    })
    // Like WeChat: a Promise only for a call without callbacks; with them, the callbacks are the answer.
    if (!o.success && !o.fail && !o.complete) return answer
    answer.catch(() => undefined)
    return undefined
  }
  const ok = (name: string) => api(name, () => ({}))
  const routeOf = (url: unknown) => String(url).replace(/^\//, '').split('?')[0]!
  const navigate = (name: string, rule: (route: string) => string | null) => api(name, (o) => {
    const route = routeOf(o.url)
    if (!pageRoutes.has(route)) throw new Error(`page "${route}" is not found`)
    const refused = rule(route)
    if (refused) throw new Error(refused)
    record.navigations.push({ api: name, url: String(o.url) })
    return {}
  })
  const setItem = (key: string, value: unknown) => {
    const text = JSON.stringify(value === undefined ? null : value)
    if (text.length > 1024 * KB) throw new Error('setStorageSync:fail entry size limit reached')
    const total = [...storage].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), key.length + text.length)
    if (total > 10 * 1024 * KB) throw new Error('setStorageSync:fail exceed storage max size 10Mb')
    storage.set(key, text)
  }
  const getItem = (key: string) => (storage.has(key) ? JSON.parse(storage.get(key)!) : '')
  /** A privacy API: declared in app.json, then the privacy guide agreed to (asked through the app's listener). */
  const privacyGate = async (name: string) => {
    if (!declared.has(name)) throw new Error('the api need to be declared in the requiredPrivateInfos field in app.json/ext.json')
    if (host.privacyAgreed) return
    if (!privacyListener) throw new Error('privacy permission is not authorized')
    const event = await new Promise<string>((resolve) => privacyListener!((r) => resolve(r.event), { referrer: name }))
    if (event !== 'agree') throw new Error('privacy permission is not authorized')
    host.privacyAgreed = true
  }

  const wx: Record<string, unknown> = {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getSystemInfoSync: () => ({ ...SYSTEM }),
    getSystemInfo: api('getSystemInfo', () => ({ ...SYSTEM })),
    getWindowInfo: () => ({ pixelRatio: SYSTEM.pixelRatio, screenWidth: SYSTEM.screenWidth, screenHeight: SYSTEM.screenHeight, windowWidth: SYSTEM.windowWidth, windowHeight: SYSTEM.windowHeight, statusBarHeight: SYSTEM.statusBarHeight, safeArea: SYSTEM.safeArea }),
    getDeviceInfo: () => ({ brand: SYSTEM.brand, model: SYSTEM.model, platform: SYSTEM.platform, system: SYSTEM.system }),
    getAppBaseInfo: () => ({ SDKVersion: SYSTEM.SDKVersion, version: SYSTEM.version, language: SYSTEM.language, theme: SYSTEM.theme, fontSizeSetting: SYSTEM.fontSizeSetting }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => ({ path: '', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: '', query: {}, scene: 1001, referrerInfo: {} }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 32, right: 352, bottom: 64, left: 265 }),
    canIUse: () => true,
    nextTick: (fn: () => void) => later(fn),

    getStorageSync: (key: string) => getItem(key),
    setStorageSync: (key: string, value: unknown) => setItem(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: Math.ceil([...storage].reduce((n, [k, v]) => n + k.length + v.length, 0) / KB), limitSize: 10 * KB }),
    getStorage: api('getStorage', (o) => { if (!storage.has(String(o.key))) throw new Error('data not found'); return { data: getItem(String(o.key)) } }),
    setStorage: api('setStorage', (o) => { setItem(String(o.key), o.data); return {} }),
    removeStorage: api('removeStorage', (o) => { storage.delete(String(o.key)); return {} }),

    request: (o: Options) => {
      const method = String(o.method ?? 'GET').toUpperCase()
      const url = new URL(String(o.url), 'https://api.invalid') // the build's API origin, whatever it is, is the test server
      const headers = Object.fromEntries(Object.entries((o.header ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), String(v)]))
      headers['content-type'] ??= 'application/json'
      let body: string | undefined
      if (o.data !== undefined && o.data !== null) {
        if (method === 'GET') for (const [k, v] of Object.entries(o.data as object)) url.searchParams.set(k, String(v))
        else body = typeof o.data === 'string' ? o.data : JSON.stringify(o.data)
      }
      record.inFlight++
      const done = api('request', async () => {
        try {
          const reply = await host.send({ method, path: url.pathname + url.search, headers, body })
          record.requests.push({ method, path: url.pathname + url.search, status: reply.status })
          let data: unknown = reply.body
          if ((o.dataType ?? 'json') === 'json') try { data = JSON.parse(reply.body) } catch { /* WeChat hands over the text */ }
          return { statusCode: reply.status, header: reply.headers, data }
        } finally {
          record.inFlight--
          record.lastReplyAt = Date.now()
        }
      })
      void done(o)
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    },
    login: api('login', async () => {
      // The same fake WeChat the server's code2session asks: a code for this phone's WeChat user.
      const reply = await host.send({ method: 'POST', path: '/api/dev/wechat/code', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deviceId: 'weapp-sandbox' }) })
      if (reply.status !== 200) throw new Error(`system error (${reply.status})`)
      return { code: (JSON.parse(reply.body) as { code: string }).code }
    }),

    navigateTo: navigate('navigateTo', (route) => (tabRoutes.has(route) ? 'can not navigateTo a tabbar page' : null)),
    redirectTo: navigate('redirectTo', (route) => (tabRoutes.has(route) ? 'can not redirectTo a tabbar page' : null)),
    switchTab: navigate('switchTab', (route) => (tabRoutes.has(route) ? null : 'can not switch to no-tabBar page')),
    reLaunch: navigate('reLaunch', () => null),
    navigateBack: api('navigateBack', () => { record.navigations.push({ api: 'navigateBack', url: '' }); return {} }),

    getPrivacySetting: api('getPrivacySetting', () => ({ needAuthorization: !host.privacyAgreed, privacyContractName: '《牵手童行小程序隐私保护指引》' })),
    onNeedPrivacyAuthorization: (listener: typeof privacyListener) => { privacyListener = listener },
    getFuzzyLocation: api('getFuzzyLocation', async () => { await privacyGate('getFuzzyLocation'); return { ...FUZZY_LOCATION } }),
    requestSubscribeMessage: api('requestSubscribeMessage', () => { throw new Error('can only be invoked by user TAP gesture.') }),

    getNetworkType: api('getNetworkType', () => ({ networkType: '4g' })),
    onNetworkStatusChange: () => {}, offNetworkStatusChange: () => {},
    onAppShow: () => {}, offAppShow: () => {}, onAppHide: () => {}, offAppHide: () => {},
    onMemoryWarning: () => {}, onError: () => {}, onUnhandledRejection: () => {},
    getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
    createSelectorQuery: () => {
      const query = { in: () => query, select: () => query, selectAll: () => query, selectViewport: () => query, boundingClientRect: () => query, scrollOffset: () => query, fields: () => query, node: () => query, exec: (cb?: (r: unknown[]) => void) => later(() => cb?.([])) }
      return query
    },
    showToast: ok('showToast'), hideToast: ok('hideToast'), showLoading: ok('showLoading'), hideLoading: ok('hideLoading'),
    showModal: api('showModal', () => ({ confirm: false, cancel: true })),
    setNavigationBarTitle: ok('setNavigationBarTitle'), setNavigationBarColor: ok('setNavigationBarColor'),
    stopPullDownRefresh: ok('stopPullDownRefresh'), pageScrollTo: ok('pageScrollTo'),
    showShareMenu: ok('showShareMenu'), hideShareMenu: ok('hideShareMenu'), hideHomeButton: ok('hideHomeButton'),
    setClipboardData: ok('setClipboardData'), makePhoneCall: ok('makePhoneCall'), vibrateShort: ok('vibrateShort'),
    reportAnalytics: () => {},
  }
  // Names the program assigns (webpack's chunk list) or probes for optional features are not gaps.
  const probes = new Set(['webpackJsonp', 'cloud'])
  const proxy = new Proxy(wx, {
    get(target, key) {
      if (typeof key === 'string' && !(key in target) && !probes.has(key)) record.unknown.add(key)
      return target[key as string]
    },
  })
  return { wx: proxy, record, storage }
}
