import type { DirectorVisitKind } from '../../generated/prisma/client'
import type { DutyRule } from '@qstx/shared'
import type { Tx } from '../../db/prisma'
import { ENTRUSTED_REVIEW_INTERVAL } from '@qstx/shared'
import { empty, one, sql, type Queryable, type Sql } from '../../db/sql'

export function findChildForDuty(tx: Tx, id: string) {
  return tx.child.findUnique({ where: { id }, select: { id: true, villageCode: true, closedAt: true, lastContactOn: true, lastHomeVisitOn: true } })
}

export function insertVisit(tx: Tx, data: {
  childId: string; kind: DirectorVisitKind; visitedOn: Date; problems: string | null; measures: string | null; waterSafetyContent: string | null; byUserId: string; createdAt: Date
}) {
  return tx.directorVisit.create({ data })
}

/** The file's latest water-safety talk (a visit's, or a confirmed check-in's): only ever forward. */
export async function advanceWaterSafety(tx: Tx, childId: string, on: Date) {
  await tx.child.updateMany({ where: { id: childId, OR: [{ waterSafetyOn: null }, { waterSafetyOn: { lt: on } }] }, data: { waterSafetyOn: on } })
}

/** Keeps the latest contact / home visit on the file; an older visit entered late never moves it back. */
export async function advanceLastVisit(tx: Tx, childId: string, kind: DirectorVisitKind, visitedOn: Date) {
  const column = kind === 'home_visit' ? 'lastHomeVisitOn' : 'lastContactOn'
  await tx.child.updateMany({
    where: { id: childId, OR: [{ [column]: null }, { [column]: { lt: visitedOn } }] },
    data: { [column]: visitedOn },
  })
}

export function listVisits(tx: Tx, childId: string) {
  return tx.directorVisit.findMany({ where: { childId }, orderBy: [{ visitedOn: 'desc' }, { createdAt: 'desc' }], include: { by: { select: { displayName: true } } } })
}

export function isYearArchived(tx: Tx, childId: string, year: number) {
  return tx.childYearRecord.count({ where: { childId, year, archivedAt: { not: null } } }).then((n) => n > 0)
}

export interface DutySqlRow {
  childId: string
  name: string
  villageCode: string
  lastContactOn: string | null
  lastHomeVisitOn: string | null
  nextContactOn: string
  nextHomeVisitOn: string
  special: boolean
  highRisk: boolean
  openReport: boolean
  nearWater: boolean
  waterSafetyOn: string | null
  directorUserId: string | null
  /** Null unless the child has a carer to assess (care/entrusted.ts). */
  entrustedDueOn: string | null
  entrustedFollowUp: 'notify_parents' | 'resolve' | null
}

export interface DutyQuery {
  /** Which files: the region condition on the children table, aliased `ch` (from policy). */
  region: Sql
  villageCode?: string
  today: string
  rule: DutyRule
  status?: 'overdue' | 'due_soon' | 'attention' | 'entrusted' | 'water'
  /** A director's own children: assigned to this user, or to nobody. */
  directorUserId?: string
  /** The water-safety window in force (care/water-safety.ts), if any: a talk on or after `opensOn` counts. */
  water?: { opensOn: string; closesOn: string }
}

const interval = (i: { days?: number; months?: number }) => `${i.months ?? 0} months ${i.days ?? 0} days`

/**
 * The duty calendar's rows: the same rules as shared dutyOf() (PostgreSQL's date + interval clamps
 * month ends exactly as addInterval does — a test holds the two together), over open files.
 * Costs per row matter at 50,000 files: the filing date is UTC + 8 hours (China has kept no
 * daylight saving since 1991; a time-zone lookup per row doubled the scan), and open reports are
 * one hashed join, not a sub-query per row. The partial index children_duty_idx covers every
 * column read, so a county is an index-only scan.
 */
