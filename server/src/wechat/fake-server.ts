/**
 * A faithful fake of the WeChat server APIs this project uses, as a real HTTP server on 127.0.0.1.
 * The real client (./client.ts) talks to it unchanged; only `baseUrl` differs. WeChat itself is
 * unreachable from these machines, so this fake is how development, e2e and fault tests run.
 *
 * WeChat endpoints (same paths, shapes and errcodes as api.weixin.qq.com; errors are HTTP 200):
 *   GET  /sns/jscode2session            POST /cgi-bin/stable_token
 *   POST /wxa/business/getuserphonenumber   POST /cgi-bin/message/subscribe/send
 *   POST /wxa/msg_sec_check
 * Test/dev endpoints standing in for what happens on the phone (CORS-open, so the H5 build's
 * WeChat adapter can call them from the browser):
 *   POST /__fake/login-code {openid?, unionid?, deviceId?} → {code}       (wx.login)
 *   POST /__fake/phone-code {phoneNumber, countryCode?} → {code}          (getPhoneNumber button)
 *   POST /__fake/subscribe {openid?|deviceId?, templateIds} → {openid, granted}  (tap "accept")
 *   GET  /__fake/messages?touser= → {items}
 *   POST /__fake/control {failNext?, riskyOpenids?, invalidateTokens?, riskyWords?, reviewWords?, reset?}
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { jscode2session, loginCodeRequestFrom, mintLoginCode, type LoginCodeRequest } from './fake/login'
import { getUserPhoneNumber, mintPhoneCode, phoneCodeRequestFrom, type PhoneCodeRequest } from './fake/phone'
import { msgSecCheck } from './fake/sec-check'
import {
  FakeInputError,
  asRecord,
  createState,
  resetState,
  wxError,
  type FailSpec,
  type FakeWechatOptions,
  type FakeWechatState,
} from './fake/state'
import { grantSubscription, listMessages, sendSubscribeMessage, subscribeRequestFrom, type SubscribeRequest } from './fake/subscribe'
import { checkToken, invalidateTokens, stableToken } from './fake/token'

export { deriveOpenid } from './fake/state'
export type { FailSpec, FakeMessage, FakeWechatOptions, FakeWechatState } from './fake/state'

export interface FakeControl {
  failNext?: FailSpec | FailSpec[]
  riskyOpenids?: string[]
  invalidateTokens?: boolean
  riskyWords?: string[]
  reviewWords?: string[]
  /** Forget users, codes, tokens, grants, messages and pending faults. */
  reset?: boolean
}

export interface FakeWechat {
  /** Base URL to give WechatClient, e.g. http://127.0.0.1:41234 */
  url: string
  state: FakeWechatState
  close(): Promise<void>
  /** In-process shortcuts for the /__fake endpoints. */
  mintLoginCode(request?: LoginCodeRequest): { code: string }
  mintPhoneCode(request: PhoneCodeRequest): { code: string }
  subscribe(request: SubscribeRequest): { openid: string; granted: Record<string, number> }
  control(control: FakeControl): void
}

interface Request {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
}

type Route = (state: FakeWechatState, request: Request) => unknown

/** WeChat server APIs; `token: true` ones check ?access_token= first, as WeChat does. */
const WECHAT_ROUTES: Record<string, { method: 'GET' | 'POST'; token: boolean; handle: Route }> = {
  '/sns/jscode2session': { method: 'GET', token: false, handle: (s, r) => jscode2session(s, r.query) },
  '/cgi-bin/stable_token': { method: 'POST', token: false, handle: (s, r) => stableToken(s, r.body) },
  '/wxa/business/getuserphonenumber': { method: 'POST', token: true, handle: (s, r) => getUserPhoneNumber(s, r.body) },
  '/cgi-bin/message/subscribe/send': { method: 'POST', token: true, handle: (s, r) => sendSubscribeMessage(s, r.body) },
  '/wxa/msg_sec_check': { method: 'POST', token: true, handle: (s, r) => msgSecCheck(s, r.body) },
}

function applyControl(state: FakeWechatState, control: FakeControl): void {
  if (control.reset) resetState(state)
  if (control.failNext) state.failNext.push(...[control.failNext].flat())
  for (const openid of control.riskyOpenids ?? []) state.riskyOpenids.add(openid)
  if (control.invalidateTokens) invalidateTokens(state)
  if (control.riskyWords) state.riskyWords = [...control.riskyWords]
  if (control.reviewWords) state.reviewWords = [...control.reviewWords]
}

