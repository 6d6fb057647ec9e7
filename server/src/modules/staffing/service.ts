/**
 * Director staffing and training (shared/care/staffing.ts): the region's villages flagged where the
 * plans call for a (further) director, its directors with this year's training, the training
 * record county civil affairs keeps, and which director of a village keeps which child.
 */
import { chinaDate, chinaYear, directorsNeeded, regionLevel, regionPrefix, staffingFlag, type RecordTrainingBody, type Staffing } from '@qstx/shared'
import type { Db } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import { assertChildInScope, assertDirectorsInScope, assertMayAssign, assertMayReadDirector, assertMayRecordTraining, staffingRegion } from './policy'
import * as repo from './repository'

export function createStaffingService({ prisma, clock }: { prisma: Db; clock: Clock }) {
  async function staffing(actor: ScopedActor, q: { regionCode?: string | undefined }): Promise<Staffing> {
    const region = staffingRegion(actor, q.regionCode)
    const year = chinaYear(clock.now())
    const prefix = regionPrefix(region)
    const village = regionLevel(region) === 'village'
    const [villages, directors, children] = await Promise.all([
      repo.villages(prisma, prefix),
      repo.directors(prisma, prefix, `${year}-01-01`, `${year}-12-31`),
      village ? repo.villageChildren(prisma, region) : Promise.resolve(null),
    ])
    return {
      regionCode: region,
      year,
      villages: villages.map((v) => ({ ...v, needed: directorsNeeded(v.children), flag: staffingFlag(v.children, v.directors) })),
      directors,
      assignments: children?.map((c) => ({ childId: c.id, name: c.name, directorUserId: c.directorUserId })) ?? null,
    }
  }

  async function trainings(actor: ScopedActor, userId: string) {
    staffingRegion(actor, undefined)
    const served = (await repo.directorVillages(prisma, [userId])).get(userId) ?? []
    assertMayReadDirector(actor, served)
    const [user, items] = await Promise.all([prisma.user.findUnique({ where: { id: userId }, select: { displayName: true } }), repo.trainingsOf(prisma, userId)])
    return {
      userId, name: user?.displayName ?? '',
      items: items.map((t) => ({
        id: t.id, trainedOn: t.trainedOn.toISOString().slice(0, 10), course: t.course, organiser: t.organiser, hours: t.hours, recordedByName: t.recordedBy.displayName,
      })),
    }
  }

  /** One training, attended by several directors: a row each, in one transaction (all or none). */
  async function recordTraining(actor: ScopedActor, body: RecordTrainingBody, ctx: AuditContext) {
    assertMayRecordTraining(actor)
    if (body.trainedOn > chinaDate(clock.now())) throw new AppError('VALIDATION_FAILED', '培训日期不能晚于今天', { trainedOn: '培训日期不能晚于今天' })
    const ids = [...new Set(body.userIds)]
    return prisma.$transaction(async (tx) => {
      const served = await repo.directorVillages(tx, ids)
      // The first village in the actor's region each director serves: where the record belongs.
      const village = new Map(ids.flatMap((id) => {
        const v = (served.get(id) ?? []).find((code) => code.startsWith(regionPrefix(actor.regionCode)))
        return v ? [[id, v] as const] : []
      }))
      assertDirectorsInScope(actor, village, ids)
      const now = clock.now()
      await repo.insertTrainings(tx, ids.map((userId) => ({
        userId, regionCode: village.get(userId)!, trainedOn: new Date(`${body.trainedOn}T00:00:00Z`), course: body.course, organiser: body.organiser,
        hours: body.hours, recordedById: actor.userId, createdAt: now,
      })))
      await recordAudit(tx, ctx, { action: 'staffing.training.record', result: 'success', targetType: 'training', targetId: ids.join(',').slice(0, 400) })
      return { recorded: ids.length }
    })
  }

  /** Shares a village's children among its directors; only a director serving there now may keep a child. */
  async function assign(actor: ScopedActor, childId: string, directorUserId: string | null, ctx: AuditContext) {
    assertMayAssign(actor)
    return prisma.$transaction(async (tx) => {
      const child = await tx.child.findUnique({ where: { id: childId }, select: { villageCode: true, closedAt: true } })
      assertChildInScope(actor, child?.villageCode)
      if (child!.closedAt) throw new AppError('CHILD_CLOSED')
      if (directorUserId && !((await repo.directorVillages(tx, [directorUserId])).get(directorUserId) ?? []).includes(child!.villageCode)) {
        throw new AppError('DIRECTOR_NOT_IN_VILLAGE', undefined, { directorUserId: '只能分配给本村（社区）在任的儿童主任' })
      }
      await repo.assignDirector(tx, childId, directorUserId)
      await recordAudit(tx, ctx, { action: 'child.director.assign', result: 'success', targetType: 'child', targetId: childId })
      return { childId, directorUserId }
    })
  }

  return { staffing, trainings, recordTraining, assign }
}

