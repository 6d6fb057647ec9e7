/**
 * Exports: who asks, what they get, and how it reaches them.
 *   - every export is audited before a byte leaves (`export.child_ledger`, `export.pairing_ledger`,
 *     `export.annual_report`, with the sensitive columns it holds in fieldsRevealed), and so is
 *     every download of a background export (`export.download`);
 *   - up to EXPORT_DIRECT_MAX rows the file streams straight into the response;
 *   - beyond it, a row in `exports` and a graphile-worker job (`run_export`) are written in one
 *     transaction with the audit row; the person watches GET /api/exports/:id and downloads
 *     through a single-purpose link that lives EXPORT_LINK_TTL_MINUTES (jobs.ts).
 */
import { createHash } from 'node:crypto'
import type { Writable } from 'node:stream'
import {
  EXPORT_DIRECT_MAX, EXPORT_SHEETS_MAX, chinaYear,
  type AnnualReportQuery, type ChildLedgerQuery, type ExportJob, type PairingLedgerQuery,
} from '@qstx/shared'
import type { Export, Prisma } from '../../generated/prisma/client'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { recordAudit, recordAuditSubjects, type AuditContext } from '../../lib/audit'
import { createAnnualReportService } from '../dashboard/annual'
import { regionsByCode } from '../dashboard/repository'
import { writeAnnualReportXlsx } from './annual-report-xlsx'
import { cjkFont } from './child-ledger-pdf'
import { ledgerIds } from './ledger-source'
import { assertOwnExport, exportRegion, ledgerFields, ledgerSensitiveColumns, ledgerView, pairingLedgerSensitiveColumns, pairingView } from './policy'
import { CONTENT_TYPES, fileNames, ledgerScope, pairingScope, renderChildLedger, renderPairingLedger, type ChildLedgerSpec, type RenderDeps } from './render'
import * as repo from './repository'
import { readPieces } from './storage'

