/**
 * 重点儿童未结对 in one statement: a page of the region's open priority children without a live
 * pairing (highest guardianship risk first — the enum's declared order — then who has waited
 * longest), each with its village name, and the number of them. The facet `prio:any`, kept by the
 * children trigger, is one GIN lookup; region and pairing rules come from policy and pairing.ts.
 */
import type { PriorityReason, RiskLevel } from '@qstx/shared'
import { intLiteral, join, type Queryable, rows, sql } from '../../db/sql'
import type { ScopedActor } from '../../lib/actor'
import { withinRegionSql } from '../../lib/policy'
import { childScopeSql, searchCounty } from '../children/policy'
import { facetsSql } from '../children/reads'
import { livePairingSql } from '../children/pairing'

export interface PriorityQuery {
  regionCode?: string | undefined
  page: number
  pageSize: number
}

export interface PrioritySqlRow {
  id: string
  name: string
  birthDate: string
  gender: 'male' | 'female'
  villageCode: string
  villageName: string
  priorityReasons: PriorityReason[]
  riskLevel: RiskLevel | null
  needs: string[]
  interests: string[]
  consentGivenBy: string | null
  consentDate: string | null
  createdAt: Date
}

export async function priorityPage(db: Queryable, actor: ScopedActor, q: PriorityQuery): Promise<{ rows: PrioritySqlRow[]; total: number }> {
  const where = join([
    childScopeSql(actor),
    ...(q.regionCode ? [withinRegionSql(sql`c."villageCode"`, q.regionCode)] : []),
    facetsSql(searchCounty(actor), ['prio:any']),
    sql`c."closedAt" IS NULL AND NOT ${livePairingSql}`,
  ], ' AND ')
  const found = await rows<{ [K in keyof PrioritySqlRow]: PrioritySqlRow[K] | null } & { total: number }>(db, sql`
    WITH hits AS (
      SELECT c.id, c.name, c."birthDate"::text AS "birthDate", c.gender, c."villageCode", c."priorityReasons"::text[] AS "priorityReasons",
             c."riskLevel", c.needs, c.interests, c."consentGivenBy", c."consentDate"::text AS "consentDate", c."createdAt",
             coalesce((SELECT r.name FROM regions r WHERE r.code = c."villageCode"), c."villageCode") AS "villageName"
        FROM children c WHERE ${where}
       ORDER BY c."riskLevel" DESC NULLS LAST, c."createdAt", c.id
       LIMIT ${intLiteral(q.pageSize)} OFFSET ${intLiteral((q.page - 1) * q.pageSize)})
    SELECT h.*, n.total FROM (SELECT count(*)::int AS total FROM children c WHERE ${where}) n
      LEFT JOIN hits h ON TRUE
     ORDER BY h."riskLevel" DESC NULLS LAST, h."createdAt", h.id`, { prepared: false })
  return { rows: found.filter((r): r is PrioritySqlRow & { total: number } => r.id !== null), total: found[0]?.total ?? 0 }
}
