/**
 * The director's duty: recording contacts and home visits (the ledger template's visit rows) and
 * the calendar of who is due and overdue. Recording keeps the file's last-visit dates in the same
 * transaction, so the calendar never disagrees with the visits.
 */
import type { z } from 'zod'
import {
  chinaDate, dutyRule, dutyStatus, nextWaterSafetyWindow, regionLevel, waterSafetyStatus, waterSafetyWindow,
  type CreateDirectorVisitBody, type DutyCalendarQuerySchema, type HeightenedReason, type WaterSafetyWindow,
} from '@qstx/shared'
import type pg from 'pg'
import type { Db } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import type { Clock } from '../../lib/clock'
import { createShortCache } from '../../lib/short-cache'
import { assessOnVisit } from '../entrusted-care/assess'
import { assertChildInScope, assertMayRead, assertMayRecord, dutyScopeSql } from './policy'
import * as repo from './repository'

const toDate = (d: string) => new Date(`${d}T00:00:00Z`)
const fromDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)

export const windowView = (w: WaterSafetyWindow) => ({
  holidayKind: w.holiday.kind, label: w.label, opensOn: w.opensOn, dueOn: w.dueOn, closesOn: w.closesOn, provisional: w.holiday.provisional,
})

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
        measures: body.measures || null, waterSafetyContent: body.waterSafety?.content ?? null, byUserId: actor.userId, createdAt: clock.now(),
      })
      await repo.advanceLastVisit(tx, childId, body.kind, visit.visitedOn)
      if (body.waterSafety) await repo.advanceWaterSafety(tx, childId, visit.visitedOn)
      if (body.entrustedCare) await assessOnVisit(tx, actor, childId, { id: visit.id, visitedOn: body.visitedOn }, body.entrustedCare, clock.now())
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
      id: v.id, kind: v.kind, visitedOn: fromDate(v.visitedOn)!, problems: v.problems, measures: v.measures, waterSafety: v.waterSafetyContent,
      byName: v.by.displayName, createdAt: v.createdAt.toISOString(),
    }))
  }

  async function calendar(actor: ScopedActor, query: z.infer<typeof DutyCalendarQuerySchema>) {
    assertMayRead(actor, query.villageCode)
    const today = chinaDate(clock.now())
    const rule = dutyRule(actor.regionCode)
    const window = waterSafetyWindow(actor.regionCode, today)
    const q = {
      region: dutyScopeSql(actor), villageCode: query.villageCode, today, rule, status: query.status,
      directorUserId: query.mine && actor.role === 'child_director' ? actor.userId : undefined,
      water: window ? { opensOn: window.opensOn, closesOn: window.closesOn } : undefined,
    }
    const offset = (query.page - 1) * query.pageSize
    const read = () => repo.dutyCalendar(pg, q, query.pageSize, offset)
    // A village is read fresh (its director just recorded a visit); a township's or county's
    // calendar is the same for every desk over it and is shared for a few seconds.
    const { rows, counts } = q.villageCode || regionLevel(actor.regionCode) === 'village'
      ? await read()
      : await cached(JSON.stringify([actor.regionCode, today, query.status, query.mine, query.pageSize, offset]), read)
    const shown = window ?? nextWaterSafetyWindow(actor.regionCode, today)
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
          nearWater: r.nearWater, directorUserId: r.directorUserId,
          entrusted: r.entrustedDueOn ? { dueOn: r.entrustedDueOn, status: status(r.entrustedDueOn), followUp: r.entrustedFollowUp } : null,
          waterSafety: window && r.nearWater
            ? { dueOn: window.dueOn, status: waterSafetyStatus(window, r.waterSafetyOn, today, rule.dueSoonDays), lastTalkOn: r.waterSafetyOn }
            : null,
        }
      }),
      total: counts.selected,
      counts: {
        overdue: counts.overdue, dueSoon: counts.dueSoon, heightened: counts.heightened,
        entrusted: counts.entrusted, nearWater: counts.nearWater, waterPending: counts.waterPending,
      },
      waterWindow: shown ? { ...windowView(shown), current: shown === window } : null,
      today,
    }
  }

  return { record, list, calendar }
}