function dutyRows(q: Omit<DutyQuery, 'status'>): Sql {
  const { rule } = q
  return sql`WITH c AS (
    SELECT ch.id, ch.name, ch."villageCode", ch."lastContactOn", ch."lastHomeVisitOn",
           ((ch."createdAt" AT TIME ZONE 'UTC') + interval '8 hours')::date AS filed,
           cardinality(ch."specialAttention") > 0 AS special,
           coalesce(ch."riskLevel"::text IN ('high', 'critical'), false) AS high_risk,
           o."childId" IS NOT NULL AS open_report,
           ch."nearWater" AS near_water, ch."waterSafetyOn" AS water_on, ch."directorUserId",
           coalesce(ch."entrustedCarer"::text IN ('grandparents', 'relatives_friends'), false) AS has_carer,
           ch."entrustedSince" AS carer_since, ch."entrustedAssessedOn" AS assessed_on, ch."entrustedFollowUp"::text AS follow_up
      FROM children ch
      LEFT JOIN (SELECT DISTINCT r."childId" FROM safeguarding_reports r
                  WHERE r."childId" IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM safeguarding_events e WHERE e."reportId" = r.id AND e.type = 'closed')) o ON o."childId" = ch.id
     WHERE ${q.region} AND ch."closedAt" IS NULL ${q.villageCode ? sql`AND ch."villageCode" = ${q.villageCode}` : empty}
       ${q.directorUserId ? sql`AND (ch."directorUserId" = ${q.directorUserId}::uuid OR ch."directorUserId" IS NULL)` : empty}
  ), d AS (
    SELECT c.*, (special OR high_risk OR open_report) AS heightened,
           -- The entrusted carer's yearly re-assessment (shared entrustedReviewDue): from the last one, or a year after the arrangement began or the file was filed.
           CASE WHEN has_carer THEN (coalesce(assessed_on, greatest(filed, coalesce(carer_since, filed))) + ${interval(ENTRUSTED_REVIEW_INTERVAL)}::interval)::date END AS entrusted_due,
           ${q.water ? sql`near_water AND NOT coalesce(water_on BETWEEN ${q.water.opensOn}::date AND ${q.water.closesOn}::date, false)` : sql`false`} AS water_pending,
           (coalesce(greatest("lastContactOn", "lastHomeVisitOn"), filed)
             + CASE WHEN special OR high_risk OR open_report THEN ${interval(rule.heightenedContact)}::interval ELSE ${interval(rule.contact)}::interval END)::date AS next_contact,
           (coalesce("lastHomeVisitOn", filed)
             + CASE WHEN special OR high_risk OR open_report THEN ${interval(rule.heightenedHomeVisit)}::interval ELSE ${interval(rule.homeVisit)}::interval END)::date AS next_home
      FROM c
  )
  SELECT d.*, least(next_contact, next_home) < ${q.today}::date AS is_overdue,
         least(next_contact, next_home) <= (${q.today}::date + ${interval({ days: rule.dueSoonDays })}::interval)::date AS is_due,
         has_carer AND (follow_up IS NOT NULL OR entrusted_due <= (${q.today}::date + ${interval({ days: rule.dueSoonDays })}::interval)::date) AS entrusted_attention
    FROM d`
}

/** The status filter as a condition on dutyRows' flags. */
const SELECTED: Record<NonNullable<DutyQuery['status']> | 'all', Sql> = {
  all: sql`true`,
  overdue: sql`is_overdue`,
  due_soon: sql`is_due AND NOT is_overdue`,
  attention: sql`heightened`,
  entrusted: sql`entrusted_attention`,
  water: sql`near_water`,
}
/**
 * The page's order, over the rows (LIMIT) and over the page's JSON alike: soonest contact or visit
 * first; the entrusted list with open follow-ups first, then by its due date; the near-water list
 * with this holiday's talks still to give first.
 */
const ORDERS = {
  all: { rows: sql`least(next_contact, next_home), name, id`, page: sql`p.due, p.name, p."childId"` },
  entrusted: { rows: sql`follow_up IS NULL, entrusted_due, name, id`, page: sql`p.follow_up IS NULL, p.entrusted_due, p.name, p."childId"` },
  water: { rows: sql`water_pending DESC, name, id`, page: sql`p.water_pending DESC, p.name, p."childId"` },
}
const orderOf = (q: DutyQuery) => (q.status === 'entrusted' || q.status === 'water' ? ORDERS[q.status] : ORDERS.all)
const selected = (q: DutyQuery) => SELECTED[q.status ?? 'all']

