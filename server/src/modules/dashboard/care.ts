/**
 * Issue #17's figures for the dashboards and the annual report: entrusted care, water-safety
 * coverage of the near-water list, care activities and psychological concerns (directors' staffing
 * is staffing/repository.ts). Grouped counts over one region prefix like repository.ts, each by the
 * first `len` digits of the village code; dates are China calendar days passed as 'YYYY-MM-DD'.
 */
import { ENTRUSTED_REVIEW_INTERVAL } from '@qstx/shared'
import type { Tx } from '../../db/prisma'

const interval = (i: { days?: number; months?: number }) => `${i.months ?? 0} months ${i.days ?? 0} days`
const HAS_CARER = `c."entrustedCarer" IN ('grandparents', 'relatives_friends')`

/**
 * A water-safety talk for child `c` given between $o and $c (SQL parameter numbers): a director's
 * visit with its content, or a love parent's confirmed water-safety check-in (care/water-safety.ts).
 */
const talkBetween = (o: number, cl: number) => `(EXISTS (SELECT 1 FROM director_visits dv WHERE dv."childId" = c.id AND dv."waterSafetyContent" IS NOT NULL
                                   AND dv."visitedOn" BETWEEN $${o}::date AND $${cl}::date)
   OR EXISTS (SELECT 1 FROM pairings p JOIN checkins k ON k."pairingId" = p.id
               WHERE p."childId" = c.id AND k.status = 'confirmed' AND 'water_safety' = ANY(k."serviceTypes")
                 AND k."startedAt" >= ($${o}::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND k."startedAt" < (($${cl}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')))`

export interface CareFigureRow {
  code: string
  nearWater: number
  waterSafetyCovered: number
  entrustedOverdue: number
  entrustedFollowUps: number
  openConcerns: number
}

/** Open files per sub-region: near water and covered in [opens, closes]; entrusted care overdue on `today` or followed up; open concerns. */
export function careFigures(tx: Tx, prefix: string, len: number, today: string, water: { opensOn: string; closesOn: string } | null) {
  return tx.$queryRawUnsafe<CareFigureRow[]>(
    `SELECT left(c."villageCode", $2) AS code,
            count(*) FILTER (WHERE c."nearWater")::int AS "nearWater",
            count(*) FILTER (WHERE c."nearWater" AND $4::date IS NOT NULL AND ${talkBetween(4, 5)})::int AS "waterSafetyCovered",
            count(*) FILTER (WHERE ${HAS_CARER} AND (coalesce(c."entrustedAssessedOn", greatest(((c."createdAt" AT TIME ZONE 'Asia/Shanghai')::date),
                             coalesce(c."entrustedSince", (c."createdAt" AT TIME ZONE 'Asia/Shanghai')::date))) + $6::interval)::date < $3::date)::int AS "entrustedOverdue",
            count(*) FILTER (WHERE ${HAS_CARER} AND c."entrustedFollowUp" IS NOT NULL)::int AS "entrustedFollowUps",
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM psych_concerns k WHERE k."childId" = c.id
                                            AND NOT EXISTS (SELECT 1 FROM psych_concern_events e WHERE e."concernId" = k.id AND e.type = 'closed')))::int AS "openConcerns"
       FROM children c
      WHERE c."villageCode" LIKE $1 AND c."closedAt" IS NULL
      GROUP BY 1`,
    `${prefix}%`, len, today, water?.opensOn ?? null, water?.closesOn ?? null, interval(ENTRUSTED_REVIEW_INTERVAL),
  )
}

/** Activities held between the two days per sub-region, and villages with open files that had no safety-knowledge visit in them. */
export function activityFigures(tx: Tx, prefix: string, len: number, firstDay: string, lastDay: string) {
  return tx.$queryRawUnsafe<Array<{ code: string; activities: number; villagesWithoutSafetyVisit: number }>>(
    `WITH a AS (SELECT "villageCode", kind FROM activities WHERE "villageCode" LIKE $1 AND "heldOn" BETWEEN $3::date AND $4::date),
          v AS (SELECT DISTINCT "villageCode" FROM children WHERE "villageCode" LIKE $1 AND "closedAt" IS NULL)
     SELECT code, sum(n)::int AS activities, sum(missing)::int AS "villagesWithoutSafetyVisit" FROM (
       SELECT left("villageCode", $2) AS code, 1 AS n, 0 AS missing FROM a
       UNION ALL
       SELECT left(v."villageCode", $2), 0, CASE WHEN EXISTS (SELECT 1 FROM a WHERE a."villageCode" = v."villageCode" AND a.kind = 'safety_knowledge') THEN 0 ELSE 1 END FROM v) x
     GROUP BY code`,
    `${prefix}%`, len, firstDay, lastDay,
  )
}

// ── the annual report ──────────────────────────────────────────────────────────────────────────

/** Year window as China days, and the region prefix. */
export interface CareYear { prefix: string; firstDay: string; lastDay: string; asOf: string }

