/**
 * Matching in SQL: the county's approved volunteers with free capacity, ranked by the weights of
 * shared MATCH_WEIGHTS (the same rules as explainMatch, which words the reasons for the few rows
 * returned). Ranking 5,000 volunteers in PostgreSQL returns ten rows; ranking them in Node would
 * first ship all 5,000 across.
 */
import { LIVE_PAIRING_STATES, MATCH_WEIGHTS as W } from '@qstx/shared'
import { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'

export interface CandidateQuery {
  childId: string
  villageCode: string
  needSkills: string[]
  interestSkills: string[]
  /** The coordinator's reach (policy.reachParams). */
  reach: { prefix: string; ancestors: string[] }
  limit: number
}

export interface CandidateRow {
  id: string
  realName: string | null
  kind: string | null
  serviceRegionCode: string
  skills: string[]
  contactModes: string[]
  capacity: number
  teamId: string | null
  teamName: string | null
  live: number
  score: number
}

const LIVE = Prisma.join(LIVE_PAIRING_STATES.map((s) => Prisma.sql`${s}::"PairingState"`))

export function candidateSql(q: CandidateQuery): Prisma.Sql {
  const township = q.villageCode.slice(0, 9)
  const county = q.villageCode.slice(0, 6)
  // Mirrors shared nearness(): same village, same township (its own or one of its villages), the
  // whole county (a county code ends in six zeros), elsewhere in the county.
  const near = Prisma.sql`CASE WHEN v."serviceRegionCode" = ${q.villageCode} THEN 1 WHEN v."serviceRegionCode" LIKE ${`${township}%`} THEN 2 WHEN right(v."serviceRegionCode", 6) = '000000' THEN 3 ELSE 4 END`
  // Needs met, one plain test per needed skill: no per-row subquery over thousands of rows.
  const met = q.needSkills.length ? Prisma.join(q.needSkills.map((s) => Prisma.sql`(CASE WHEN ${s} = ANY(c.skills) THEN 1 ELSE 0 END)`), ' + ') : Prisma.sql`0`
  // Live pairings per volunteer, counted once over the county's pairings (the villageCode pattern
  // index, index-only) and joined — not a correlated count per volunteer. A volunteer is only
  // paired inside the county they serve, so these are all of a candidate's live pairings (bar a
  // child who has since moved county; the proposal's own count, under the volunteer's lock, is exact).
  return Prisma.sql`
    WITH live AS (
      SELECT "volunteerId", count(*)::int AS n FROM "pairings"
      WHERE "villageCode" LIKE ${`${county}%`} AND state IN (${LIVE})
      GROUP BY "volunteerId"
    ), candidates AS (
      SELECT v.id, v."realName", v.kind, v."serviceRegionCode", v.skills, v."contactModes", v.capacity, v."teamId", v."statusChangedAt",
        ${near} AS near, COALESCE(l.n, 0) AS live
      FROM "volunteers" v LEFT JOIN live l ON l."volunteerId" = v.id
      WHERE v.status = 'approved'
        AND v."serviceRegionCode" LIKE ${`${county}%`}
        AND (v."serviceRegionCode" LIKE ${`${q.reach.prefix}%`} OR v."serviceRegionCode" = ANY(${q.reach.ancestors}::text[]))
        AND NOT EXISTS (
          SELECT 1 FROM "pairings" p WHERE p."childId" = ${q.childId}::uuid AND p."volunteerId" = v.id
            AND (p.state IN (${LIVE}) OR p.state = 'declined' OR p."endReason" = 'safeguarding_concern'))
    )
    SELECT c.id, c."realName", c.kind::text AS kind, c."serviceRegionCode", c.skills, c."contactModes", c.capacity, c."teamId", t.name AS "teamName", c.live,
      (CASE c.near WHEN 1 THEN ${W.sameVillage}::int WHEN 2 THEN ${W.sameTownship}::int WHEN 3 THEN ${W.countyWide}::int ELSE ${W.sameCounty}::int END)
      + LEAST(${met}, ${W.maxNeedMatches}::int) * ${W.need}::int
      + CASE WHEN c.skills && ${q.interestSkills}::text[] THEN ${W.interest}::int ELSE 0 END
      + CASE WHEN c.near <= 2 AND 'home_visit' = ANY(c."contactModes") THEN ${W.homeVisitNearby}::int
             WHEN 'school_or_children_home' = ANY(c."contactModes") THEN ${W.meetAtSchool}::int
             WHEN 'phone_video' = ANY(c."contactModes") THEN ${W.phoneVideo}::int ELSE 0 END
      + (${W.freeCapacity}::int * GREATEST(c.capacity - c.live, 0)) / GREATEST(c.capacity, 1) AS score
    FROM candidates c LEFT JOIN "teams" t ON t.id = c."teamId"
    WHERE c.live < c.capacity
    ORDER BY score DESC, c.live ASC, c."statusChangedAt" ASC NULLS LAST, c.id
    LIMIT ${q.limit}`
}

export const rankCandidates = (tx: Tx, q: CandidateQuery) => tx.$queryRaw<CandidateRow[]>(candidateSql(q))
