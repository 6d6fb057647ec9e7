/**
 * The yearly cycle of the files: each year the director completes every file (按年度完善), and by
 * the end of January hands the year's files to the township (移交乡镇). Completing stores a
 * snapshot of the file for that year; hand-over freezes the year — completed snapshots as they
 * were, files never completed as they stand now — and from then on the year is read-only (409
 * ARCHIVED_YEAR here, and a trigger in the database). The live file goes on into the new year.
 */
import { chinaYear } from '@qstx/shared'
import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { candidateOf, todayIn, yearStartsAt, type ChildDeps } from './context'
import { fileFromRow, type ChildFile } from './file'
import { ROLE_VIEWS, assertMayWrite, assertVillageDirector, inScope, redactFullFile } from './policy'
import * as repo from './repository'

export function createArchiveService(deps: ChildDeps) {
  const { prisma, clock } = deps

  function assertYearOpen(year: number) {
    if (year > chinaYear(clock.now())) throw new AppError('VALIDATION_FAILED', undefined, { year: '不能处理尚未到来的年度' })
  }

  async function complete(actor: ScopedActor, id: string, year: number, ctx: AuditContext) {
    assertMayWrite(actor, 'child.complete_year')
    assertYearOpen(year)
    return prisma.$transaction(async (tx) => {
      const head = await repo.findChildHead(tx, id)
      if (!head) throw notFound()
      assertMayWrite(actor, 'child.complete_year', head.villageCode)
      await repo.lockChild(tx, id)
      if ((await repo.findYearRecord(tx, id, year))?.archivedAt) throw new AppError('ARCHIVED_YEAR')
      const file = fileFromRow((await repo.findChild(tx, id))!)
      const at = clock.now()
      const rec = await repo.upsertYearRecord(tx, id, year, { villageCode: file.villageCode, snapshot: file as unknown as Prisma.InputJsonValue, completedAt: at, completedById: actor.userId })
      await repo.insertHistory(tx, [{ childId: id, at, kind: 'year_completed', actorUserId: actor.userId, actorName: actor.displayName, year }])
      await recordAudit(tx, ctx, { action: 'child.complete_year', result: 'success', targetType: 'child', targetId: id })
      return summary(tx, rec)
    })
  }

  async function handover(actor: ScopedActor, year: number, ctx: AuditContext) {
    assertVillageDirector(actor, 'child.handover')
    assertYearOpen(year)
    const villageCode = actor.regionCode
    return prisma.$transaction(
      async (tx) => {
        const at = clock.now()
        const files = await repo.villageChildrenOfYear(tx, villageCode, yearStartsAt(year), yearStartsAt(year + 1))
        const records = new Map((await repo.yearRecordsOf(tx, files.map((f) => f.id), year)).map((r) => [r.childId, r]))
        const already = files.filter((f) => records.get(f.id)?.archivedAt)
        const completed = files.filter((f) => { const r = records.get(f.id); return r?.completedAt && !r.archivedAt })
        const incomplete = files.filter((f) => !records.get(f.id)?.completedAt && !records.get(f.id)?.archivedAt)
        await repo.archiveCompleted(tx, completed.map((f) => f.id), year, at, actor.userId)
        for (const row of incomplete) {
          // Never completed: the township receives the file as it stands today.
          await repo.upsertYearRecord(tx, row.id, year, { villageCode, snapshot: fileFromRow(row) as unknown as Prisma.InputJsonValue, archivedAt: at, archivedById: actor.userId })
        }
        const archived = [...completed, ...incomplete]
        await repo.insertHistory(tx, archived.map((f) => ({ childId: f.id, at, kind: 'year_archived' as const, actorUserId: actor.userId, actorName: actor.displayName, year })))
        await recordAudit(tx, ctx, { action: 'child.handover', result: 'success', targetType: 'village', targetId: `${villageCode}:${year}` })
        return { year, villageCode, archived: archived.length, alreadyArchived: already.length, notCompleted: incomplete.length }
      },
      { timeout: 60_000 },
    )
  }

  /**
   * Yearly records of a file: all of them for whoever may see the file now; for a township that
   * received a year before the child moved away, the years its villages handed over.
   */
  async function visibleRecords(tx: Tx, actor: ScopedActor, id: string) {
    const head = await repo.findChildHead(tx, id)
    if (!head || ROLE_VIEWS[actor.role].file !== 'full') throw notFound()
    const all = await repo.listYearRecords(tx, id)
    const mine = inScope(actor, head.villageCode) ? all : all.filter((r) => inScope(actor, r.villageCode))
    if (!inScope(actor, head.villageCode) && mine.length === 0) throw notFound()
    return mine
  }

  async function list(actor: ScopedActor, id: string) {
    const rows = await visibleRecords(prisma, actor, id)
    const names = await repo.regionNames(prisma, rows.map((r) => r.villageCode))
    return { items: rows.map((r) => ({ ...times(r), year: r.year, villageCode: r.villageCode, villageName: names.get(r.villageCode)! })) }
  }

  async function read(actor: ScopedActor, id: string, year: number, ctx: AuditContext) {
    const visible = await visibleRecords(prisma, actor, id)
    if (!visible.some((r) => r.year === year)) throw notFound()
    const rec = (await repo.findYearRecord(prisma, id, year))!
    const file = rec.snapshot as unknown as ChildFile
    // Ages and ageing-out as they were at the end of that year, not today.
    const today = todayIn(deps.clock)
    const asOf = `${year}-12-31` < today ? `${year}-12-31` : today
    const view = redactFullFile(await candidateOf(prisma, deps, file, {}, asOf))
    await recordAudit(prisma, ctx, { action: 'child.read_year', result: 'success', targetType: 'child', targetId: id })
    return { ...(await summary(prisma, rec)), file: view }
  }

  return { complete, handover, list, read }
}

const times = (r: { completedAt: Date | null; archivedAt: Date | null }) => ({ completedAt: r.completedAt?.toISOString() ?? null, archivedAt: r.archivedAt?.toISOString() ?? null })

async function summary(tx: Tx, r: { year: number; villageCode: string; completedAt: Date | null; archivedAt: Date | null }) {
  const names = await repo.regionNames(tx, [r.villageCode])
  return { year: r.year, villageCode: r.villageCode, villageName: names.get(r.villageCode)!, ...times(r) }
}
