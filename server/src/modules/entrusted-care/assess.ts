/**
 * The entrusted-care seams other modules call inside their own transaction:
 *   assessOnVisit      — the director's assessment recorded with a visit (duty/service.ts);
 *   carerChangedByEdit — a file edit that names another carer (children/service.ts) is a carer
 *                        change all the same: its own history entry and log line, and the same
 *                        order as the dedicated route (the parents are told of a finding first).
 */
import { followUpAfterFinding, followUpAfterStep, hasAssessedCarer, type EntrustedAssessmentInputSchema } from '@qstx/shared'
import type { z } from 'zod'
import type { Tx } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError } from '../../lib/app-error'
import { insertHistory } from '../children/repository'
import * as repo from './repository'

type Assessment = z.infer<typeof EntrustedAssessmentInputSchema>
const toDate = (d: string) => new Date(`${d}T00:00:00Z`)

/**
 * Logs the assessment against the visit; when it is the file's latest, the template's quality box,
 * the assessment date and the follow-up follow it (a finding opens "tell the parents"; a capable
 * carer closes whatever was open). An older visit entered late is logged but moves nothing back.
 */
export async function assessOnVisit(tx: Tx, actor: ScopedActor, childId: string, visit: { id: string; visitedOn: string }, a: Assessment, now: Date): Promise<void> {
  const head = (await repo.lockCareHead(tx, childId))!
  if (!hasAssessedCarer(head.entrustedCarer)) {
    throw new AppError('NO_ENTRUSTED_CARER', undefined, { entrustedCare: '档案中没有被委托照护人，无需评估' })
  }
  await repo.insertEvent(tx, {
    childId, type: 'assessed', occurredOn: toDate(visit.visitedOn), capacity: a.capacity, quality: a.quality, note: a.note || null,
    visitId: visit.id, byUserId: actor.userId, createdAt: now,
  })
  if (head.entrustedAssessedOn && head.entrustedAssessedOn > visit.visitedOn) return
  await repo.updateCare(tx, childId, { entrustedAssessedOn: toDate(visit.visitedOn), entrustedCareQuality: a.quality, entrustedFollowUp: followUpAfterFinding(a.capacity) }, now)
  if (head.entrustedCareQuality !== a.quality) {
    await insertHistory(tx, [{
      childId, at: now, kind: 'updated', actorUserId: actor.userId, actorName: actor.displayName,
      changes: [{ field: 'entrustedCare', from: { quality: head.entrustedCareQuality }, to: { quality: a.quality } }], note: '走访时评估委托照护情况',
    }])
  }
}

type Carer = { carer: string; carerName: string | null } | null
const sameCarer = (a: Carer, b: Carer) => (a?.carer ?? null) === (b?.carer ?? null) && (a?.carerName ?? null) === (b?.carerName ?? null)

/** Before the edit is written: refused while a finding waits for the parents to be told. */
export function assertEditMayChangeCarer(before: Carer, after: Carer, followUp: string | null): void {
  if (!sameCarer(before, after) && !followUpAfterStep(followUp as never, 'carer_changed').ok) throw new AppError('ENTRUSTED_PARENTS_NOT_NOTIFIED')
}

/** After the edit is written: true when it changed the carer (and was logged as such). */
export async function carerChangedByEdit(tx: Tx, actor: ScopedActor, childId: string, before: Carer, after: Carer, today: string, now: Date): Promise<boolean> {
  if (sameCarer(before, after)) return false
  const ref = (c: Carer) => (c ? { carer: c.carer, name: c.carerName } : null)
  if (after) {
    await repo.insertEvent(tx, {
      childId, type: 'carer_changed', occurredOn: toDate(today), note: '修改档案时更换', fromCarer: ref(before) ?? undefined, toCarer: ref(after)!, byUserId: actor.userId, createdAt: now,
    })
  }
  await repo.updateCare(tx, childId, { entrustedFollowUp: null, entrustedAssessedOn: null }, now)
  await insertHistory(tx, [{ childId, at: now, kind: 'carer_changed', actorUserId: actor.userId, actorName: actor.displayName, changes: [{ field: 'entrustedCare', from: ref(before), to: ref(after) }] }])
  return true
}