function controlFrom(body: Record<string, unknown>): FakeControl {
  const failNext = [body.failNext ?? []].flat().map((spec) => asRecord(spec))
  if (failNext.some((spec) => typeof spec.path !== 'string' || (spec.errcode === undefined && spec.delayMs === undefined))) {
    throw new FakeInputError('failNext needs {path} and errcode and/or delayMs')
  }
  const strings = (key: string): string[] | undefined => {
    const value = body[key]
    if (value === undefined) return undefined
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new FakeInputError(`${key} must be strings`)
    return value as string[]
  }
  const control: FakeControl = { failNext: failNext as unknown as FailSpec[], invalidateTokens: body.invalidateTokens === true, reset: body.reset === true }
  const [riskyOpenids, riskyWords, reviewWords] = [strings('riskyOpenids'), strings('riskyWords'), strings('reviewWords')]
  if (riskyOpenids) control.riskyOpenids = riskyOpenids
  if (riskyWords) control.riskyWords = riskyWords
  if (reviewWords) control.reviewWords = reviewWords
  return control
}

const FAKE_ROUTES: Record<string, Route> = {
  'POST /__fake/login-code': (s, r) => mintLoginCode(s, loginCodeRequestFrom(asRecord(r.body))),
  'POST /__fake/phone-code': (s, r) => mintPhoneCode(s, phoneCodeRequestFrom(asRecord(r.body))),
  'POST /__fake/subscribe': (s, r) => grantSubscription(s, subscribeRequestFrom(asRecord(r.body))),
  'GET /__fake/messages': (s, r) => listMessages(s, r.query.get('touser')),
  'POST /__fake/control': (s, r) => (applyControl(s, controlFrom(asRecord(r.body))), { ok: true }),
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > 1_000_000) throw new FakeInputError('body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

async function handle(state: FakeWechatState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake.local')
  const path = url.pathname
  const method = req.method ?? 'GET'
  state.hits.set(path, (state.hits.get(path) ?? 0) + 1)

  if (path.startsWith('/__fake/')) {
    res.setHeader('access-control-allow-origin', '*')
    res.setHeader('access-control-allow-headers', 'content-type')
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS')
    if (method === 'OPTIONS') return void res.writeHead(204).end()
    const route = FAKE_ROUTES[`${method} ${path}`]
    if (!route) return send(res, 404, { error: `no fake endpoint ${method} ${path}` })
    try {
      const text = await readBody(req)
      return send(res, 200, route(state, { method, path, query: url.searchParams, body: text ? JSON.parse(text) : {} }))
    } catch (error) {
      const known = error instanceof FakeInputError || error instanceof SyntaxError
      return send(res, known ? 400 : 500, { error: error instanceof Error ? error.message : String(error) })
    }
  }

  const route = WECHAT_ROUTES[path]
  if (!route) return send(res, 404, { errcode: 404, errmsg: 'Not Found' })

  // Injected fault for this path, consumed once: answer late and/or with the given error.
  const faultIndex = state.failNext.findIndex((spec) => spec.path === path)
  const fault = faultIndex >= 0 ? state.failNext.splice(faultIndex, 1)[0] : undefined
  if (fault?.delayMs) await sleep(fault.delayMs)
  if (fault?.errcode !== undefined) {
    return send(res, 200, wxError(state, fault.errcode, fault.errmsg ?? (fault.errcode === -1 ? 'system error' : 'injected fault')))
  }

  if (method !== route.method) return send(res, 200, wxError(state, route.method === 'POST' ? 43002 : 43001, `require ${route.method} method`))
  let body: unknown
  if (route.method === 'POST') {
    try {
      body = JSON.parse(await readBody(req))
    } catch {
      return send(res, 200, wxError(state, 47001, 'data format error'))
    }
  }
  const tokenError = route.token ? checkToken(state, url.searchParams) : undefined
  if (tokenError) return send(res, 200, tokenError)
  return send(res, 200, route.handle(state, { method, path, query: url.searchParams, body }))
}

/** Start the fake on 127.0.0.1 (a random free port unless `port` is given). */
export async function startFakeWechat(options: FakeWechatOptions): Promise<FakeWechat> {
  const state = createState(options)
  const server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => send(res, 500, { error: String(error) }))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections() // keep-alive sockets from fetch would otherwise hold close() open
      }),
    mintLoginCode: (request) => mintLoginCode(state, request),
    mintPhoneCode: (request) => mintPhoneCode(state, request),
    subscribe: (request) => grantSubscription(state, request),
    control: (control) => applyControl(state, control),
  }
}
