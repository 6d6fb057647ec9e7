/**
 * The director's duty: recording contacts and home visits (the ledger template's visit rows) and
 * the calendar of who is due and overdue. Recording keeps the file's last-visit dates in the same
 * transaction, so the calendar never disagrees with the visits.
 */
import type { z } from 'zod'
import {
  chinaDate, dutyRule, dutyStatus, regionLevel,
  type CreateDirectorVisitBody, type DutyCalendarQuerySchema, type HeightenedReason,
} from '@qstx/shared'
import type pg from 'pg'
import type { Db } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import type { Clock } from '../../lib/clock'
import { createShortCache } from '../../lib/short-cache'
import { assertChildInScope, assertMayRead, assertMayRecord, dutyScopeSql } from './policy'
import * as repo from './repository'

const toDate = (d: string) => new Date(`${d}T00:00:00Z`)
const fromDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)

/** How long a township's or county's calendar page is shared between desks. */
export const DUTY_CACHE_MS = 30_000

export function createDutyService({ prisma, pg, clock, cacheMs = 0 }: { prisma: Db; pg: pg.Pool; clock: Clock; cacheMs?: number }) {
  const cached = createShortCache<Awaited<ReturnType<typeof repo.dutyCalendar>>>(cacheMs)

  async function record(actor: ScopedActor, childId: string, body: CreateDirectorVisitBody) {
    const today = chinaDate(clock.now())
    if (body.visitedOn > today) throw new AppError('VALIDATION_FAILED', '走访日期不能晚于今天', { visitedOn: '走访日期不能晚于今天' })
    assertMayRecord(actor)
    return prisma.$transaction(async (tx) => {
      const child = await repo.findChildForDuty(tx, childId)
      if (!child) throw notFound()
      assertChildInScope(actor, child.villageCode)
      if (child.closedAt) throw new AppError('CHILD_CLOSED')
      if (await repo.isYearArchived(tx, childId, Number(body.visitedOn.slice(0, 4)))) throw new AppError('ARCHIVED_YEAR')
      const visit = await repo.insertVisit(tx, {
        childId, kind: body.kind, visitedOn: toDate(body.visitedOn), problems: body.problems || null,
        measures: body.measures || null, byUserId: actor.userId, createdAt: clock.now(),
      })
      await repo.advanceLastVisit(tx, childId, body.kind, visit.visitedOn)
      return { id: visit.id }
    })
  }

  async function list(actor: ScopedActor, childId: string) {
    assertMayRead(actor)
    const child = await repo.findChildForDuty(prisma, childId)
    if (!child) throw notFound()
    assertChildInScope(actor, child.villageCode)
    const rows = await repo.listVisits(prisma, childId)
    return rows.map((v) => ({
      id: v.id, kind: v.kind, visitedOn: fromDate(v.visitedOn)!, problems: v.problems, measures: v.measures,
      byName: v.by.displayName, createdAt: v.createdAt.toISOString(),
    }))
  }

  async function calendar(actor: ScopedActor, query: z.infer<typeof DutyCalendarQuerySchema>) {
    assertMayRead(actor, query.villageCode)
    const today = chinaDate(clock.now())
    const rule = dutyRule(actor.regionCode)
    const q = { region: dutyScopeSql(actor), villageCode: query.villageCode, today, rule, status: query.status }
    const offset = (query.page - 1) * query.pageSize
    const read = () => repo.dutyCalendar(pg, q, query.pageSize, offset)
    // A village is read fresh (its director just recorded a visit); a township's or county's
    // calendar is the same for every desk over it and is shared for a few seconds.
    const { rows, counts } = q.villageCode || regionLevel(actor.regionCode) === 'village'
      ? await read()
      : await cached(JSON.stringify([actor.regionCode, today, query.status, query.pageSize, offset]), read)
    return {
      items: rows.map((r) => {
        const reasons: HeightenedReason[] = [
          ...(r.special ? (['special_attention'] as const) : []),
          ...(r.highRisk ? (['high_risk'] as const) : []),
          ...(r.openReport ? (['open_report'] as const) : []),
        ]
        const status = (due: string) => dutyStatus(due, today, rule.dueSoonDays)
        return {
          childId: r.childId, name: r.name, villageCode: r.villageCode, villageName: r.villageName,
          heightenedReasons: reasons, lastContactOn: r.lastContactOn, lastHomeVisitOn: r.lastHomeVisitOn,
          nextContactOn: r.nextContactOn, nextHomeVisitOn: r.nextHomeVisitOn,
          contactStatus: status(r.nextContactOn), homeVisitStatus: status(r.nextHomeVisitOn),
        }
      }),
      total: counts.selected,
      counts: { overdue: counts.overdue, dueSoon: counts.dueSoon, heightened: counts.heightened },
      today,
    }
  }

  return { record, list, calendar }
}
