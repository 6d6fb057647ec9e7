/**
 * Matching in one statement (ARCHITECTURE.md, "Hot paths"): the child — only when it is open and
 * inside the coordinator's region (policy) — its live pairing, the county's approved volunteers
 * with free capacity ranked by the weights of shared MATCH_WEIGHTS (the same rules as
 * explainMatch, which words the reasons for the few rows returned), the region names, and the
 * view's audit row. Ranking 5,000 volunteers in PostgreSQL returns ten rows; ranking them in Node
 * would first ship all 5,000 across. A volunteer's live pairings are a column a trigger keeps
 * (migration 20261209010000_ledger_counts): counting the county's live pairings per volunteer on
 * every request took 6 of the statement's 15 ms.
 *
 * The child's township is ranked first: when its top ten all score above the most anyone farther
 * away could (farMax), they are the answer, and the county's other volunteers are never scored.
 * Otherwise the whole county is ranked — the same result either way, by the same ORDER BY.
 *
 * The child's village is known only inside the statement, so the county is a range over 12-digit
 * region codes (`lo`…`hi`, from the child's row): a B-tree answers it from a value found at run
 * time, where `LIKE` needs its pattern when the plan is made. The child's words become skills in
 * SQL, from shared's word lists passed as parameters, so the rules stay in one place.
 */
import { INTEREST_WORD_SKILLS, LIVE_PAIRING_STATES, MATCH_WEIGHTS as W, NEED_WORD_SKILLS, SKILLS } from '@qstx/shared'
import { intLiteral, join, type Queryable, raw, rows, sql, type Sql } from '../../db/sql'
import type { ScopedActor } from '../../lib/actor'
import { auditInsert, type AuditContext } from '../../lib/audit'
import { scopeSql } from '../../lib/policy'
import { reachSql } from './policy'

export interface CandidateQuery {
  childId: string
  actor: ScopedActor
  limit: number
  /** The view's audit row, written only when the child is found in reach. */
  audit: AuditContext
}

export interface MatchSqlChild {
  childId: string
  childName: string
  villageCode: string
  villageName: string
  needs: string[]
  interests: string[]
  consentGivenBy: string | null
  consentDate: string | null
  livePairingId: string | null
}

export interface CandidateRow {
  id: string
  realName: string | null
  kind: string | null
  serviceRegionCode: string
  serviceRegionName: string
  skills: string[]
  contactModes: string[]
  capacity: number
  teamId: string | null
  teamName: string | null
  live: number
  score: number
}

/** The child's columns on every row; the candidate's are null on the one row of a child with none. */
type MatchSqlRow = MatchSqlChild & { [K in keyof CandidateRow]: CandidateRow[K] | null }

/** As the enum, so the (villageCode, state) and (volunteerId, state) indexes can use it. */
const LIVE = sql`${[...LIVE_PAIRING_STATES]}::"PairingState"[]`
const words = (pairs: Array<[string, string]>) => sql`${pairs.map(([w]) => w)}::text[], ${pairs.map(([, s]) => s)}::text[]`
/** The skills a child's words name (shared needSkills / interestSkills), in SQL. */
const skillsOf = (column: Sql, pairs: Array<[string, string]>) =>
  sql`ARRAY(SELECT DISTINCT m.skill FROM unnest(${column}) AS n(word) JOIN unnest(${words(pairs)}) AS m(word, skill) ON m.word = btrim(n.word))`
/** Needs met: one plain test per slot of the child's needed skills, no per-row subquery over thousands of rows. */
const needsMet = join(SKILLS.map((_, i) => sql`(CASE WHEN ch.need_skills[${raw(String(i + 1))}] = ANY(c.skills) THEN 1 ELSE 0 END)`), ' + ')
const regionName = (code: Sql) => sql`coalesce((SELECT rg.name FROM regions rg WHERE rg.code = ${code}), ${code})`

/**
 * The most a volunteer outside the child's township can score for this child (columns of `ch`): not
 * nearer than county-wide, no home-visit bonus (that is for the village and township), as many
 * needs as the child has (up to the cap), the interest bonus if the child has interests, the rest
 * in full.
 */
const farMax = sql`(${Math.max(W.countyWide, W.sameCounty) + Math.max(W.meetAtSchool, W.phoneVideo) + W.freeCapacity}
  + LEAST(cardinality(need_skills), ${W.maxNeedMatches}::int) * ${W.need}::int
  + CASE WHEN cardinality(interest_skills) > 0 THEN ${W.interest}::int ELSE 0 END)`

/**
 * The top `limit` of the approved volunteers with room whose service region lies in `range` (of
 * 12-digit codes; the partial index holds exactly the volunteers with room: "livePairings", kept by
 * a trigger on pairings, below "capacity"), scored by the weights. Only while `when` holds.
 */
