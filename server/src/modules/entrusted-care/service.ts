/**
 * A child's entrusted care (shared/care/entrusted.ts): the page (arrangement, yearly re-assessment,
 * follow-up, log), the steps after a finding, and the change of carer. Each write runs in one
 * transaction with the file's row locked, its log entry, the file's history where the file
 * changed, and its audit row. The assessment itself comes with a director's visit (assess.ts).
 */
import {
  chinaDate, dutyRule, entrustedReview, followUpAfterStep, hasAssessedCarer,
  type CarerChangeBody, type EntrustedCare, type EntrustedStepBody, type ParentContactFrequency, type ParentContactMode,
} from '@qstx/shared'
import type pg from 'pg'
import type { Db, Tx } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import { insertHistory } from '../children/repository'
import { assertChildInScope, assertMayRead, assertMayRecord, careScopeSql } from './policy'
import * as repo from './repository'

const toDate = (d: string) => new Date(`${d}T00:00:00Z`)

export function createEntrustedCareService({ prisma, pg, clock }: { prisma: Db; pg: pg.Pool; clock: Clock }) {
  async function read(actor: ScopedActor, childId: string, ctx: AuditContext): Promise<EntrustedCare> {
    assertMayRead(actor)
    const row = await repo.readCare(pg, {
      id: childId, where: careScopeSql(actor), audit: [ctx, { action: 'child.read_entrusted_care', result: 'success', targetType: 'child', targetId: childId }],
    })
    if (!row) throw notFound()
    const today = chinaDate(clock.now())
    const assessed = hasAssessedCarer(row.entrustedCarer)
    return {
      childId: row.childId, name: row.name, villageName: row.villageName, today,
      arrangement: row.entrustedCarer
        ? {
            carer: row.entrustedCarer, reason: row.entrustedReason, quality: row.entrustedCareQuality, carerName: row.entrustedCarerName,
            since: row.entrustedSince, agreementOn: row.entrustedAgreementOn,
            parentContact: row.parentContactFrequency
              ? { frequency: row.parentContactFrequency as ParentContactFrequency, modes: row.parentContactModes as ParentContactMode[] }
              : null,
            assessedOn: row.entrustedAssessedOn, followUp: row.entrustedFollowUp,
          }
        : null,
      review: assessed
        ? entrustedReview({ filedOn: row.filedOn, since: row.entrustedSince, lastAssessedOn: row.entrustedAssessedOn }, today, dutyRule(actor.regionCode).dueSoonDays)
        : null,
      followUp: assessed ? row.entrustedFollowUp : null,
      events: row.events,
    }
  }

  /** The child's row locked, in reach and open; a date in the future is refused. */
  async function openHead(tx: Tx, actor: ScopedActor, childId: string, on: string, field: string) {
    if (on > chinaDate(clock.now())) throw new AppError('VALIDATION_FAILED', '日期不能晚于今天', { [field]: '日期不能晚于今天' })
    const head = await repo.lockCareHead(tx, childId)
    assertChildInScope(actor, head?.villageCode)
    if (head!.closedAt) throw new AppError('CHILD_CLOSED')
    return head!
  }

  /** 已告知父母 / 已帮助督促照护人: each only where the follow-up stands at its turn (409 otherwise). */
  async function step(actor: ScopedActor, childId: string, body: EntrustedStepBody, ctx: AuditContext) {
    assertMayRecord(actor)
    return prisma.$transaction(async (tx) => {
      const head = await openHead(tx, actor, childId, body.on, 'on')
      const next = followUpAfterStep(hasAssessedCarer(head.entrustedCarer) ? head.entrustedFollowUp : null, body.type)
      if (!next.ok) throw new AppError('ENTRUSTED_STEP_CONFLICT')
      const now = clock.now()
      const { id } = await repo.insertEvent(tx, { childId, type: body.type, occurredOn: toDate(body.on), note: body.note, byUserId: actor.userId, createdAt: now })
      await repo.updateCare(tx, childId, { entrustedFollowUp: next.next }, now)
      await recordAudit(tx, ctx, { action: `child.entrusted_care.${body.type}`, result: 'success', targetType: 'child', targetId: childId })
      return { id }
    })
  }

  /**
   * 重新选择被委托照护人: the new carer replaces the old on the file, with the date it began; the
   * template's quality box and the last assessment belong to the old carer and are emptied, so the
   * new carer's first yearly re-assessment counts from `since`.
   */
  async function changeCarer(actor: ScopedActor, childId: string, body: CarerChangeBody, ctx: AuditContext) {
    assertMayRecord(actor)
    return prisma.$transaction(async (tx) => {
      const head = await openHead(tx, actor, childId, body.since, 'since')
      if (!followUpAfterStep(head.entrustedFollowUp, 'carer_changed').ok) throw new AppError('ENTRUSTED_PARENTS_NOT_NOTIFIED')
      const now = clock.now()
      const from = head.entrustedCarer ? { carer: head.entrustedCarer, name: head.entrustedCarerName } : null
      const to = { carer: body.carer, name: body.carer === 'none' ? null : body.carerName }
      const { id } = await repo.insertEvent(tx, {
        childId, type: 'carer_changed', occurredOn: toDate(body.since), note: body.note, fromCarer: from ?? undefined, toCarer: to, byUserId: actor.userId, createdAt: now,
      })
      await repo.updateCare(tx, childId, {
        entrustedCarer: body.carer, entrustedCarerName: to.name, ...(body.reason !== undefined ? { entrustedReason: body.reason } : {}),
        entrustedSince: toDate(body.since), entrustedAgreementOn: body.agreementOn ? toDate(body.agreementOn) : null,
        entrustedCareQuality: null, entrustedAssessedOn: null, entrustedFollowUp: null,
      }, now)
      await insertHistory(tx, [{
        childId, at: now, kind: 'carer_changed', actorUserId: actor.userId, actorName: actor.displayName,
        changes: [{ field: 'entrustedCare', from, to }], note: body.note,
      }])
      await recordAudit(tx, ctx, { action: 'child.entrusted_care.carer_changed', result: 'success', targetType: 'child', targetId: childId })
      return { id }
    })
  }

  return { read, step, changeCarer }
}
