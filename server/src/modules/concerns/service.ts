/**
 * Psychological concerns (shared/care/concerns.ts): recorded by the director or the paired love
 * parent — with the file's special-attention flag `psych_behaviour` set in the same transaction,
 * so the duty calendar tightens the cadence at once — and handled by the director: guardians told,
 * referral, outcome, closing (where the director says whether the flag stays).
 */
import { CONCERN_PAGE, chinaDate, type ConcernEventBody, type CreateConcernBody } from '@qstx/shared'
import type pg from 'pg'
import type { Db } from '../../db/prisma'
import { sql } from '../../db/sql'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import { notify } from '../../lib/notify'
import { scopeSql } from '../../lib/policy'
import { insertHistory } from '../children/repository'
import { assertInScope, assertMayHandle, assertMayRead, assertMayRecord, assertMayRecordFor } from './policy'
import * as repo from './repository'

const toDate = (d: string) => new Date(`${d}T00:00:00Z`)

export function createConcernService({ prisma, pg, clock }: { prisma: Db; pg: pg.Pool; clock: Clock }) {
  const notLater = (on: string, field: string) => {
    if (on > chinaDate(clock.now())) throw new AppError('VALIDATION_FAILED', '日期不能晚于今天', { [field]: '日期不能晚于今天' })
  }

  async function record(actor: ScopedActor, childId: string, body: CreateConcernBody, ctx: AuditContext) {
    assertMayRecord(actor)
    notLater(body.noticedOn, 'noticedOn')
    return prisma.$transaction(async (tx) => {
      const child = await repo.lockChild(tx, childId, actor.userId)
      assertMayRecordFor(actor, child)
      if (child!.closedAt) throw new AppError('CHILD_CLOSED')
      const now = clock.now()
      const raise = !child!.specialAttention.includes('psych_behaviour')
      const { id } = await repo.insertConcern(tx, {
        childId, signs: body.signs, noticedOn: toDate(body.noticedOn), description: body.description, recordedById: actor.userId,
        recordedRole: actor.role, attentionRaised: raise, createdAt: now,
      })
      if (raise) {
        const after = [...child!.specialAttention, 'psych_behaviour' as const]
        await repo.setAttention(tx, childId, after, now)
        await insertHistory(tx, [{
          childId, at: now, kind: 'updated', actorUserId: actor.userId, actorName: actor.displayName,
          changes: [{ field: 'specialAttention', from: child!.specialAttention, to: after }], note: '记录心理或行为关注，加大走访频次',
        }])
      }
      if (actor.role === 'volunteer') {
        for (const d of await repo.villageDirectors(tx, child!.villageCode)) {
          await notify(tx, { recipientUserId: d.userId, kind: 'concern.recorded', title: '爱心家长记录了儿童的心理或行为变化', body: '请尽快查看并跟进', page: `${CONCERN_PAGE}?childId=${childId}` })
        }
      }
      await recordAudit(tx, ctx, { action: 'concern.create', result: 'success', targetType: 'child', targetId: childId })
      return { id, attentionRaised: raise }
    })
  }

  async function list(actor: ScopedActor, childId: string, ctx: AuditContext) {
    assertMayRead(actor)
    const row = await repo.readConcerns(pg, {
      childId, where: scopeSql(actor, sql`ch."villageCode"`), audit: [ctx, { action: 'child.read_concerns', result: 'success', targetType: 'child', targetId: childId }],
    })
    if (!row) throw notFound()
    return {
      childId: row.childId, name: row.name, specialAttention: row.specialAttention,
      items: row.items.map((k) => ({
        ...k, signs: k.signs as never,
        status: k.events.some((e) => e.type === 'closed') ? ('closed' as const) : k.events.some((e) => e.type === 'referred') ? ('referred' as const) : ('open' as const),
        events: k.events.map((e) => ({ ...e, referredTo: e.referredTo as never })),
      })),
    }
  }

  async function addEvent(actor: ScopedActor, concernId: string, body: ConcernEventBody, ctx: AuditContext) {
    assertMayHandle(actor)
    notLater(body.on, 'on')
    return prisma.$transaction(async (tx) => {
      const head = await repo.concernHead(tx, concernId)
      assertInScope(actor, head?.child.villageCode)
      const child = (await repo.lockChild(tx, head!.childId, actor.userId))!
      if (head!.events.length) throw new AppError('CONCERN_CLOSED')
      const now = clock.now()
      const { id } = await repo.insertEvent(tx, {
        concernId, type: body.type, occurredOn: toDate(body.on), referredTo: body.type === 'referred' ? body.referredTo! : null, note: body.note, byUserId: actor.userId, createdAt: now,
      })
      // Closing without keeping the flag clears it, unless another concern about the child is still open.
      if (body.type === 'closed' && body.keepAttention === false && child.specialAttention.includes('psych_behaviour') && !(await repo.otherOpenConcerns(tx, head!.childId, concernId))) {
        const after = child.specialAttention.filter((a) => a !== 'psych_behaviour')
        await repo.setAttention(tx, head!.childId, after, now)
        await insertHistory(tx, [{
          childId: head!.childId, at: now, kind: 'updated', actorUserId: actor.userId, actorName: actor.displayName,
          changes: [{ field: 'specialAttention', from: child.specialAttention, to: after }], note: '心理或行为关注结束',
        }])
      }
      await recordAudit(tx, ctx, { action: `concern.${body.type}`, result: 'success', targetType: 'concern', targetId: concernId })
      return { id }
    })
  }

  return { record, list, addEvent }
}
