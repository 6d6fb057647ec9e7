import type { Db } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import { assertCan, inScope, staffScope } from './policy'
import * as repo from './repository'

export function createStaffService({ prisma, clock }: { prisma: Db; clock: Clock }) {
  async function list(actor: ScopedActor) {
    assertCan(actor, 'role.revoke')
    const rows = await repo.listAssignments(prisma, staffScope(actor))
    const names = new Map((await repo.regionNames(prisma, rows.map((r) => r.regionCode))).map((r) => [r.code, r.name]))
    return rows.map((r) => ({
      id: r.id,
      role: r.role,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? r.regionCode,
      userId: r.user.id,
      displayName: r.user.displayName,
      disabled: r.user.disabledAt !== null,
      since: r.createdAt.toISOString(),
    }))
  }

  /** Takes effect on the person's very next request: the auth hook re-reads the assignment. */
  async function revokeRole(actor: ScopedActor, id: string, ctx: AuditContext) {
    assertCan(actor, 'role.revoke')
    await prisma.$transaction(async (tx) => {
      const a = await repo.findAssignment(tx, id)
      if (!a || a.revokedAt || !inScope(actor, a.regionCode)) throw notFound()
      await repo.revokeAssignment(tx, id, clock.now())
      await recordAudit(tx, ctx, { action: 'role.revoke', result: 'success', targetType: 'role_assignment', targetId: id })
    })
  }

  /** A user can be disabled by someone whose region contains one of the user's roles. */
  async function disableUser(actor: ScopedActor, userId: string, ctx: AuditContext) {
    assertCan(actor, 'user.disable')
    await prisma.$transaction(async (tx) => {
      const regions = await repo.userRegions(tx, userId)
      if (!regions.some((r) => inScope(actor, r.regionCode))) throw notFound()
      await repo.disableUser(tx, userId, clock.now())
      await recordAudit(tx, ctx, { action: 'user.disable', result: 'success', targetType: 'user', targetId: userId })
    })
  }

  return { list, revokeRole, disableUser }
}
