/**
 * The dashboard's and the annual report's figures: grouped counts over one region prefix, each
 * grouped by the first `len` digits of the village (or report) code so one query answers every
 * sub-region of the drill-down at once. Children and pairings are scanned through the
 * `…_pattern_idx` prefix indexes; nothing here returns a person.
 */
import type { Tx } from '../../db/prisma'

export interface ChildFigureRow {
  code: string
  children: number
  leftBehind: number
  inDifficulty: number
  priority: number
  priorityPaired: number
  visitedThisMonth: number
}

/** `monthStart`: the first day of this month (China calendar) — a director's visit or contact, or a confirmed love-parent check-in, since then. */
export function childFigures(tx: Tx, prefix: string, len: number, monthStart: string) {
  return tx.$queryRawUnsafe<ChildFigureRow[]>(
    `SELECT left(c."villageCode", $2) AS code,
            count(*)::int AS children,
            count(*) FILTER (WHERE 'left_behind'::"ChildCategory" = ANY(c.categories))::int AS "leftBehind",
            count(*) FILTER (WHERE 'in_difficulty'::"ChildCategory" = ANY(c.categories))::int AS "inDifficulty",
            count(*) FILTER (WHERE cardinality(c."priorityReasons") > 0)::int AS priority,
            count(*) FILTER (WHERE cardinality(c."priorityReasons") > 0 AND p."childId" IS NOT NULL)::int AS "priorityPaired",
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM director_visits dv WHERE dv."childId" = c.id AND dv."visitedOn" >= $3::date)
                                OR EXISTS (SELECT 1 FROM checkins k JOIN pairings kp ON kp.id = k."pairingId"
                                            WHERE kp."childId" = c.id AND k.status = 'confirmed' AND k."startedAt" >= ($3::date::timestamp AT TIME ZONE 'Asia/Shanghai')))::int AS "visitedThisMonth"
       FROM children c
       LEFT JOIN (SELECT DISTINCT "childId" FROM pairings WHERE "villageCode" LIKE $1 AND state IN ('active', 'paused')) p ON p."childId" = c.id
      WHERE c."villageCode" LIKE $1 AND c."closedAt" IS NULL
      GROUP BY 1`,
    `${prefix}%`, len, monthStart,
  )
}

/**
 * Active pairings and the stale ones among them — the same rule as pairings/views.ts staleWhere:
 * the last confirmed contact before `contactCutoff` (an instant), or none and started by `startCutoff`.
 */
export function pairingFigures(tx: Tx, prefix: string, len: number, contactCutoff: Date, startCutoff: Date) {
  return tx.$queryRawUnsafe<Array<{ code: string; active: number; stale: number }>>(
    `SELECT left("villageCode", $2) AS code,
            count(*)::int AS active,
            count(*) FILTER (WHERE "lastConfirmedContactAt" < $3 OR ("lastConfirmedContactAt" IS NULL AND "startDate" <= $4))::int AS stale
       FROM pairings
      WHERE "villageCode" LIKE $1 AND state = 'active'
      GROUP BY 1`,
    `${prefix}%`, len, contactCutoff, startCutoff,
  )
}

/** Reports without a `closed` event, by where they happened (a village or a township). */
export function openReports(tx: Tx, prefix: string, len: number) {
  return tx.$queryRawUnsafe<Array<{ code: string; open: number }>>(
    `SELECT left(r."regionCode", $2) AS code, count(*)::int AS open
       FROM safeguarding_reports r
      WHERE r."regionCode" LIKE $1
        AND NOT EXISTS (SELECT 1 FROM safeguarding_events e WHERE e."reportId" = r.id AND e.type = 'closed')
      GROUP BY 1`,
    `${prefix}%`, len,
  )
}

export function subregions(tx: Tx, parentCode: string) {
  return tx.region.findMany({ where: { parentCode }, select: { code: true, name: true, level: true }, orderBy: { code: 'asc' } })
}

export function regionsByCode(tx: Tx, codes: string[]) {
  return tx.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true, level: true } })
}

// ── the annual report ──────────────────────────────────────────────────────────────────────────

export interface YearWindow {
  prefix: string
  year: number
  /** First instant of the year and of the next one, in China. */
  start: Date
  end: Date
  firstDay: Date
  /** The last day counted: 31 December, or today while the year lasts. */
  asOf: Date
}

const interval = (i: { days?: number; months?: number }) => `${i.months ?? 0} months ${i.days ?? 0} days`

/**
 * The year's files (open at some time of it) with their duty over the year: how many contacts and
 * home visits the duty rule asked for in the days each file was open (shared/duty/rules.ts: monthly
 * and quarterly, every two weeks and monthly for heightened files), and how many were recorded.
 * "Asked for" counts whole intervals: a file open for 2½ months owed 2 contacts and no home visit yet.
 */
