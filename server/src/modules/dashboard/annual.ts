/**
 * 工作进展情况 — the annual progress report a county sends up by 1 December (Guangxi) or
 * 5 December (Shanxi), from the system's own figures: children by category, priority children
 * covered by a love parent, director visits done against what the duty rule asked for, love-parent
 * check-ins and platform-recorded hours (the check-ins seam), safeguarding reports received and
 * closed, volunteers by kind. The same figures feed the page (JSON) and the XLSX.
 */
import {
  VOLUNTEER_KINDS, chinaDate, chinaYear, dutyRule, hoursOf, regionLevel, regionPrefix, reportingDeadline,
  type AnnualReport, type AnnualReportQuery, type RegionLevel, type VolunteerKind,
} from '@qstx/shared'
import type { Db } from '../../db/prisma'
import { sql } from '../../db/sql'
import type { ScopedActor } from '../../lib/actor'
import { AppError } from '../../lib/app-error'
import type { Clock } from '../../lib/clock'
import { withinRegionSql } from '../../lib/policy'
import { dutyCounts } from '../duty/repository'
import { annualCare } from './annual-care'
import { confirmedCheckins } from './checkins'
import { figuresRegion } from './policy'
import * as repo from './repository'
import { addDays, chinaMidnight, dateOnly } from './service'

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10)

export function createAnnualReportService({ prisma, clock }: { prisma: Db; clock: Clock }) {
  async function annual(actor: ScopedActor, q: AnnualReportQuery): Promise<AnnualReport> {
    const region = figuresRegion(actor, 'report.annual', q.regionCode)
    const now = clock.now()
    const today = chinaDate(now)
    const year = q.year ?? chinaYear(now)
    if (year > chinaYear(now)) throw new AppError('VALIDATION_FAILED', '不能统计尚未到来的年度', { year: '不能统计尚未到来的年度' })
    const prefix = regionPrefix(region)
    const lastDay = `${year}-12-31`
    const asOf = lastDay < today ? lastDay : today
    const w: repo.YearWindow = {
      prefix, year, start: chinaMidnight(`${year}-01-01`), end: chinaMidnight(`${year + 1}-01-01`), firstDay: dateOnly(`${year}-01-01`), asOf: dateOnly(asOf),
    }
    const rule = dutyRule(region)
    const [children, pairings, safeguarding, volunteers, checkins, duty, regions, care] = await Promise.all([
      repo.yearChildren(prisma, w, rule),
      repo.yearPairings(prisma, w, chinaMidnight(addDays(asOf, 1))),
      repo.yearSafeguarding(prisma, w),
      repo.yearVolunteers(prisma, w),
      confirmedCheckins(prisma, { regionPrefix: prefix, from: w.start, to: w.end < now ? w.end : now }),
      dutyCounts(prisma, { region: withinRegionSql(sql`ch."villageCode"`, region), today, rule }),
      repo.regionsByCode(prisma, [region]),
      annualCare(prisma, region, { prefix, firstDay: `${year}-01-01`, lastDay, asOf }),
    ])
    const { activityMinutes, ...careSections } = care
    const byKind = Object.fromEntries(VOLUNTEER_KINDS.map((k) => [k, 0])) as Record<VolunteerKind, number>
    for (const r of volunteers.byKind) if (r.kind && r.kind in byKind) byKind[r.kind as VolunteerKind] = r.n
    return {
      region: { code: region, name: regions[0]?.name ?? region, level: (regions[0]?.level ?? regionLevel(region)) as RegionLevel },
      year,
      asOf,
      deadline: reportingDeadline(region, year),
      children: {
        total: children.total!, leftBehind: children.leftBehind!, inDifficulty: children.inDifficulty!,
        difficultyPoverty: children.difficultyPoverty!, difficultyDisability: children.difficultyDisability!, difficultyGuardianship: children.difficultyGuardianship!,
        singleParent: children.singleParent!, priority: children.priority!,
      },
      pairings: {
        priorityCovered: children.priorityCovered!,
        priorityCoveredPct: pct(children.priorityCovered!, children.priority!),
        started: pairings.started, ended: pairings.ended, activeAtEnd: pairings.activeAtEnd,
      },
      directorVisits: {
        homeVisits: { done: children.homeDone ?? 0, due: children.homeDue! },
        contacts: { done: children.contactsDone ?? 0, due: children.contactsDue! },
        overdueNow: duty.overdue,
      },
      checkins: { confirmed: checkins.total.count, hours: checkins.total.hours },
      safeguarding,
      volunteers: { total: Object.values(byKind).reduce((a, b) => a + b, 0), approvedInYear: volunteers.approvedInYear, byKind },
      // Check-ins and confirmed service at activities: the platform's record of all hours served.
      platformHours: Math.round((checkins.total.hours + hoursOf(activityMinutes)) * 10) / 10,
      ...careSections,
    }
  }

  return { annual }
}
