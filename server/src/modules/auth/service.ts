/**
 * Who the person is and which hat they wear. Signing in: WeChat (mini-program) and username + password (desk, H5). Each attempt is audited;
 * failures are told apart in the audit trail but never to the person trying (one generic message).
 */
import { hash, verify } from '@node-rs/argon2'
import type { Db } from '../../db/prisma'
import { AppError } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import { WechatError, type WechatClient } from '../../wechat/client'
import * as repo from './repository'
import type { SessionService } from './sessions'
import type { SessionRecord } from './repository'

export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MS = 15 * 60_000
/** Verifying against this keeps unknown usernames as slow as wrong passwords (no user oracle). */
const DUMMY_HASH = hash('not-a-real-password-0')

export const hashPassword = (password: string) => hash(password)

interface Deps {
  prisma: Db
  clock: Clock
  sessions: SessionService
  wechat: WechatClient
}

function wechatFailure(err: WechatError): AppError {
  switch (err.errcode) {
    case 40029:
    case 40163: // "code been used": what real WeChat answers for a second use
      return new AppError('WECHAT_CODE_INVALID')
    case 45011:
      return new AppError('WECHAT_RATE_LIMITED')
    case 40226:
      return new AppError('WECHAT_USER_RISKY')
    case -1:
      return new AppError('WECHAT_BUSY')
    default:
      return new AppError('WECHAT_ERROR')
  }
}

export function createSignIn({ prisma, clock, sessions, wechat }: Deps) {
  async function auditFailure(ctx: AuditContext, action: string, actorUserId: string | null) {
    await recordAudit(prisma, ctx, { action, result: 'failure', actorUserId, actorRole: null, regionCode: null })
  }

  async function withWechat(code: string, ctx: AuditContext) {
    let identity
    try {
      identity = await wechat.code2Session(code)
    } catch (err) {
      if (!(err instanceof WechatError)) throw err
      await auditFailure(ctx, 'auth.sign_in.wechat', null)
      throw wechatFailure(err)
    }
    const { openid, unionid } = identity
    const result = await prisma.$transaction(async (tx) => {
      const user = (await repo.findUserByOpenid(tx, openid, unionid)) ?? (await repo.createWechatUser(tx, openid, unionid))
      if (user.disabledAt) return { ok: false as const, userId: user.id }
      const roles = await repo.listActiveRoles(tx, user.id)
      const session = await sessions.open(tx, user.id, roles[0]?.id ?? null)
      await recordAudit(tx, ctx, { action: 'auth.sign_in.wechat', result: 'success', actorUserId: user.id, actorRole: roles[0]?.role ?? null, regionCode: roles[0]?.regionCode ?? null })
      return { ok: true as const, session }
    })
    if (!result.ok) {
      await auditFailure(ctx, 'auth.sign_in.wechat', result.userId)
      throw new AppError('FORBIDDEN', '该账号已停用，请联系所在地民政或妇联')
    }
    return result.session
  }

  async function withPassword(username: string, password: string, ctx: AuditContext) {
    const user = await repo.findUserByUsername(prisma, username)
    const now = clock.now()
    if (!user?.passwordHash || user.disabledAt) {
      await verify(await DUMMY_HASH, password)
      await auditFailure(ctx, 'auth.sign_in.password', user?.id ?? null)
      throw new AppError('SIGN_IN_FAILED')
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await auditFailure(ctx, 'auth.sign_in.locked', user.id)
      throw new AppError('SIGN_IN_FAILED')
    }
    if (!(await verify(user.passwordHash, password))) {
      await prisma.$transaction(async (tx) => {
        const { failedLogins } = await repo.countFailedLogin(tx, user.id)
        if (failedLogins >= MAX_FAILED_LOGINS) await repo.setLockout(tx, user.id, new Date(now.getTime() + LOCKOUT_MS))
        await recordAudit(tx, ctx, { action: 'auth.sign_in.password', result: 'failure', actorUserId: user.id, actorRole: null, regionCode: null })
      })
      throw new AppError('SIGN_IN_FAILED')
    }
    return prisma.$transaction(async (tx) => {
      if (user.failedLogins > 0 || user.lockedUntil) await repo.setLockout(tx, user.id, null)
      const roles = await repo.listActiveRoles(tx, user.id)
      const session = await sessions.open(tx, user.id, roles[0]?.id ?? null)
      await recordAudit(tx, ctx, { action: 'auth.sign_in.password', result: 'success', actorUserId: user.id, actorRole: roles[0]?.role ?? null, regionCode: roles[0]?.regionCode ?? null })
      return session
    })
  }

  return { withWechat, withPassword }
}

/** What the signed-in person sees about themselves: their roles, each with its region's name. */
/** What /api/me says: the user, their live roles and the session's active one. */
export function describeUser(session: SessionRecord) {
  const roles = session.roles.map(({ id, role, regionCode, regionName }) => ({ id, role, regionCode, regionName }))
  return {
    userId: session.userId,
    displayName: session.displayName,
    activeRole: roles.find((r) => r.id === session.activeRoleId) ?? null,
    roles,
  }
}

/** Switches the session's active role to another of the user's own live assignments. */
export async function switchRole(prisma: Db, session: SessionRecord, roleAssignmentId: string, ctx: AuditContext) {
  await prisma.$transaction(async (tx) => {
    const assignment = await repo.findOwnAssignment(tx, session.userId, roleAssignmentId)
    if (!assignment) throw new AppError('NOT_FOUND')
    await repo.setActiveRole(tx, session.id, assignment.id)
    await recordAudit(tx, ctx, { action: 'auth.switch_role', result: 'success', actorRole: assignment.role, regionCode: assignment.regionCode, targetType: 'role_assignment', targetId: assignment.id })
  })
  return describeUser({ ...session, activeRoleId: roleAssignmentId })
}
