/**
 * Sessions: opaque random bearer tokens, stored only as SHA-256 hashes. A session ends on logout,
 * after an idle period (short for staff, long for volunteers on their phones), at its absolute
 * lifetime, or at once when the user is disabled or the active role is removed — checked on every
 * request, so a change takes effect on the very next one, in this process and in every other
 * (session-cache.ts says how the cache stays true).
 *
 * Activity (`lastSeenAt`) is kept in memory and written in batches: at most once a minute per
 * session, all of them in one statement every few seconds, so reads do not become writes.
 */
import { createHash, randomBytes } from 'node:crypto'
import type pg from 'pg'
import { isStaffRole } from '@qstx/shared'
import type { Config } from '../../config'
import type { Tx } from '../../db/prisma'
import type { Clock } from '../../lib/clock'
import * as repo from './repository'
import { createSessionCache } from './session-cache'

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

type SessionConfig = Pick<Config, 'SESSION_IDLE_STAFF_MINUTES' | 'SESSION_IDLE_VOLUNTEER_MINUTES' | 'SESSION_MAX_HOURS' | 'DATABASE_DIRECT_URL'>

/** A session's activity is recorded at most this often. */
const TOUCH_EVERY_MS = 60_000
/** How often the recorded activity is written. */
const FLUSH_EVERY_MS = 5_000

export type ResolvedSession = { ok: true; session: repo.SessionRecord } | { ok: false; reason: 'unknown' | 'expired' }

export function createSessionService(deps: { pool: pg.Pool; clock: Clock; config: SessionConfig; log: (msg: string) => void }) {
  const { pool, clock, config } = deps
  // LISTEN needs a session of its own: behind PgBouncer's transaction pooling it goes to PostgreSQL directly.
  const cache = createSessionCache(config.DATABASE_DIRECT_URL ? { connectionString: config.DATABASE_DIRECT_URL } : pool.options, deps.log)
  /** Activity not yet written: session id → when last seen. */
  let unwritten = new Map<string, Date>()

  async function flush() {
    const batch = unwritten
    unwritten = new Map()
    await repo.touchSessions(pool, batch).catch(() => {
      // The database is away: keep the activity for the next batch (newest wins).
      for (const [id, at] of batch) if (!(unwritten.get(id)! >= at)) unwritten.set(id, at)
    })
  }
  const flushing = setInterval(() => void flush(), FLUSH_EVERY_MS)
  flushing.unref()

  async function open(tx: Tx, userId: string, activeRoleId: string | null) {
    const token = randomBytes(32).toString('base64url')
    const now = clock.now()
    const expiresAt = new Date(now.getTime() + config.SESSION_MAX_HOURS * 3_600_000)
    await repo.insertSession(tx, { tokenHash: hashToken(token), userId, activeRoleId, expiresAt, createdAt: now })
    return { token, expiresAt: expiresAt.toISOString() }
  }

  async function load(tokenHash: string): Promise<repo.SessionRecord | undefined> {
    const generation = cache.generation()
    const session = await repo.findSessionByTokenHash(pool, tokenHash)
    if (!session) return undefined
    // Activity this process saw but has not written yet is newer than the row.
    const seen = unwritten.get(session.id)
    if (seen && seen > session.lastSeenAt) session.lastSeenAt = seen
    cache.put(tokenHash, session, generation)
    return session
  }

  /** Returns the live session for a token, or why there is none. */
  async function resolve(token: string): Promise<ResolvedSession> {
    const tokenHash = hashToken(token)
    const session = (await cache.get(tokenHash)) ?? (await load(tokenHash))
    if (!session) return { ok: false, reason: 'unknown' }
    const now = clock.now()
    const role = activeRole(session)
    const idleMinutes = role && isStaffRole(role.role) ? config.SESSION_IDLE_STAFF_MINUTES : config.SESSION_IDLE_VOLUNTEER_MINUTES
    const idleUntil = session.lastSeenAt.getTime() + idleMinutes * 60_000
    if (session.revokedAt || session.disabledAt || session.expiresAt <= now || idleUntil <= now.getTime()) {
      return { ok: false, reason: 'expired' }
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      session.lastSeenAt = now
      unwritten.set(session.id, now)
    }
    return { ok: true, session }
  }

  async function close(sessionId: string) {
    await repo.revokeSession(pool, sessionId, clock.now())
    cache.forgetSession(sessionId)
  }

  return {
    open,
    resolve,
    close,
    /** Forget a session this process just changed (its own notice would come a moment later). */
    forget: (sessionId: string) => cache.forgetSession(sessionId),
    get listening() {
      return cache.listening
    },
    async stop() {
      clearInterval(flushing)
      await flush()
      await cache.close()
    },
  }
}
export type SessionService = ReturnType<typeof createSessionService>

/** The session's active role, if it is still one of the user's live roles. */
export function activeRole(session: repo.SessionRecord): repo.LiveRole | null {
  return session.roles.find((r) => r.id === session.activeRoleId) ?? null
}
