/**
 * Issue #17's sections of the annual progress report: entrusted care checked and followed up, the
 * near-water list's coverage before each holiday of the year, directors trained this year (每年
 * 培训全覆盖) and villages still needing a director, care activities, psychological concerns.
 */
import { ACTIVITY_KINDS, hoursOf, staffingFlag, windowsOfYear, type ActivityKind, type AnnualReport } from '@qstx/shared'
import type { Db } from '../../db/prisma'
import { directors, villages } from '../staffing/repository'
import { windowCoverage, yearActivities, yearConcerns, yearEntrustedCare, type CareYear } from './care'
import { coverageView } from './service'

type CareSections = Pick<AnnualReport, 'entrustedCare' | 'waterSafety' | 'directors' | 'activities' | 'concerns'>

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10)

/** The sections, and the activities' confirmed volunteer minutes (the report adds them to platform hours). */
export async function annualCare(prisma: Db, region: string, y: CareYear): Promise<CareSections & { activityMinutes: number }> {
  const year = Number(y.firstDay.slice(0, 4))
  // Holidays of the year whose water-safety window has opened by the report's date.
  const windows = windowsOfYear(region, year).filter((w) => w.opensOn <= y.asOf)
  const [entrusted, coverage, dirs, vills, acts, concerns] = await Promise.all([
    yearEntrustedCare(prisma, y),
    Promise.all(windows.map((w) => windowCoverage(prisma, y.prefix, w.opensOn, w.closesOn < y.asOf ? w.closesOn : y.asOf))),
    directors(prisma, y.prefix, y.firstDay, y.lastDay),
    villages(prisma, y.prefix),
    yearActivities(prisma, y),
    yearConcerns(prisma, y),
  ])
  const byKind = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, acts.byKind?.[k] ?? 0])) as Record<ActivityKind, number>
  const trained = dirs.filter((d) => d.trainedThisYear).length
  return {
    entrustedCare: entrusted,
    waterSafety: { windows: windows.map((w, i) => ({ ...coverageView(w), ...coverage[i]! })) },
    directors: {
      total: dirs.length, trained, trainedPct: pct(trained, dirs.length),
      villagesNeedingDirector: vills.filter((v) => staffingFlag(v.children, v.directors) !== null).length,
    },
    activities: {
      total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind, childrenReached: acts.childrenReached, volunteerHours: hoursOf(acts.minutes),
      villages: acts.villages, villagesWithSafetyVisit: acts.villagesWithSafetyVisit,
    },
    concerns,
    activityMinutes: acts.minutes,
  }
}
