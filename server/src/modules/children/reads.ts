/**
 * Reading children's files. Every read of one file is recorded in the audit trail (CAC 儿童个人信息
 * 网络保护规定 art. 15: staff access is minimal and every access recorded): `child.read_full`,
 * `child.read_working`, `child.read_card`, and `child.reveal` with the field named. The file, the
 * card and the list are one SQL statement each (ARCHITECTURE.md, "Hot paths"); the file and the
 * card write their audit row in that same statement, so no audit row means no data. The rarer
 * reads (reveal, history) still go through Prisma, awaiting the audit row before answering.
 */
import { bornOnOrBefore, regionLevel, type ChildListQuery, type RevealBody } from '@qstx/shared'
import { join, recheckOnly, sql, type Sql } from '../../db/sql'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { withinRegionSql } from '../../lib/policy'
import { todayIn, yearStartsAt, type ChildDeps } from './context'
import { fileFromRow } from './file'
import { activelyPairedWithSql, livePairingSql } from './pairing'
import { ROLE_VIEWS, assertCan, assertFullAccess, childScopeSql, fileViewOf, redactCard, redactFile, redactRow, searchCounty } from './policy'
import * as repo from './repository'
import { candidate, rowCandidate } from './views'

/**
 * Totals are exact up to this many; beyond it the list says "1000+" (totalCapped). Counting every
 * match of a broad filter across a county means reading tens of thousands of rows on each page
 * turn, for a number nobody needs exactly on a list page.
 */
export const COUNT_CAP = 1000

/**
 * Search tokens carry the county (migration 20261207010000_county_search: '450225:黄',
 * '450225:cat:left_behind'), so a county's lookup reads that county's index entries alone, however
 * large the province around it. The county is the actor's: every role that lists children is
 * bound to a county or less (policy.test.ts holds it).
 */
export const countyTokens = (county: string, tokens: string[]) => tokens.map((t) => `${county}:${t}`)
/**
 * The files whose facets include all of these (one GIN containment test), in `county`. `indexed:
 * false` writes the same test as a CASE, for deskPage's walk in name order: no index answers it, and
 * the planner takes it for a broad filter (a third of the rows) instead of multiplying the tokens'
 * shares into a handful of rows, which made it sort every match (139 ms instead of 1.7, measured on
 * the province dataset).
 */
export const facetsSql = (county: string, facets: string[], indexed = true) => {
  const test = sql`c.facets @> ${countyTokens(county, facets)}::text[]`
  return indexed ? test : recheckOnly(test)
}

/** Characters and character pairs of a search term, as the `nameGrams` trigger stores them. */
export function searchGrams(q: string): string[] {
  const chars = [...q]
  if (chars.length === 1) return chars
  return [...new Set(chars.slice(1).map((c, i) => chars[i]! + c))]
}

/**
 * The desk filters, as conditions on the children table `c`. Facts the trigger tags in `facets`
 * (see the migrations) become one GIN containment test; the name goes through the `nameGrams` GIN
 * index and is rechecked as a substring (strpos: no LIKE wildcards to escape in what was typed).
 * `walk`: the same filters for reading the county in name order (repository.ts deskPage) — the
 * index tests written so no index answers them, and the county's own (name) index named.
 * `planEach`: the statement is planned for each request when a name is typed, or an age cut-off or
 * a year. A name's generic plan is the right one, but PostgreSQL costs it from a default share of
 * the table — 5,000 of a province's million files where the name finds 302 — so on a large database
 * it judged it worse than planning afresh and planned every execution anyway, after five tries; the
 * cut-offs' best plans depend on their values. Every other list keeps one prepared plan per region
 * and filter set (db/sql.ts): the facets have one index that answers them, and deskPage caps what it
 * finds, so their values do not change the plan's shape.
 */
