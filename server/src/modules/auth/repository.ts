import type { Tx } from '../../db/prisma'
import { one, rows, sql, type Queryable } from '../../db/sql'

import type { Role } from '@qstx/shared'

export interface LiveRole {
  id: string
  role: Role
  regionCode: string
  regionName: string
  teamId: string | null
}

/** A session as every signed-in request needs it, and as /api/me answers it. */
export interface SessionRecord {
  id: string
  userId: string
  /** Kept current in memory between the batched writes (sessions.ts). */
  lastSeenAt: Date
  expiresAt: Date
  revokedAt: Date | null
  displayName: string
  disabledAt: Date | null
  activeRoleId: string | null
  /** The user's live roles, oldest first, with their regions' names. */
  roles: LiveRole[]
}

/**
 * Every signed-in request that misses the session cache starts here: one statement for the session,
 * its user, and all the user's live roles with region names (what /api/me shows), by token hash.
 */
export async function findSessionByTokenHash(db: Queryable, tokenHash: string): Promise<SessionRecord | undefined> {
  return one<SessionRecord>(
    db,
    sql`SELECT s.id, s."userId", s."lastSeenAt", s."expiresAt", s."revokedAt", s."activeRoleId",
               u."displayName", u."disabledAt",
               COALESCE((SELECT json_agg(json_build_object('id', r.id, 'role', r.role, 'regionCode', r."regionCode",
                                                           'regionName', COALESCE(g.name, r."regionCode"), 'teamId', r."teamId")
                                         ORDER BY r."createdAt", r.id)
                           FROM role_assignments r
                           LEFT JOIN regions g ON g.code = r."regionCode"
                          WHERE r."userId" = s."userId" AND r."revokedAt" IS NULL), '[]'::json) AS roles
          FROM sessions s
          JOIN users u ON u.id = s."userId"
         WHERE s."tokenHash" = ${tokenHash}`,
  )
}

/** The batched lastSeenAt writes: one statement for every session seen since the last batch. */
export async function touchSessions(db: Queryable, seen: Map<string, Date>): Promise<void> {
  if (!seen.size) return
  await rows(
    db,
    sql`UPDATE sessions s SET "lastSeenAt" = GREATEST(s."lastSeenAt", v.at)
          FROM unnest(${[...seen.keys()]}::uuid[], ${[...seen.values()]}::timestamptz[]) AS v(id, at)
         WHERE s.id = v.id`,
  )
}

export function insertSession(tx: Tx, data: { tokenHash: string; userId: string; activeRoleId: string | null; expiresAt: Date; createdAt: Date }) {
  return tx.session.create({ data: { ...data, lastSeenAt: data.createdAt } })
}

export async function revokeSession(db: Queryable, id: string, at: Date): Promise<void> {
  await rows(db, sql`UPDATE sessions SET "revokedAt" = ${at} WHERE id = ${id}::uuid AND "revokedAt" IS NULL`)
}

export function listActiveRoles(tx: Tx, userId: string) {
  return tx.roleAssignment.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, role: true, regionCode: true, teamId: true },
  })
}

export function regionNames(tx: Tx, codes: string[]) {
  return tx.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })
}

export function findUserByOpenid(tx: Tx, openid: string, unionid?: string) {
  return tx.user.findFirst({
    where: unionid ? { OR: [{ unionid }, { openid }] } : { openid },
    select: { id: true, disabledAt: true, openid: true, unionid: true },
  })
}

export function createWechatUser(tx: Tx, openid: string, unionid?: string) {
  return tx.user.create({ data: { displayName: '微信用户', openid, unionid: unionid ?? null }, select: { id: true, disabledAt: true, openid: true, unionid: true } })
}

export function findUserByUsername(tx: Tx, username: string) {
  return tx.user.findUnique({
    where: { username },
    select: { id: true, passwordHash: true, failedLogins: true, lockedUntil: true, disabledAt: true },
  })
}

/** Atomic, so two wrong guesses at the same moment both count. */
export function countFailedLogin(tx: Tx, id: string) {
  return tx.user.update({ where: { id }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } })
}

export function setLockout(tx: Tx, id: string, lockedUntil: Date | null) {
  return tx.user.update({ where: { id }, data: { lockedUntil, failedLogins: 0 } })
}

export function findOwnAssignment(tx: Tx, userId: string, id: string) {
  return tx.roleAssignment.findFirst({ where: { id, userId, revokedAt: null } })
}

export function setActiveRole(tx: Tx, sessionId: string, activeRoleId: string) {
  return tx.session.update({ where: { id: sessionId }, data: { activeRoleId } })
}
