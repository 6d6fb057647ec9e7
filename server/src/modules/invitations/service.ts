/**
 * Staff roles come only through invitations (a role + a region inside the inviter's region), used
 * once, within 7 days, revocable. The code is random (10 characters of a 32-letter alphabet without
 * look-alikes, 50 bits) and stored only as a hash, so a database leak reveals no usable codes.
 */
import { createHash, randomInt } from 'node:crypto'
import type { CreateInvitationBody, RedeemInvitationBody } from '@qstx/shared'
import type { Db, Tx } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import { hashPassword } from '../auth/service'
import type { SessionService } from '../auth/sessions'
import { assertCan, assertMayInvite, inScope, invitationScope } from './policy'
import * as repo from './repository'

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
/** The page of the mini-program (and H5) that redeems a code. */
export const REDEEM_PAGE = '/pages/invite/index'

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex')
const newCode = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')

type InvitationRow = Awaited<ReturnType<typeof repo.findInvitation>> & {}

function statusOf(inv: InvitationRow, now: Date) {
  if (inv.redeemedAt) return 'redeemed' as const
  if (inv.revokedAt) return 'revoked' as const
  if (inv.expiresAt <= now) return 'expired' as const
  return 'pending' as const
}

async function present(tx: Tx, rows: InvitationRow[], now: Date) {
  const names = new Map((await repo.regionNames(tx, rows.map((r) => r.regionCode))).map((r) => [r.code, r.name]))
  return rows.map((inv) => ({
    id: inv.id,
    role: inv.role,
    regionCode: inv.regionCode,
    regionName: names.get(inv.regionCode) ?? inv.regionCode,
    note: inv.note,
    createdAt: inv.createdAt.toISOString(),
    expiresAt: inv.expiresAt.toISOString(),
    status: statusOf(inv, now),
  }))
}

export function createInvitationService(deps: { prisma: Db; clock: Clock; sessions: SessionService }) {
  const { prisma, clock, sessions } = deps

  async function create(actor: ScopedActor, body: CreateInvitationBody, ctx: AuditContext) {
    assertMayInvite(actor, body.role, body.regionCode)
    return prisma.$transaction(async (tx) => {
      if (!(await repo.regionExists(tx, body.regionCode))) throw new AppError('INVITATION_OUT_OF_SCOPE', '没有这个地区')
      const code = newCode()
      const now = clock.now()
      const inv = await repo.insertInvitation(tx, {
        codeHash: hashCode(code), role: body.role, regionCode: body.regionCode, note: body.note ?? null,
        createdById: actor.userId, createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      await recordAudit(tx, ctx, { action: 'invitation.create', result: 'success', targetType: 'invitation', targetId: inv.id })
      const [view] = await present(tx, [inv], now)
      return { ...view!, code, link: `${REDEEM_PAGE}?code=${code}` }
    })
  }

  async function list(actor: ScopedActor) {
    assertCan(actor, 'invitation.list')
    const rows = await repo.listInvitations(prisma, invitationScope(actor))
    return present(prisma, rows, clock.now())
  }

  async function revoke(actor: ScopedActor, id: string, ctx: AuditContext) {
    assertCan(actor, 'invitation.revoke')
    return prisma.$transaction(async (tx) => {
      const inv = await repo.findInvitation(tx, id)
      if (!inv || !inScope(actor, inv.regionCode)) throw notFound()
      if (!(await repo.revokeInvitation(tx, id, clock.now()))) throw new AppError('CONFLICT', '邀请已被使用或已撤销')
      await recordAudit(tx, ctx, { action: 'invitation.revoke', result: 'success', targetType: 'invitation', targetId: id })
      const [view] = await present(tx, [{ ...inv, revokedAt: clock.now() }], clock.now())
      return view!
    })
  }

  /**
   * A signed-in user (WeChat) redeems with the code alone and may add desk credentials; someone
   * without an account at a desk also picks a name, username and password. Either way the new role
   * becomes the active one of a fresh session.
   */
  async function redeem(userId: string | null, body: RedeemInvitationBody, ctx: AuditContext) {
    const now = clock.now()
    const passwordHash = body.password ? await hashPassword(body.password) : null
    return prisma.$transaction(async (tx) => {
      const inv = await repo.findInvitationByCodeHash(tx, hashCode(body.code))
      if (!inv || statusOf(inv, now) !== 'pending') throw new AppError('INVITATION_INVALID')
      let uid = userId
      if (!uid) {
        if (!body.displayName || !body.username || !passwordHash) throw new AppError('CREDENTIALS_REQUIRED')
        uid = (await repo.createUser(tx, { displayName: body.displayName, username: body.username, passwordHash })).id
      } else if (body.username && passwordHash) {
        const user = await repo.findUser(tx, uid)
        if (user?.username) throw new AppError('CONFLICT', '您已设置过电脑端用户名')
        await repo.setCredentials(tx, uid, { username: body.username, passwordHash, ...(body.displayName ? { displayName: body.displayName } : {}) })
      }
      if (!(await repo.claimInvitation(tx, inv.id, uid, now))) throw new AppError('INVITATION_INVALID')
      const assignment = await repo.grantRole(tx, uid, inv.role, inv.regionCode)
      const audit = { actorUserId: uid, actorRole: inv.role, regionCode: inv.regionCode }
      await recordAudit(tx, ctx, { ...audit, action: 'invitation.redeem', result: 'success', targetType: 'invitation', targetId: inv.id })
      await recordAudit(tx, ctx, { ...audit, action: 'role.grant', result: 'success', targetType: 'role_assignment', targetId: assignment.id })
      return sessions.open(tx, uid, assignment.id)
    }).catch((err) => {
      // Username uniqueness is the database's call; say it in words a person understands.
      if (err?.code === 'P2002') throw new AppError('USERNAME_TAKEN', undefined, { username: '这个用户名已被使用，请换一个' })
      throw err
    })
  }

  return { create, list, revoke, redeem }
}
