/**
 * The dashboards of coordinators, supervisors and county civil affairs (JOURNEYS: 陈姐, 赵督导,
 * 县民政): for the region asked for, and for each region one level down (county → townships →
 * villages), the children by category, how many priority children have a love parent, overdue
 * director visits, love-parent contacts gone quiet, open safeguarding reports and check-ins.
 *
 * Each figure is one grouped query over the region prefix (repository.ts), all run in parallel,
 * so a drill-down costs the same handful of queries at every level. The figures hold counts only
 * and are the same for everyone allowed to see the region, so they are kept for `cacheMs` per
 * region and day (a short, shared cache: desks refreshing the same county do not each re-count
 * 50,000 files); concurrent misses share one computation.
 */
import {
  REGION_LEVELS, STALE_AFTER_DAYS, chinaDate, coverageWindow, dutyRule, regionAncestry, regionLevel, regionPrefix,
  type Dashboard, type DashboardFigures, type RegionLevel, type WaterSafetyWindow,
} from '@qstx/shared'
import type { Db } from '../../db/prisma'
import { sql } from '../../db/sql'
import type { ScopedActor } from '../../lib/actor'
import type { Clock } from '../../lib/clock'
import { withinRegionSql } from '../../lib/policy'
import { createShortCache } from '../../lib/short-cache'
import { dutyCountsByRegion } from '../duty/repository'
import { staffingFigures } from '../staffing/repository'
import { activityFigures, careFigures } from './care'
import { confirmedCheckins } from './checkins'
import { figuresRegion, pathWithin } from './policy'
import * as repo from './repository'

/** Digits that name a region one level down (a village has no level below: its own 12). */
const CHILD_LEN: Record<RegionLevel, number> = { province: 4, city: 6, county: 9, township: 12, village: 12 }

