/**
 * Sessions remembered in this process, so a signed-in request costs no query for who is asking.
 *
 * Staying true across processes: every change that can end or alter a session (logout, role
 * switch, a user disabled or renamed, a role granted or removed) fires a trigger that NOTIFYs
 * `qstx_auth` at commit (migration 20261204000000_auth_notify), and each process LISTENs on a
 * connection of its own and forgets what the notice names. Guards that keep the cache from ever
 * answering with what the database no longer says:
 *   - a hit is trusted only after a round trip on the LISTEN connection that was sent after the
 *     request arrived (`sync`): PostgreSQL delivers a connection's pending notices before its next
 *     reply, so every change committed before the request — through any process, or by an operator
 *     in psql — has been applied by then. Hits arriving together share one round trip (`SELECT 1`
 *     on an otherwise idle connection, far cheaper than reading the session through the pool);
 *   - while the listening connection is down (or not yet up) nothing is cached: every request asks
 *     the database, as before the cache existed, until LISTEN is back (then the cache starts empty);
 *   - entries live at most TTL_MS, a backstop should a notice ever be missed.
 * A notice that arrives while a miss is being loaded bumps the generation, and that load's answer
 * is then served but not cached.
 */
import pg from 'pg'
import type { SessionRecord } from './repository'

export const AUTH_CHANNEL = 'qstx_auth'
const TTL_MS = 15_000
const MAX_ENTRIES = 50_000
const RECONNECT_MS = [100, 500, 2_000, 5_000]

interface Entry {
  session: SessionRecord
  cachedAt: number
}

export interface SessionCache {
  /** The cached session for a token hash, or undefined (a miss, or caching is off right now). */
  get(tokenHash: string): Promise<SessionRecord | undefined>
  /** Remembers a session loaded at `generation` (see `generation()`), unless a notice came since. */
  put(tokenHash: string, session: SessionRecord, generation: number): void
  generation(): number
  /** Drops what this process knows it just changed, without waiting for its own notice. */
  forgetSession(sessionId: string): void
  forgetUser(userId: string): void
  /**
   * Resolves once every notice committed before the call has been applied: a round trip on the
   * LISTEN connection, sent after the call (calls while one is in flight share the next one).
   */
  sync(): Promise<void>
  /** True once LISTEN is active (tests and the two-process proof wait for it). */
  readonly listening: boolean
  close(): Promise<void>
}

export function createSessionCache(connection: pg.ClientConfig, log: (msg: string) => void): SessionCache {
  const byToken = new Map<string, Entry>()
  let generation = 0
  let listening = false
  let closed = false
  let client: pg.Client | null = null
  let attempt = 0
  let retry: NodeJS.Timeout | null = null
  /** The sync round trip on the wire, and the one queued behind it for callers who came later. */
  let sent: Promise<void> | null = null
  let queued: Promise<void> | null = null

  const clear = () => {
    byToken.clear()
    generation++
  }

  function forget(match: (s: SessionRecord) => boolean) {
    generation++
    for (const [key, e] of byToken) if (match(e.session)) byToken.delete(key)
  }
  const forgetSession = (id: string) => forget((s) => s.id === id)
  const forgetUser = (id: string) => forget((s) => s.userId === id)

  function onNotice(msg: pg.Notification) {
    const payload = msg.payload ?? ''
    if (payload.startsWith('s:')) forgetSession(payload.slice(2))
    else if (payload.startsWith('u:')) forgetUser(payload.slice(2))
    else clear()
  }

  function lost(err?: Error) {
    if (!listening && client === null) return
    listening = false
    clear()
    const dead = client
    client = null
    dead?.removeAllListeners()
    dead?.on('error', () => {})
    void dead?.end().catch(() => {})
    if (closed) return
    if (err) log(`session cache: LISTEN connection lost (${err.message}); sessions are read from the database until it is back`)
    const wait = RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]!
    retry = setTimeout(connect, wait)
    retry.unref()
  }

  async function connect() {
    retry = null
    if (closed) return
    const c = new pg.Client(connection)
    client = c
    c.on('error', lost)
    c.on('end', () => lost(new Error('connection ended')))
    c.on('notification', onNotice)
    try {
      await c.connect()
      await c.query(`LISTEN ${AUTH_CHANNEL}`)
      if (closed || client !== c) return void c.end().catch(() => {})
      clear()
      listening = true
      attempt = 0
    } catch (err) {
      if (client === c) lost(err as Error)
    }
  }
  void connect()

  function sync(): Promise<void> {
    const c = client
    if (!listening || !c) return Promise.resolve()
    if (!sent) {
      // A connection that fails here is `lost()`, which turns the cache off: nothing stale is served.
      sent = c.query('SELECT 1').then(
        () => undefined,
        () => undefined,
      )
      sent = sent.finally(() => (sent = null))
      return sent
    }
    // One is on the wire already, sent before this caller came: wait for the next, shared.
    queued ??= sent.then(() => {
      queued = null
      return sync()
    })
    return queued
  }

  return {
    async get(tokenHash) {
      if (!listening) return undefined
      if (!byToken.has(tokenHash)) return undefined
      await sync()
      const e = byToken.get(tokenHash)
      if (!e || !listening) return undefined
      if (Date.now() - e.cachedAt > TTL_MS) {
        byToken.delete(tokenHash)
        return undefined
      }
      return e.session
    },
    put(tokenHash, session, at) {
      if (!listening || at !== generation) return
      if (byToken.size >= MAX_ENTRIES) byToken.delete(byToken.keys().next().value!)
      byToken.set(tokenHash, { session, cachedAt: Date.now() })
    },
    generation: () => generation,
    sync,
    forgetSession,
    forgetUser,
    get listening() {
      return listening
    },
    async close() {
      closed = true
      if (retry) clearTimeout(retry)
      listening = false
      byToken.clear()
      const c = client
      client = null
      c?.removeAllListeners()
      c?.on('error', () => {})
      await c?.end().catch(() => {})
    },
  }
}
