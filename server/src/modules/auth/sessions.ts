/**
 * Sessions: opaque random bearer tokens, stored only as SHA-256 hashes. A session ends on logout,
 * after an idle period (short for staff, long for volunteers on their phones), at its absolute
 * lifetime, or at once when the user is disabled or the active role is removed — all checked on
 * every request, so a change takes effect on the very next one.
 */
import { createHash, randomBytes } from 'node:crypto'
import { isStaffRole } from '@qstx/shared'
import type { Config } from '../../config'
import type { Db, Tx } from '../../db/prisma'
import type { Clock } from '../../lib/clock'
import * as repo from './repository'

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

type SessionConfig = Pick<Config, 'SESSION_IDLE_STAFF_MINUTES' | 'SESSION_IDLE_VOLUNTEER_MINUTES' | 'SESSION_MAX_HOURS'>

/** Writes of lastSeenAt are skipped within this window so reads do not all become writes. */
const TOUCH_EVERY_MS = 60_000

export function createSessionService(deps: { prisma: Db; clock: Clock; config: SessionConfig }) {
  const { prisma, clock, config } = deps

  async function open(tx: Tx, userId: string, activeRoleId: string | null) {
    const token = randomBytes(32).toString('base64url')
    const now = clock.now()
    const expiresAt = new Date(now.getTime() + config.SESSION_MAX_HOURS * 3_600_000)
    await repo.insertSession(tx, { tokenHash: hashToken(token), userId, activeRoleId, expiresAt, createdAt: now })
    return { token, expiresAt: expiresAt.toISOString() }
  }

  /** Returns the live session for a token, or why there is none. */
  async function resolve(token: string): Promise<{ ok: true; session: repo.SessionWithUser } | { ok: false; reason: 'unknown' | 'expired' }> {
    const session = await repo.findSessionByTokenHash(prisma, hashToken(token))
    if (!session) return { ok: false, reason: 'unknown' }
    const now = clock.now()
    const role = session.activeRole
    const idleMinutes = role && isStaffRole(role.role) ? config.SESSION_IDLE_STAFF_MINUTES : config.SESSION_IDLE_VOLUNTEER_MINUTES
    const idleUntil = session.lastSeenAt.getTime() + idleMinutes * 60_000
    if (session.revokedAt || session.user.disabledAt || session.expiresAt <= now || idleUntil <= now.getTime()) {
      return { ok: false, reason: 'expired' }
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(prisma, session.id, now)
    return { ok: true, session }
  }

  async function close(sessionId: string) {
    await repo.revokeSession(prisma, sessionId, clock.now())
  }

  return { open, resolve, close }
}
export type SessionService = ReturnType<typeof createSessionService>