export interface DutyCounts { all: number; overdue: number; dueSoon: number; heightened: number; entrusted: number; nearWater: number; waterPending: number; selected: number }
export type DutyPageRow = DutySqlRow & { villageName: string }

/**
 * One page of the calendar, its counts and the villages' names, in one statement: a single pass
 * over the files (materialized once). Planned for each request's values (db/sql.ts): a village
 * and a county of 50,000 files want different plans.
 */
export async function dutyCalendar(db: Queryable, q: DutyQuery, limit: number, offset: number): Promise<{ rows: DutyPageRow[]; counts: DutyCounts }> {
  const out = await one<{ rows: DutyPageRow[]; counts: DutyCounts }>(db, sql`
    WITH s AS MATERIALIZED (${dutyRows(q)})
     SELECT (SELECT json_build_object('all', count(*), 'overdue', count(*) FILTER (WHERE is_overdue),
                                      'dueSoon', count(*) FILTER (WHERE is_due AND NOT is_overdue),
                                      'heightened', count(*) FILTER (WHERE heightened),
                                      'entrusted', count(*) FILTER (WHERE entrusted_attention),
                                      'nearWater', count(*) FILTER (WHERE near_water),
                                      'waterPending', count(*) FILTER (WHERE water_pending),
                                      'selected', count(*) FILTER (WHERE ${selected(q)}))
               FROM s) AS counts,
            -- The village names are looked up for the page's rows only, after LIMIT and OFFSET.
            (SELECT coalesce(json_agg(to_jsonb(p) - 'due' - 'entrusted_due' - 'follow_up' - 'water_pending'
                                      || jsonb_build_object('villageName', coalesce(r.name, p."villageCode")) ORDER BY ${orderOf(q).page}), '[]'::json) FROM (
               SELECT id AS "childId", name, "villageCode", "lastContactOn"::text AS "lastContactOn", "lastHomeVisitOn"::text AS "lastHomeVisitOn",
                      next_contact::text AS "nextContactOn", next_home::text AS "nextHomeVisitOn",
                      special, high_risk AS "highRisk", open_report AS "openReport", least(next_contact, next_home) AS due,
                      near_water AS "nearWater", water_on::text AS "waterSafetyOn", "directorUserId",
                      entrusted_due::text AS "entrustedDueOn", follow_up AS "entrustedFollowUp", entrusted_due, follow_up, water_pending
                 FROM s WHERE ${selected(q)}
                ORDER BY ${orderOf(q).rows}
                LIMIT ${limit} OFFSET ${offset}) p LEFT JOIN regions r ON r.code = p."villageCode") AS rows`, { prepared: false })
  return out!
}

export async function dutyCounts(tx: Tx, q: DutyQuery) {
  const [row] = await tx.$queryRaw<DutyCounts[]>`
    WITH s AS (${dutyRows(q)})
     SELECT count(*)::int AS all,
            count(*) FILTER (WHERE is_overdue)::int AS overdue,
            count(*) FILTER (WHERE is_due AND NOT is_overdue)::int AS "dueSoon",
            count(*) FILTER (WHERE heightened)::int AS heightened,
            count(*) FILTER (WHERE ${selected(q)})::int AS selected
       FROM s`
  return row!
}

/**
 * dutyCounts per sub-region, for the dashboards' drill-down (issue #10): the same rows, grouped by
 * the first `groupLength` digits of the village code (9: per township, 12: per village).
 */
export function dutyCountsByRegion(tx: Tx, q: Omit<DutyQuery, 'status' | 'villageCode'>, groupLength: number) {
  return tx.$queryRaw<Array<{ code: string; overdue: number; dueSoon: number }>>`
    WITH s AS (${dutyRows(q)})
     SELECT left("villageCode", ${groupLength}::int) AS code,
            count(*) FILTER (WHERE is_overdue)::int AS overdue,
            count(*) FILTER (WHERE is_due AND NOT is_overdue)::int AS "dueSoon"
       FROM s GROUP BY 1`
}