export function listFilters(q: ChildListQuery, today: string, county: string): { where: Sql[]; walk: Sql[]; planEach: boolean; byTokens: boolean } {
  const facets: string[] = []
  if (q.category) facets.push(`cat:${q.category}`)
  if (q.difficultyKind) facets.push(`kind:${q.difficultyKind}`)
  if (q.risk) facets.push(`risk:${q.risk}`)
  if (q.specialAttention) facets.push(`sa:${q.specialAttention}`)
  if (q.priority) facets.push(`prio:${q.priority}`)
  if (q.nearWater !== undefined) facets.push(q.nearWater ? 'near_water' : 'not_near_water')
  if (q.consent) facets.push(`consent:${q.consent}`)
  const f: Sql[] = []
  if (q.regionCode) f.push(withinRegionSql(sql`c."villageCode"`, q.regionCode))
  if (q.paired !== undefined) f.push(q.paired ? livePairingSql : sql`NOT ${livePairingSql}`)
  if (q.agingOut !== undefined) {
    // Same rule as shared agingOutCategories: 16 for left-behind, 18 for in difficulty.
    const aged = sql`(c."closedAt" IS NULL AND (('left_behind' = ANY (c.categories) AND c."birthDate" <= ${bornOnOrBefore(today, 16)}::date)
      OR ('in_difficulty' = ANY (c.categories) AND c."birthDate" <= ${bornOnOrBefore(today, 18)}::date)))`
    f.push(q.agingOut ? aged : sql`NOT ${aged}`)
  }
  if (q.toComplete !== undefined) {
    // Open before the year ended, and no record of that year completed or handed over (archive.ts).
    f.push(sql`c."createdAt" < ${yearStartsAt(q.toComplete + 1)} AND NOT EXISTS (SELECT 1 FROM child_year_records y
      WHERE y."childId" = c.id AND y.year = ${q.toComplete} AND (y."completedAt" IS NOT NULL OR y."archivedAt" IS NOT NULL))`)
  }
  if (q.status === 'active') f.push(sql`c."closedAt" IS NULL`)
  if (q.status === 'closed') f.push(sql`c."closedAt" IS NOT NULL`)

  const where = [...f]
  const walk = [sql`left(c."villageCode", 6) = ${county}`, ...f]
  if (q.q) {
    where.push(sql`c."nameGrams" @> ${countyTokens(county, searchGrams(q.q))}::text[] AND strpos(c.name, ${q.q}) > 0`)
    walk.push(sql`strpos(c.name, ${q.q}) > 0`)
  }
  if (facets.length) {
    // With a name typed, the name's grams find the few files and the facets are checked on them:
    // intersecting the facets' posting lists (a category is a third of the county) cost more than
    // reading the name's matches (1.7 ms of GIN for 4,805 entries, against 302 rows).
    where.push(facetsSql(county, facets, !q.q))
    walk.push(facetsSql(county, facets, false))
  }
  return { where, walk, planEach: !!q.q || q.agingOut !== undefined || q.toComplete !== undefined, byTokens: !!q.q || facets.length > 0 }
}

/** How long what a filter matched (more than COUNT_CAP files, or fewer) is taken to still hold. */
const SIZE_KNOWN_FOR_MS = 60_000

