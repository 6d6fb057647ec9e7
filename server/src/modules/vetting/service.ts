/**
 * 陈姐's mornings: the queue (oldest first), one application at a time with the ID number masked,
 * the checks as they are made, and the decision with a reason the volunteer reads. Opening an
 * application is recorded in the audit trail, like any view of a person's file.
 */
import {
  QUEUE_STATUSES, ageOn, chinaDate, parseIdNumber,
  type DecisionBody, type QueueStatus, type RecordChecksBody, type VettingApplication, type VettingQueueQuery,
} from '@qstx/shared'
import type { Db, Tx } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import type { Keyring } from '../../lib/crypto'
import { coreView, regionNameOf } from '../volunteers/present'
import * as volunteers from '../volunteers/repository'
import { transition } from '../volunteers/status'
import { assertReadyToApprove, checkChanges, checksView } from './checks'
import { assertCan, assertMayOpen, vettingScope } from './policy'
import * as repo from './repository'

export type QueueQuery = VettingQueueQuery

export function createVettingService({ prisma, clock, keyring }: { prisma: Db; clock: Clock; keyring: Keyring }) {
  async function queue(actor: ScopedActor, q: QueueQuery) {
    assertCan(actor, 'volunteer.vet')
    const scope = vettingScope(actor)
    const filter = { kind: q.kind, teamId: q.teamId }
    const [rows, grouped] = await Promise.all([
      repo.listQueue(prisma, scope, filter, q.status, q.sort, (q.page - 1) * q.pageSize, q.pageSize),
      repo.countByStatus(prisma, scope, filter),
    ])
    const counts = Object.fromEntries(QUEUE_STATUSES.map((s) => [s, grouped.find((g) => g.status === s)?._count._all ?? 0])) as Record<QueueStatus, number>
    const names = new Map((await volunteers.regionNames(prisma, rows.flatMap((r) => r.serviceRegionCode ?? []))).map((r) => [r.code, r.name]))
    return {
      items: rows.map((v) => ({
        id: v.id,
        realName: v.realName,
        kind: v.kind,
        status: v.status,
        serviceRegionCode: v.serviceRegionCode,
        serviceRegionName: v.serviceRegionCode ? (names.get(v.serviceRegionCode) ?? v.serviceRegionCode) : null,
        team: v.team,
        submittedAt: v.submittedAt?.toISOString() ?? null,
        statusChangedAt: v.statusChangedAt?.toISOString() ?? null,
        checks: { identityVerified: v.identityVerified, criminalRecordResult: v.criminalRecordResult, trainingCompleted: v.trainingCompletedOn !== null },
      })),
      total: counts[q.status],
      page: q.page,
      pageSize: q.pageSize,
      counts,
    }
  }

  async function view(tx: Tx, v: volunteers.VolunteerRow): Promise<VettingApplication> {
    const events = await repo.history(tx, v.id)
    const actors = new Map((await repo.userNames(tx, events.flatMap((e) => e.actorUserId ?? []))).map((u) => [u.id, u.displayName]))
    const id = v.idNumberEnc ? parseIdNumber(keyring.decrypt(v.idNumberEnc)) : null
    return {
      ...coreView(v, keyring, await regionNameOf(tx, v.serviceRegionCode)),
      age: id?.ok ? ageOn(id.value.birthDate, chinaDate(clock.now())) : null,
      checks: checksView(v),
      history: events.map((e) => ({
        at: e.at.toISOString(), type: e.type, fromStatus: e.fromStatus, toStatus: e.toStatus, reason: e.reason,
        actorName: e.actorUserId ? (actors.get(e.actorUserId) ?? null) : null,
      })),
    }
  }

  /** Loads the application for a coordinator allowed to act on it (404 otherwise). */
  async function open(tx: Tx, actor: ScopedActor, id: string) {
    const v = await volunteers.findById(tx, id)
    assertMayOpen(actor, v)
    return v
  }
  const fresh = async (tx: Tx, id: string) => view(tx, (await volunteers.findById(tx, id))!)

  async function application(actor: ScopedActor, id: string, ctx: AuditContext) {
    assertCan(actor, 'volunteer.vet')
    return prisma.$transaction(async (tx) => {
      const v = await open(tx, actor, id)
      await recordAudit(tx, ctx, { action: 'volunteer.view', result: 'success', targetType: 'volunteer', targetId: id })
      return view(tx, v)
    })
  }

  async function recordChecks(actor: ScopedActor, id: string, body: RecordChecksBody, ctx: AuditContext) {
    assertCan(actor, 'volunteer.vet')
    return prisma.$transaction(async (tx) => {
      const v = await open(tx, actor, id)
      if (v.status !== 'submitted' && v.status !== 'info_requested') throw new AppError('VOLUNTEER_STATUS_CONFLICT', '只能为审核中的报名记录核查结果')
      const data = checkChanges(v, body, ctx.at)
      if (!(await volunteers.updateIfStatus(tx, id, v.status, data))) throw new AppError('VOLUNTEER_STATUS_CONFLICT')
      await volunteers.insertEvent(tx, { volunteerId: id, at: ctx.at, actorUserId: ctx.actorUserId, actorRole: ctx.actorRole, type: 'checks', checks: body })
      await recordAudit(tx, ctx, { action: 'volunteer.checks', result: 'success', targetType: 'volunteer', targetId: id })
      return fresh(tx, id)
    })
  }

  async function decide(actor: ScopedActor, id: string, body: DecisionBody, ctx: AuditContext) {
    assertCan(actor, 'volunteer.vet')
    return prisma.$transaction(async (tx) => {
      const v = await open(tx, actor, id)
      if (body.decision === 'approve' && v.status === 'submitted') assertReadyToApprove(v)
      await transition(tx, { volunteer: v, event: body.decision, reason: body.reason, ctx })
      return fresh(tx, id)
    })
  }

  async function suspend(actor: ScopedActor, id: string, reason: string, ctx: AuditContext) {
    assertCan(actor, 'volunteer.suspend')
    return prisma.$transaction(async (tx) => {
      const v = await open(tx, actor, id)
      await transition(tx, { volunteer: v, event: 'suspend', reason, ctx })
      return fresh(tx, id)
    })
  }

  return { queue, application, recordChecks, decide, suspend }
}