export async function yearEntrustedCare(tx: Tx, y: CareYear) {
  const [row] = await tx.$queryRawUnsafe<Array<Record<'arrangements' | 'assessed' | 'findings' | 'parentsNotified' | 'carersSupported' | 'carersChanged', number>>>(
    `WITH e AS (SELECT e.* FROM entrusted_care_events e JOIN children c ON c.id = e."childId"
                 WHERE c."villageCode" LIKE $1 AND e."occurredOn" BETWEEN $2::date AND $3::date)
     SELECT (SELECT count(*)::int FROM children c WHERE c."villageCode" LIKE $1 AND ${HAS_CARER}
               AND (c."createdAt" AT TIME ZONE 'Asia/Shanghai')::date <= $3::date AND (c."closedAt" IS NULL OR (c."closedAt" AT TIME ZONE 'Asia/Shanghai')::date >= $2::date)) AS arrangements,
            (SELECT count(DISTINCT "childId")::int FROM e WHERE type = 'assessed') AS assessed,
            (SELECT count(*)::int FROM e WHERE type = 'assessed' AND capacity <> 'capable') AS findings,
            (SELECT count(*)::int FROM e WHERE type = 'parents_notified') AS "parentsNotified",
            (SELECT count(*)::int FROM e WHERE type = 'carer_supported') AS "carersSupported",
            (SELECT count(*)::int FROM e WHERE type = 'carer_changed') AS "carersChanged"`,
    `${y.prefix}%`, y.firstDay, y.asOf,
  )
  return row!
}

/**
 * One holiday's coverage: files flagged near water (the flag as it stands; the file keeps no
 * history of it) that were open during the window, and those given the talk in it.
 */
export async function windowCoverage(tx: Tx, prefix: string, opensOn: string, closesOn: string) {
  const [row] = await tx.$queryRawUnsafe<Array<{ listed: number; covered: number }>>(
    `SELECT count(*)::int AS listed, count(*) FILTER (WHERE ${talkBetween(2, 3)})::int AS covered
       FROM children c
      WHERE c."villageCode" LIKE $1 AND c."nearWater"
        AND (c."createdAt" AT TIME ZONE 'Asia/Shanghai')::date <= $3::date AND (c."closedAt" IS NULL OR (c."closedAt" AT TIME ZONE 'Asia/Shanghai')::date >= $2::date)`,
    `${prefix}%`, opensOn, closesOn,
  )
  return row!
}

export async function yearActivities(tx: Tx, y: CareYear) {
  const [row] = await tx.$queryRawUnsafe<Array<{ byKind: Record<string, number> | null; childrenReached: number; minutes: number; villages: number; villagesWithSafetyVisit: number }>>(
    `WITH a AS (SELECT id, "villageCode", kind, "childrenReached" FROM activities WHERE "villageCode" LIKE $1 AND "heldOn" BETWEEN $2::date AND $3::date),
          v AS (SELECT DISTINCT "villageCode" FROM children c WHERE c."villageCode" LIKE $1
                  AND (c."createdAt" AT TIME ZONE 'Asia/Shanghai')::date <= $3::date AND (c."closedAt" IS NULL OR (c."closedAt" AT TIME ZONE 'Asia/Shanghai')::date >= $2::date))
     SELECT (SELECT json_object_agg(kind, n) FROM (SELECT kind, count(*)::int AS n FROM a GROUP BY kind) k) AS "byKind",
            (SELECT coalesce(sum("childrenReached"), 0)::int FROM a) AS "childrenReached",
            (SELECT coalesce(sum(s.minutes), 0)::int FROM activity_services s JOIN a ON a.id = s."activityId" WHERE s.status = 'confirmed') AS minutes,
            (SELECT count(*)::int FROM v) AS villages,
            (SELECT count(*)::int FROM v WHERE EXISTS (SELECT 1 FROM a WHERE a."villageCode" = v."villageCode" AND a.kind = 'safety_knowledge')) AS "villagesWithSafetyVisit"`,
    `${y.prefix}%`, y.firstDay, y.asOf,
  )
  return row!
}

export async function yearConcerns(tx: Tx, y: CareYear) {
  const [row] = await tx.$queryRawUnsafe<Array<{ recorded: number; children: number; referred: number; closed: number }>>(
    `WITH k AS (SELECT k.* FROM psych_concerns k JOIN children c ON c.id = k."childId" WHERE c."villageCode" LIKE $1)
     SELECT count(*) FILTER (WHERE (k."createdAt" AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date)::int AS recorded,
            count(DISTINCT k."childId") FILTER (WHERE (k."createdAt" AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date)::int AS children,
            (SELECT count(*)::int FROM psych_concern_events e JOIN k ON k.id = e."concernId" WHERE e.type = 'referred' AND e."occurredOn" BETWEEN $2::date AND $3::date) AS referred,
            (SELECT count(*)::int FROM psych_concern_events e JOIN k ON k.id = e."concernId" WHERE e.type = 'closed' AND e."occurredOn" BETWEEN $2::date AND $3::date) AS closed
       FROM k`,
    `${y.prefix}%`, y.firstDay, y.asOf,
  )
  return row!
}