function ranked(q: CandidateQuery, range: Sql, when: Sql = sql`TRUE`): Sql {
  return sql`
      SELECT c.id, c."realName", c.kind::text AS kind, c."serviceRegionCode", c.skills::text[] AS skills, c."contactModes"::text[] AS "contactModes",
        c.capacity, c."teamId", c.live, c."statusChangedAt",
        (CASE c.near WHEN 1 THEN ${W.sameVillage}::int WHEN 2 THEN ${W.sameTownship}::int WHEN 3 THEN ${W.countyWide}::int ELSE ${W.sameCounty}::int END)
        + LEAST(${needsMet}, ${W.maxNeedMatches}::int) * ${W.need}::int
        + CASE WHEN c.skills && ch.interest_skills THEN ${W.interest}::int ELSE 0 END
        + CASE WHEN c.near <= 2 AND 'home_visit' = ANY(c."contactModes") THEN ${W.homeVisitNearby}::int
               WHEN 'school_or_children_home' = ANY(c."contactModes") THEN ${W.meetAtSchool}::int
               WHEN 'phone_video' = ANY(c."contactModes") THEN ${W.phoneVideo}::int ELSE 0 END
        + (${W.freeCapacity}::int * GREATEST(c.capacity - c.live, 0)) / GREATEST(c.capacity, 1) AS score
      FROM ch, LATERAL (
        SELECT v.id, v."realName", v.kind, v."serviceRegionCode", v.skills, v."contactModes", v.capacity, v."teamId", v."statusChangedAt",
          -- Mirrors shared nearness(): same village, same township (its own or one of its villages),
          -- the whole county (a county code ends in six zeros), elsewhere in the county.
          CASE WHEN v."serviceRegionCode" = ch."villageCode" THEN 1 WHEN left(v."serviceRegionCode", 9) = ch.township THEN 2
               WHEN right(v."serviceRegionCode", 6) = '000000' THEN 3 ELSE 4 END AS near,
          v."livePairings"::int AS live
        FROM volunteers v
        WHERE v."serviceRegionCode" BETWEEN ${range} AND v.status = 'approved' AND v."livePairings" < v.capacity
          AND ${reachSql(q.actor, sql`v."serviceRegionCode"`)} AND NOT v.id = ANY (ch.excluded)) c
      WHERE ${when}
      ORDER BY score DESC, c.live ASC, c."statusChangedAt" ASC NULLS LAST, c.id
      LIMIT ${intLiteral(q.limit)}`
}

export function candidateSql(q: CandidateQuery): Sql {
  return sql`
    WITH ch AS (
      SELECT c.id AS "childId", c.name AS "childName", c."villageCode", c.needs, c.interests, c."consentGivenBy", c."consentDate"::text AS "consentDate",
        ${regionName(sql`c."villageCode"`)} AS "villageName",
        (SELECT p.id FROM pairings p WHERE p."childId" = c.id AND p.state = ANY (${LIVE})) AS "livePairingId",
        -- Who may not be suggested again for this child: a live or declined proposal, or an end for
        -- a safeguarding concern (the child's few pairings, read once, not once per volunteer).
        ARRAY(SELECT p."volunteerId" FROM pairings p WHERE p."childId" = c.id
                 AND (p.state = ANY (${LIVE}) OR p.state = 'declined' OR p."endReason" = 'safeguarding_concern')) AS excluded,
        left(c."villageCode", 9) AS township, rpad(left(c."villageCode", 6), 12, '0') AS lo, rpad(left(c."villageCode", 6), 12, '9') AS hi,
        ${skillsOf(sql`c.needs`, NEED_WORD_SKILLS)} AS need_skills, ${skillsOf(sql`c.interests`, INTEREST_WORD_SKILLS)} AS interest_skills
      FROM children c WHERE c.id = ${q.childId}::uuid AND c."closedAt" IS NULL AND ${scopeSql(q.actor, sql`c."villageCode"`)}
    ), audit AS (${auditInsert(q.audit, { action: 'pairing.suggest', result: 'success', targetType: 'child', targetId: q.childId }, sql`EXISTS (SELECT 1 FROM ch)`)}
    ), near_ranked AS (${ranked(q, sql`rpad(ch.township, 12, '0') AND rpad(ch.township, 12, '9')`)}
    ), sure AS (SELECT count(*) = ${intLiteral(q.limit)} AND min(score) > (SELECT ${farMax} FROM ch) AS ok FROM near_ranked
    ), ranked AS (
      SELECT * FROM near_ranked WHERE (SELECT ok FROM sure)
      UNION ALL
      (${ranked(q, sql`ch.lo AND ch.hi`, sql`NOT (SELECT ok FROM sure)`)})
    )
    SELECT ch."childId", ch."childName", ch."villageCode", ch."villageName", ch.needs, ch.interests, ch."consentGivenBy", ch."consentDate", ch."livePairingId",
      r.id, r."realName", r.kind, r."serviceRegionCode", ${regionName(sql`r."serviceRegionCode"`)} AS "serviceRegionName", r.skills, r."contactModes",
      r.capacity, r."teamId", t.name AS "teamName", r.live, r.score
    FROM ch LEFT JOIN ranked r ON TRUE LEFT JOIN teams t ON t.id = r."teamId"
    ORDER BY r.score DESC, r.live ASC, r."statusChangedAt" ASC NULLS LAST, r.id`
}

/** The child (undefined when closed, missing or out of reach: no audit row then) and its ranked candidates. */
export async function rankCandidates(db: Queryable, q: CandidateQuery): Promise<{ child: MatchSqlChild; candidates: CandidateRow[] } | undefined> {
  const found = await rows<MatchSqlRow>(db, candidateSql(q))
  const head = found[0]
  if (!head) return undefined
  const { childId, childName, villageCode, villageName, needs, interests, consentGivenBy, consentDate, livePairingId } = head
  return {
    child: { childId, childName, villageCode, villageName, needs, interests, consentGivenBy, consentDate, livePairingId },
    candidates: found.filter((r): r is MatchSqlRow & CandidateRow => r.id !== null),
  }
}
