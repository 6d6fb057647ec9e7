/**
 * Every change of an application's status goes through `transition`, inside the caller's
 * transaction: the conditional update (one of two concurrent decisions wins, the other gets 409),
 * the history row, the `volunteer` role (granted on approval, revoked when leaving approval), the
 * audit row, and — for a coordinator's decision — the in-app notification and WeChat message.
 */
import { VOLUNTEER_STATUS_PAGE, VOLUNTEER_TRANSITIONS, canTransition, type VolunteerStatus, type VolunteerTransition } from '@qstx/shared'
import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'
import { AppError } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { notify } from '../../lib/notify'
import { activateWhereRoleless, grantRole, revokeRole } from '../../lib/role-grants'
import { closePairingsOfVolunteer } from '../pairings/exits'
import * as repo from './repository'

/**
 * What the volunteer is told; both lines fit WeChat's 20-character `thing` fields. The reason is not
 * sent through WeChat: the volunteer reads it in the app (GET /api/volunteers/me).
 */
const NOTICES: Partial<Record<VolunteerTransition, { title: string; body: string }>> = {
  approve: { title: '报名已通过审核', body: '欢迎成为爱心家长，妇联将为您安排结对' },
  request_info: { title: '报名需要补充信息', body: '请查看审核意见，补充后重新提交' },
  reject: { title: '报名未通过审核', body: '请打开小程序查看审核意见' },
  suspend: { title: '志愿服务已暂停', body: '请查看原因，如有疑问请联系当地妇联' },
}

export interface TransitionInput {
  volunteer: { id: string; userId: string; status: VolunteerStatus; serviceRegionCode: string | null }
  event: VolunteerTransition
  reason: string | null
  ctx: AuditContext
  /** Columns changed together with the status (e.g. submittedAt, reset checks). */
  data?: Prisma.VolunteerUpdateManyMutationInput
  checks?: Prisma.InputJsonValue
}

export async function transition(tx: Tx, input: TransitionInput): Promise<void> {
  const { volunteer: v, event, reason, ctx } = input
  const to = VOLUNTEER_TRANSITIONS[event].to
  if (!canTransition(v.status, event)) throw new AppError('VOLUNTEER_STATUS_CONFLICT')
  if (!(await repo.updateIfStatus(tx, v.id, v.status, { ...input.data, status: to, statusChangedAt: ctx.at }))) {
    throw new AppError('VOLUNTEER_STATUS_CONFLICT')
  }
  await repo.insertEvent(tx, {
    volunteerId: v.id, at: ctx.at, actorUserId: ctx.actorUserId, actorRole: ctx.actorRole, type: event, fromStatus: v.status, toStatus: to, reason,
    ...(input.checks !== undefined ? { checks: input.checks } : {}),
  })
  // Self-service actions have no role region: the audit row belongs to the application's region.
  const audit = { targetType: 'volunteer', regionCode: ctx.regionCode ?? v.serviceRegionCode, result: 'success' as const }
  if (to === 'approved') {
    const role = await grantRole(tx, { userId: v.userId, role: 'volunteer', regionCode: v.serviceRegionCode! })
    await activateWhereRoleless(tx, v.userId, role.id)
    await recordAudit(tx, ctx, { ...audit, action: 'role.grant', targetType: 'role_assignment', targetId: role.id })
  } else if (v.status === 'approved') {
    // Only approved volunteers wear the role: suspension, withdrawal and re-vetting take it away.
    for (const id of await revokeRole(tx, v.userId, 'volunteer', ctx.at)) {
      await recordAudit(tx, ctx, { ...audit, action: 'role.revoke', targetType: 'role_assignment', targetId: id })
    }
  }
  await recordAudit(tx, ctx, { ...audit, action: `volunteer.${event}`, targetId: v.id })
  // Leaving ends the volunteer's live pairings in the same transaction (pairings/exits.ts says why).
  if (event === 'withdraw' || event === 'suspend') await closePairingsOfVolunteer(tx, v.id, event, ctx)
  const notice = NOTICES[event]
  if (notice) await notify(tx, { recipientUserId: v.userId, kind: `volunteer.${event}`, ...notice, page: VOLUNTEER_STATUS_PAGE })
}