export const dateOnly = (d: string) => new Date(`${d}T00:00:00Z`)
export const addDays = (d: string, n: number) => new Date(dateOnly(d).getTime() + n * 86_400_000).toISOString().slice(0, 10)
/** The instant a China calendar day begins (UTC+8, no daylight saving). */
export const chinaMidnight = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`))

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10)

type Figures = Omit<DashboardFigures, 'priorityPairedPct'>
const ZERO: Figures = {
  children: 0, leftBehind: 0, inDifficulty: 0, priority: 0, priorityPaired: 0, visitedThisMonth: 0, activePairings: 0, overdueVisits: 0, dueSoonVisits: 0, staleContacts: 0, openReports: 0, checkins: 0,
  entrustedOverdue: 0, entrustedFollowUps: 0, nearWater: 0, waterSafetyCovered: 0, villagesNeedingDirector: 0, directors: 0, directorsUntrained: 0,
  activities: 0, villagesWithoutSafetyVisit: 0, openConcerns: 0,
}
const withPct = (f: Figures): DashboardFigures => ({ ...f, priorityPairedPct: pct(f.priorityPaired, f.priority) })

interface Computed {
  at: Date
  /** The region and its ancestors (the drill-down's way back is cut from these per viewer). */
  ancestry: Array<{ code: string; name: string; level: RegionLevel }>
  totals: Figures
  byCode: Map<string, Figures>
  subregions: Array<{ code: string; name: string; level: RegionLevel }>
  checkinsByMonth: Dashboard['checkinsByMonth']
  water: WaterSafetyWindow | null
}

export const coverageView = (w: WaterSafetyWindow) => ({
  key: w.holiday.key, holidayKind: w.holiday.kind, label: w.label, opensOn: w.opensOn, closesOn: w.closesOn, provisional: w.holiday.provisional,
})

export function createDashboardService({ prisma, clock, cacheMs = 0 }: { prisma: Db; clock: Clock; cacheMs?: number }) {
  const cached = createShortCache<Computed>(cacheMs)

  async function compute(region: string, now: Date): Promise<Computed> {
    const today = chinaDate(now)
    const level = regionLevel(region)
    const len = CHILD_LEN[level]
    const prefix = regionPrefix(region)
    const cutoff = addDays(today, -STALE_AFTER_DAYS)
    const yearStart = chinaMidnight(`${today.slice(0, 4)}-01-01`)
    const [firstDay, lastDay] = [`${today.slice(0, 4)}-01-01`, `${today.slice(0, 4)}-12-31`]
    const water = coverageWindow(region, today)
    const [children, pairings, duty, reports, subs, checkins, ancestry, care, staffing, activities] = await Promise.all([
      repo.childFigures(prisma, prefix, len, `${today.slice(0, 7)}-01`),
      repo.pairingFigures(prisma, prefix, len, chinaMidnight(addDays(cutoff, 1)), dateOnly(cutoff)),
      dutyCountsByRegion(prisma, { region: withinRegionSql(sql`ch."villageCode"`, region), today, rule: dutyRule(region) }, len),
      repo.openReports(prisma, prefix, len),
      level === 'village' ? Promise.resolve([]) : repo.subregions(prisma, region),
      confirmedCheckins(prisma, { regionPrefix: prefix, from: yearStart, to: now }),
      repo.regionsByCode(prisma, regionAncestry(region)),
      careFigures(prisma, prefix, len, today, water),
      staffingFigures(prisma, prefix, len, firstDay, lastDay),
      activityFigures(prisma, prefix, len, firstDay, today),
    ])
    const byCode = new Map<string, Figures>()
    const at = (code: string) => byCode.get(code) ?? (byCode.set(code, { ...ZERO }), byCode.get(code)!)
    for (const r of children) Object.assign(at(r.code), { children: r.children, leftBehind: r.leftBehind, inDifficulty: r.inDifficulty, priority: r.priority, priorityPaired: r.priorityPaired, visitedThisMonth: r.visitedThisMonth })
    for (const r of pairings) Object.assign(at(r.code), { activePairings: r.active, staleContacts: r.stale })
    for (const r of duty) Object.assign(at(r.code), { overdueVisits: r.overdue, dueSoonVisits: r.dueSoon })
    for (const r of reports) at(r.code).openReports += r.open
    for (const [village, tally] of checkins.byVillage) at(village.slice(0, len)).checkins += tally.count
    for (const { code, ...r } of [...care, ...staffing, ...activities]) Object.assign(at(code), r)
    const totals = { ...ZERO }
    for (const f of byCode.values()) for (const k of Object.keys(ZERO) as Array<keyof Figures>) totals[k] += f[k]
    const months = Array.from({ length: Number(today.slice(5, 7)) }, (_, i) => `${today.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`)
    return {
      at: now,
      ancestry: ancestry.map((r) => ({ code: r.code, name: r.name, level: r.level as RegionLevel })),
      totals,
      byCode,
      subregions: subs.map((s) => ({ code: s.code, name: s.name, level: s.level as RegionLevel })),
      checkinsByMonth: months.map((month) => ({ month, ...(checkins.byMonth.get(month) ?? { count: 0, hours: 0 }) })),
      water,
    }
  }

  async function dashboard(actor: ScopedActor, q: { regionCode?: string }): Promise<Dashboard> {
    const region = figuresRegion(actor, 'dashboard.read', q.regionCode)
    const now = clock.now()
    const today = chinaDate(now)
    const c = await cached(`${region}:${today}`, () => compute(region, now))
    const len = CHILD_LEN[regionLevel(region)]
    const ref = (code: string) => c.ancestry.find((n) => n.code === code) ?? { code, name: code, level: regionLevel(code) }
    return {
      region: ref(region),
      path: pathWithin(actor, region).map(ref).sort((a, b) => REGION_LEVELS.indexOf(a.level) - REGION_LEVELS.indexOf(b.level)),
      today,
      generatedAt: c.at.toISOString(),
      totals: withPct(c.totals),
      subregions: c.subregions.map((s) => ({ ...s, figures: withPct(c.byCode.get(s.code.slice(0, len)) ?? ZERO) })),
      checkinsByMonth: c.checkinsByMonth,
      waterWindow: c.water ? coverageView(c.water) : null,
    }
  }

  return { dashboard }
}

/**
 * How long a region's figures are reused. Counting a county of 50,000 files takes two scans of the
 * children (the figures, and the duty rule over every open file) — about 0.1–0.3 s of database time
 * (test/bench) — so fifty desks refreshing the county would queue for seconds. Half a minute old is
 * fresh enough for a dashboard, and the page shows when the figures were counted (generatedAt).
 */
export const DASHBOARD_CACHE_MS = 30_000