export interface FileAnswer {
  kind: 'file'
  fileName: string
  contentType: string
  write(out: Writable): Promise<unknown>
}
export interface JobAnswer {
  kind: 'job'
  job: ExportJob
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export function createExportService(deps: RenderDeps) {
  const { prisma, clock, keyring } = deps
  const annualReports = createAnnualReportService({ prisma, clock })

  async function regionName(code: string) {
    return (await regionsByCode(prisma, [code]))[0]?.name ?? code
  }

  function yearOf(year: number | undefined): number {
    const now = chinaYear(clock.now())
    if (year && year > now) throw new AppError('VALIDATION_FAILED', '不能导出尚未到来的年度', { year: '不能导出尚未到来的年度' })
    return year ?? now
  }

  async function childLedger(actor: ScopedActor, format: 'xlsx' | 'pdf', q: ChildLedgerQuery, ctx: AuditContext): Promise<FileAnswer | JobAnswer> {
    const region = exportRegion(actor, 'export.child_ledger', q.regionCode)
    const view = ledgerView(actor)
    const year = yearOf(q.year)
    if (format === 'pdf') cjkFont() // 503 now, not halfway through a stream
    const ids = await ledgerIds(prisma, ledgerScope(region, year, q.childId))
    if (q.childId && ids.length === 0) throw notFound()
    const perChild = format === 'pdf' || q.layout === 'both' || q.layout === 'sheets'
    if (perChild && ids.length > EXPORT_SHEETS_MAX) {
      const message = `每人一页的台账一次最多导出${EXPORT_SHEETS_MAX}名儿童（本次${ids.length}名），请按乡镇或村导出，或导出Excel汇总表`
      throw new AppError('VALIDATION_FAILED', message, { regionCode: message })
    }
    const layout = q.layout === 'auto' ? (ids.length <= EXPORT_SHEETS_MAX ? 'both' : 'table') : q.layout
    const spec: ChildLedgerSpec = { regionCode: region, regionName: await regionName(region), year, view, format, layout, ...(q.childId ? { childId: q.childId } : {}) }
    const audit = { action: 'export.child_ledger', fieldsRevealed: ledgerSensitiveColumns(view) }
    if (ids.length > EXPORT_DIRECT_MAX) {
      return queue(actor, ctx, audit, { kind: 'child_ledger', format, regionCode: region, rows: ids.length, params: { year, layout, view } })
    }
    const subjects = await repo.childLedgerSubjects(prisma, ids.map((r) => r.id), ledgerScope(region, year), ledgerFields(view).has('pairingPerson'))
    await prisma.$transaction(async (tx) => {
      const row = await recordAudit(tx, ctx, { ...audit, result: 'success', targetType: q.childId ? 'child' : 'region', targetId: q.childId ?? `${region}:${year}` })
      await recordAuditSubjects(tx, { auditId: row.id }, subjects)
    })
    const childName = q.childId ? (await prisma.child.findUnique({ where: { id: q.childId }, select: { name: true } }))?.name : undefined
    return { kind: 'file', fileName: fileNames.childLedger(spec, childName), contentType: CONTENT_TYPES[format], write: (out) => renderChildLedger(deps, spec, ids, out) }
  }

  async function pairingLedger(actor: ScopedActor, q: PairingLedgerQuery, ctx: AuditContext): Promise<FileAnswer | JobAnswer> {
    const region = exportRegion(actor, 'export.pairing_ledger', q.regionCode)
    const view = pairingView(actor)
    const year = q.year === undefined ? undefined : yearOf(q.year)
    const rows = await repo.countPairings(prisma, pairingScope(region, year))
    const audit = { action: 'export.pairing_ledger', fieldsRevealed: pairingLedgerSensitiveColumns(view) }
    if (rows > EXPORT_DIRECT_MAX) {
      return queue(actor, ctx, audit, { kind: 'pairing_ledger', format: 'xlsx', regionCode: region, rows, params: { ...(year ? { year } : {}), view } })
    }
    const subjects = await repo.pairingLedgerSubjects(prisma, pairingScope(region, year))
    await prisma.$transaction(async (tx) => {
      const row = await recordAudit(tx, ctx, { ...audit, result: 'success', targetType: 'region', targetId: year ? `${region}:${year}` : region })
      await recordAuditSubjects(tx, { auditId: row.id }, subjects)
    })
    const spec = { regionCode: region, regionName: await regionName(region), view, ...(year ? { year } : {}) }
    return { kind: 'file', fileName: fileNames.pairingLedger(spec), contentType: CONTENT_TYPES.xlsx, write: (out) => renderPairingLedger(deps, spec, out) }
  }

  /** Counts only: always small, always direct. */
  async function annualReport(actor: ScopedActor, q: AnnualReportQuery, ctx: AuditContext): Promise<FileAnswer> {
    const report = await annualReports.annual(actor, q)
    await recordAudit(prisma, ctx, { action: 'export.annual_report', result: 'success', targetType: 'region', targetId: `${report.region.code}:${report.year}` })
    return { kind: 'file', fileName: fileNames.annualReport(report.region.name, report.year), contentType: CONTENT_TYPES.xlsx, write: (out) => writeAnnualReportXlsx(out, report) }
  }

  /** The background export, its audit row and its job: all three or none. */
  async function queue(
    actor: ScopedActor,
    ctx: AuditContext,
    audit: { action: string; fieldsRevealed: string[] },
    e: { kind: Export['kind']; format: Export['format']; regionCode: string; rows: number; params: Prisma.InputJsonValue },
  ): Promise<JobAnswer> {
    const same = await repo.findSameExport(prisma, { userId: actor.userId, role: actor.role, kind: e.kind, format: e.format, regionCode: e.regionCode, params: e.params })
    if (same) return { kind: 'job', job: jobView(same) }
    const row = await prisma.$transaction(async (tx) => {
      const created = await repo.createExport(tx, {
        userId: actor.userId, role: actor.role, actorRegionCode: actor.regionCode, regionCode: e.regionCode, kind: e.kind, format: e.format,
        params: e.params, fieldsRevealed: audit.fieldsRevealed, rows: e.rows, createdAt: clock.now(),
      })
      await recordAudit(tx, ctx, { ...audit, result: 'success', targetType: 'export', targetId: created.id })
      // One attempt: a failed export is marked failed (jobs.ts) and asked for again by its owner.
      await tx.$executeRaw`SELECT graphile_worker.add_job('run_export', json_build_object('id', ${created.id}::text), job_key := ${created.id}::text, max_attempts := 1)`
      return created
    })
    return { kind: 'job', job: jobView(row) }
  }

  function jobView(e: Export): ExportJob {
    const now = clock.now()
    const live = e.status === 'done' && !!e.tokenEnc && !!e.expiresAt && e.expiresAt > now
    const status = e.status === 'done' && !live ? 'expired' : e.status
    const progress = status === 'done' || status === 'expired' ? 100 : e.rows ? Math.min(99, Math.floor((e.rowsDone * 100) / e.rows)) : 0
    return {
      id: e.id, kind: e.kind, format: e.format, status, progress, rows: e.rows, rowsDone: e.rowsDone,
      createdAt: e.createdAt.toISOString(), finishedAt: e.finishedAt?.toISOString() ?? null,
      download: live ? { url: `/api/exports/download/${keyring.decrypt(e.tokenEnc!)}`, expiresAt: e.expiresAt!.toISOString(), fileName: e.fileName ?? 'export' } : null,
      error: e.error,
    }
  }

  async function status(actor: { userId: string }, id: string): Promise<ExportJob> {
    const row = await repo.findExport(prisma, id)
    assertOwnExport(actor, row?.userId)
    return jobView(row!)
  }

  /**
   * A download through the link: the token is the only credential (a plain link works in any
   * browser and in wx.downloadFile). Unknown, expired and not-yet-ready links all answer 404.
   */
  async function download(token: string, ctx: AuditContext) {
    const row = await repo.findExportByTokenHash(prisma, hashToken(token))
    if (!row || row.status !== 'done' || !row.expiresAt || row.expiresAt <= clock.now()) throw new AppError('NOT_FOUND', '下载链接无效或已过期，请重新导出')
    const pieces = await repo.chunkCount(prisma, row.id)
    await recordAudit(prisma, ctx, {
      action: 'export.download', result: 'success', targetType: 'export', targetId: row.id, fieldsRevealed: row.fieldsRevealed,
      actorUserId: row.userId, actorRole: row.role, regionCode: row.actorRegionCode,
    })
    return { fileName: row.fileName ?? 'export', contentType: CONTENT_TYPES[row.format], size: row.byteSize, stream: readPieces(prisma, keyring, row.id, pieces) }
  }

  return { childLedger, pairingLedger, annualReport, status, download }
}
export type ExportService = ReturnType<typeof createExportService>