export async function yearChildren(tx: Tx, w: YearWindow, rule: { contact: object; homeVisit: object; heightenedContact: object; heightenedHomeVisit: object }) {
  const [row] = await tx.$queryRawUnsafe<Array<Record<string, number>>>(
    `WITH c AS (
       SELECT ch.id, ch.categories, ch."difficultyKinds", ch."singleParentFamily", ch."priorityReasons",
              (cardinality(ch."specialAttention") > 0 OR coalesce(ch."riskLevel"::text IN ('high', 'critical'), false)) AS heightened,
              greatest($4::date, (ch."createdAt" AT TIME ZONE 'Asia/Shanghai')::date) AS opened,
              least($5::date, coalesce((ch."closedAt" AT TIME ZONE 'Asia/Shanghai')::date, $5::date)) AS closed
         FROM children ch
        WHERE ch."villageCode" LIKE $1 AND ch."createdAt" < $3 AND (ch."closedAt" IS NULL OR ch."closedAt" >= $2)
     ), d AS (
       SELECT c.*,
              (SELECT count(*) FROM generate_series(opened + CASE WHEN heightened THEN $7::interval ELSE $6::interval END, closed::timestamp,
                                                    CASE WHEN heightened THEN $7::interval ELSE $6::interval END) g)::int AS contacts_due,
              (SELECT count(*) FROM generate_series(opened + CASE WHEN heightened THEN $9::interval ELSE $8::interval END, closed::timestamp,
                                                    CASE WHEN heightened THEN $9::interval ELSE $8::interval END) g)::int AS home_due
         FROM c
     ), v AS (
       SELECT count(*)::int AS contacts, count(*) FILTER (WHERE kind = 'home_visit')::int AS home
         FROM director_visits dv JOIN c ON c.id = dv."childId"
        WHERE dv."visitedOn" BETWEEN $4::date AND $5::date
     ), p AS (
       SELECT DISTINCT "childId" FROM pairings
        WHERE "villageCode" LIKE $1 AND state IN ('active', 'paused', 'ended') AND "startDate" <= $5::date
          AND ("endedAt" IS NULL OR "endedAt" >= $2)
     )
     SELECT count(*)::int AS total,
            count(*) FILTER (WHERE 'left_behind'::"ChildCategory" = ANY(categories))::int AS "leftBehind",
            count(*) FILTER (WHERE 'in_difficulty'::"ChildCategory" = ANY(categories))::int AS "inDifficulty",
            count(*) FILTER (WHERE 'poverty'::"ChildDifficultyKind" = ANY("difficultyKinds"))::int AS "difficultyPoverty",
            count(*) FILTER (WHERE 'disability'::"ChildDifficultyKind" = ANY("difficultyKinds"))::int AS "difficultyDisability",
            count(*) FILTER (WHERE 'guardianship'::"ChildDifficultyKind" = ANY("difficultyKinds"))::int AS "difficultyGuardianship",
            count(*) FILTER (WHERE "singleParentFamily" <> 'no')::int AS "singleParent",
            count(*) FILTER (WHERE cardinality("priorityReasons") > 0)::int AS priority,
            count(*) FILTER (WHERE cardinality("priorityReasons") > 0 AND id IN (SELECT "childId" FROM p))::int AS "priorityCovered",
            coalesce(sum(contacts_due), 0)::int AS "contactsDue",
            coalesce(sum(home_due), 0)::int AS "homeDue",
            (SELECT contacts FROM v) AS "contactsDone",
            (SELECT home FROM v) AS "homeDone"
       FROM d`,
    `${w.prefix}%`, w.start, w.end, w.firstDay, w.asOf,
    interval(rule.contact), interval(rule.heightenedContact), interval(rule.homeVisit), interval(rule.heightenedHomeVisit),
  )
  return row!
}

export async function yearPairings(tx: Tx, w: YearWindow, asOfEnd: Date) {
  const [row] = await tx.$queryRawUnsafe<Array<{ started: number; ended: number; activeAtEnd: number }>>(
    `SELECT count(*) FILTER (WHERE "startDate" BETWEEN $4::date AND $5::date)::int AS started,
            count(*) FILTER (WHERE "endedAt" >= $2 AND "endedAt" < $3)::int AS ended,
            count(*) FILTER (WHERE "startDate" <= $5::date AND ("endedAt" IS NULL OR "endedAt" >= $6) AND state IN ('active', 'paused', 'ended'))::int AS "activeAtEnd"
       FROM pairings
      WHERE "villageCode" LIKE $1 AND "startDate" IS NOT NULL`,
    `${w.prefix}%`, w.start, w.end, w.firstDay, w.asOf, asOfEnd,
  )
  return row!
}

export async function yearSafeguarding(tx: Tx, w: YearWindow) {
  const [row] = await tx.$queryRawUnsafe<Array<{ received: number; closed: number; openNow: number }>>(
    `SELECT count(*) FILTER (WHERE r."createdAt" >= $2 AND r."createdAt" < $3)::int AS received,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM safeguarding_events e WHERE e."reportId" = r.id AND e.type = 'closed' AND e.at >= $2 AND e.at < $3))::int AS closed,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM safeguarding_events e WHERE e."reportId" = r.id AND e.type = 'closed'))::int AS "openNow"
       FROM safeguarding_reports r
      WHERE r."regionCode" LIKE $1`,
    `${w.prefix}%`, w.start, w.end,
  )
  return row!
}

/** Approved volunteers serving inside the region, by kind; and how many were approved during the year. */
export async function yearVolunteers(tx: Tx, w: YearWindow) {
  const [byKind, approved] = await Promise.all([
    tx.$queryRawUnsafe<Array<{ kind: string | null; n: number }>>(
      `SELECT kind::text AS kind, count(*)::int AS n FROM volunteers WHERE "serviceRegionCode" LIKE $1 AND status = 'approved' GROUP BY 1`,
      `${w.prefix}%`,
    ),
    tx.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(DISTINCT e."volunteerId")::int AS n
         FROM volunteer_events e JOIN volunteers v ON v.id = e."volunteerId"
        WHERE v."serviceRegionCode" LIKE $1 AND e."toStatus" = 'approved' AND e.at >= $2 AND e.at < $3`,
      `${w.prefix}%`, w.start, w.end,
    ),
  ])
  return { byKind, approvedInYear: approved[0]?.n ?? 0 }
}
