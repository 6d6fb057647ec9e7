/**
 * Reading children's files. Every read of one file is recorded in the audit trail (CAC 儿童个人信息
 * 网络保护规定 art. 15: staff access is minimal and every access recorded): `child.read_full`,
 * `child.read_working`, `child.read_card`, and `child.reveal` with the field named. A read writes
 * nothing else, so the audit row is a single INSERT after the read rather than a transaction
 * around it — but it is awaited before the answer leaves: no audit row, no data.
 */
import { bornOnOrBefore, regionPrefix, type ChildListQuery, type RevealBody } from '@qstx/shared'
import type { Prisma } from '../../generated/prisma/client'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { candidateOf, todayIn, type ChildDeps } from './context'
import { fileFromRow } from './file'
import { isActivelyPairedWith, pairedWhere, pairingStatusOf } from './pairing'
import { ROLE_VIEWS, assertCan, assertFullAccess, childScope, fileViewFor, redactCard, redactFile, redactRow } from './policy'
import * as repo from './repository'
import { rowCandidate } from './views'

/**
 * Totals are exact up to this many; beyond it the list says "1000+" (totalCapped). Counting every
 * match of a broad filter across a county means reading tens of thousands of rows on each page
 * turn, for a number nobody needs exactly on a list page.
 */
export const COUNT_CAP = 1000

/** Characters and character pairs of a search term, as the `nameGrams` trigger stores them. */
export function searchGrams(q: string): string[] {
  const chars = [...q]
  if (chars.length === 1) return chars
  return [...new Set(chars.slice(1).map((c, i) => chars[i]! + c))]
}

/**
 * The desk filters. Facts the trigger tags in `facets` (see the migration) become one GIN
 * containment test; the name goes through `nameGrams` and is rechecked with LIKE.
 */
export function listFilters(q: ChildListQuery, today: string): Prisma.ChildWhereInput[] {
  const f: Prisma.ChildWhereInput[] = []
  const facets: string[] = []
  if (q.q) f.push({ nameGrams: { hasEvery: searchGrams(q.q) }, name: { contains: q.q } })
  if (q.regionCode) f.push({ villageCode: { startsWith: regionPrefix(q.regionCode) } })
  if (q.category) facets.push(`cat:${q.category}`)
  if (q.difficultyKind) facets.push(`kind:${q.difficultyKind}`)
  if (q.risk) facets.push(`risk:${q.risk}`)
  if (q.specialAttention) facets.push(`sa:${q.specialAttention}`)
  if (q.priority) facets.push(`prio:${q.priority}`)
  if (q.nearWater !== undefined) facets.push(q.nearWater ? 'near_water' : 'not_near_water')
  if (q.consent) facets.push(`consent:${q.consent}`)
  if (facets.length) f.push({ facets: { hasEvery: facets } })
  if (q.paired !== undefined) f.push(pairedWhere(q.paired))
  if (q.agingOut !== undefined) {
    // Same rule as shared agingOutCategories: 16 for left-behind, 18 for in difficulty.
    const aged: Prisma.ChildWhereInput = {
      closedAt: null,
      OR: [
        { categories: { has: 'left_behind' }, birthDate: { lte: new Date(`${bornOnOrBefore(today, 16)}T00:00:00Z`) } },
        { categories: { has: 'in_difficulty' }, birthDate: { lte: new Date(`${bornOnOrBefore(today, 18)}T00:00:00Z`) } },
      ],
    }
    f.push(q.agingOut ? aged : { NOT: aged })
  }
  if (q.status === 'active') f.push({ closedAt: null })
  if (q.status === 'closed') f.push({ closedAt: { not: null } })
  return f
}

export function createChildReadService(deps: ChildDeps) {
  const { prisma, clock, keyring } = deps

  async function list(actor: ScopedActor, q: ChildListQuery) {
    assertCan(actor, 'child.list')
    const today = todayIn(clock)
    const { rows, total } = await repo.listChildren(prisma, childScope(actor), { AND: listFilters(q, today) }, q.page, q.pageSize, COUNT_CAP + 1)
    const [names, paired] = await Promise.all([repo.regionNames(prisma, rows.map((r) => r.villageCode)), pairingStatusOf(prisma, rows.map((r) => r.id))])
    const items = rows.map((r) => redactRow(actor, rowCandidate(r, { today, villageName: names.get(r.villageCode)!, pairingStatus: paired.get(r.id)! })))
    return { items, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP, page: q.page, pageSize: q.pageSize }
  }

  async function get(actor: ScopedActor, id: string, ctx: AuditContext) {
    const row = await repo.findChild(prisma, id)
    if (!row) throw notFound()
    const view = fileViewFor(actor, row.villageCode)
    const out = redactFile(view, await candidateOf(prisma, deps, fileFromRow(row)))
    await recordAudit(prisma, ctx, { action: view === 'full' ? 'child.read_full' : 'child.read_working', result: 'success', targetType: 'child', targetId: id })
    return out
  }

  /** A volunteer's card: only while actively paired with the child (see pairing.ts). */
  async function card(actor: ScopedActor, id: string, ctx: AuditContext) {
    if (!ROLE_VIEWS[actor.role].card) throw notFound()
    const row = await repo.findChild(prisma, id)
    if (!row || row.closedAt || !(await isActivelyPairedWith(prisma, actor.userId, id))) throw notFound()
    const directorName = (await repo.villageDirectorName(prisma, row.villageCode)) ?? undefined
    const out = redactCard(await candidateOf(prisma, deps, fileFromRow(row), directorName ? { directorName } : {}))
    await recordAudit(prisma, ctx, { action: 'child.read_card', result: 'success', targetType: 'child', targetId: id })
    return out
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