export function createChildReadService(deps: ChildDeps) {
  const { prisma, pg, clock, keyring } = deps
  /**
   * Filters (with their scope) and whether they matched more than COUNT_CAP files, and when. A
   * broad one's total shows as "1000+", which one file more or less does not change, so for a
   * minute the next page — or the next desk asking the same — is read by walking the county's name
   * index straight away, without first gathering 1,001 matches from the facets' index:
   * intersecting the posting lists of a flag a fifth of the county has took 3 of the statement's
   * 4.5 ms. A narrow one (a village's list) skips the walk's branch (repository.ts deskPage).
   */
  const filterSizes = new Map<string, { broad: boolean; at: number }>()
  const viewContext = (r: repo.FileSqlRow) => ({ keyring, today: todayIn(clock), villageName: r.villageName, pairingStatus: r.paired ? ('paired' as const) : ('unpaired' as const) })

  async function list(actor: ScopedActor, q: ChildListQuery) {
    assertCan(actor, 'child.list')
    const today = todayIn(clock)
    const filters = listFilters(q, today, searchCounty(actor))
    // The name's and the facets' tokens carry the county (countyTokens): for a county-wide reader
    // the region only rechecks what they found. As an index, the planner intersected the county's
    // 50,000 entries with the name's 302 (2.5 ms, on the province dataset, of a 3 ms statement).
    const scope = filters.byTokens && regionLevel(actor.regionCode) === 'county' ? recheckOnly(childScopeSql(actor)) : childScopeSql(actor)
    const where = join([scope, ...filters.where], ' AND ')
    const key = `${where.text}\u0000${JSON.stringify(where.values)}`
    const now = clock.now().getTime()
    const seen = filterSizes.get(key)
    const known = seen && seen.at > now - SIZE_KNOWN_FOR_MS ? (seen.broad ? 'broad' : 'narrow') : undefined
    const { rows, total } = await repo.deskPage(pg, {
      where, walk: join([childScopeSql(actor), ...filters.walk], ' AND '),
      sort: q.sort, page: q.page, pageSize: q.pageSize, countUpTo: COUNT_CAP + 1, prepared: !filters.planEach, known,
    })
    // A broad page is not counted (its total is the cap); a narrow one that has since grown is read the general way and learnt again.
    const size = total > COUNT_CAP ? 'broad' : 'narrow'
    if (known !== 'broad' && known !== size) {
      if (filterSizes.size >= 1000) filterSizes.clear()
      filterSizes.set(key, { broad: size === 'broad', at: now })
    }
    const names = await repo.regionNames(prisma, rows.map((r) => r.villageCode))
    const items = rows.map((r) => redactRow(actor, rowCandidate(r, { today, villageName: names.get(r.villageCode)!, pairingStatus: r.paired ? 'paired' : 'unpaired' })))
    return { items, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP, page: q.page, pageSize: q.pageSize }
  }

  /** Out of region reads exactly like a missing file: 404, and no audit row (nothing was shown). */
  async function get(actor: ScopedActor, id: string, ctx: AuditContext) {
    const view = fileViewOf(actor)
    const action = view === 'full' ? 'child.read_full' : 'child.read_working'
    const row = await repo.readFile(pg, { id, where: childScopeSql(actor), audit: [ctx, { action, result: 'success', targetType: 'child', targetId: id }] })
    if (!row) throw notFound()
    return redactFile(view, candidate(fileFromRow(row), viewContext(row)))
  }

  /** A volunteer's card: only while actively paired with the child (see pairing.ts). */
  async function card(actor: ScopedActor, id: string, ctx: AuditContext) {
    if (!ROLE_VIEWS[actor.role].card) throw notFound()
    const where = sql`c."closedAt" IS NULL AND ${activelyPairedWithSql(actor.userId)}`
    const row = await repo.readFile(pg, { id, where, withDirector: true, audit: [ctx, { action: 'child.read_card', result: 'success', targetType: 'child', targetId: id }] })
    if (!row) throw notFound()
    return redactCard(candidate(fileFromRow(row), { ...viewContext(row), ...(row.directorName ? { directorName: row.directorName } : {}) }))
  }

  /** One field in full, on purpose, on the record (the audit row names the field). */
  async function reveal(actor: ScopedActor, id: string, body: RevealBody, ctx: AuditContext) {
    const row = await repo.findChild(prisma, id)
    if (!row) throw notFound()
    assertFullAccess(actor, row.villageCode, 'child.reveal')
    let sealed: string | null
    if (body.field === 'idNumber') sealed = row.idNumberEnc
    else if (body.field === 'address') sealed = row.addressEnc
    else {
      const guardian = row.guardians.find((g) => g.id === body.guardianId)
      if (!guardian) throw new AppError('NOT_FOUND', '没有这位监护人')
      sealed = guardian.phoneEnc
    }
    await recordAudit(prisma, ctx, { action: 'child.reveal', result: 'success', targetType: 'child', targetId: id, fieldsRevealed: [body.field] })
    return { field: body.field, value: sealed ? keyring.decrypt(sealed) : null }
  }

  async function history(actor: ScopedActor, id: string, ctx: AuditContext) {
    const head = await repo.findChildHead(prisma, id)
    if (!head) throw notFound()
    assertFullAccess(actor, head.villageCode, 'child.history')
    const rows = await repo.listHistory(prisma, id)
    const names = await repo.regionNames(prisma, rows.flatMap((r) => [r.fromVillageCode, r.toVillageCode]).filter((c): c is string => !!c))
    await recordAudit(prisma, ctx, { action: 'child.read_history', result: 'success', targetType: 'child', targetId: id })
    return {
      items: rows.map((r) => ({
        id: r.id.toString(),
        at: r.at.toISOString(),
        kind: r.kind,
        actorName: r.actorName,
        changes: Array.isArray(r.changes) ? (r.changes as Array<{ field: string; from?: unknown; to?: unknown }>) : [],
        fromVillageName: r.fromVillageCode ? names.get(r.fromVillageCode)! : null,
        toVillageName: r.toVillageCode ? names.get(r.toVillageCode)! : null,
        year: r.year,
        note: r.note,
      })),
    }
  }

  return { list, get, card, reveal, history }
}
