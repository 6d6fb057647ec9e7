/**
 * The worker's side of background exports (graphile-worker tasks `run_export` and, from the
 * crontab, `purge_exports`).
 *
 * run_export: claims the export (queued → running, so two workers never make it twice), checks
 * that its owner still holds the role it was asked with, makes the file into sealed pieces in
 * PostgreSQL (storage.ts) while recording progress, then mints the download link: a random
 * 32-byte token, stored as its SHA-256 (for lookup) and sealed (so its owner can be shown it
 * again), valid EXPORT_LINK_TTL_MINUTES. On failure the pieces are deleted and the row says why.
 *
 * purge_exports: deletes the file of every export whose link has run out, and gives up on exports
 * stuck queued or running (a worker that died) after a day.
 */
import { randomBytes } from 'node:crypto'
import { finished } from 'node:stream/promises'
import { EXPORT_LINK_TTL_MINUTES, LEDGER_LAYOUTS } from '@qstx/shared'
import type { Export } from '../../generated/prisma/client'
import { recordAuditSubjects, type AuditSubjects } from '../../lib/audit'
import { regionsByCode } from '../dashboard/repository'
import { heapGuard } from './heap'
import { ledgerIds } from './ledger-source'
import { ledgerFields, type LedgerView } from './policy'
import { fileNames, ledgerScope, pairingScope, renderChildLedger, renderPairingLedger, type ChildLedgerSpec, type RenderDeps } from './render'
import * as repo from './repository'
import { hashToken } from './service'
import { SealedPieceWriter } from './storage'

const STUCK_AFTER_MS = 24 * 3_600_000

interface Params {
  year?: number
  layout?: (typeof LEDGER_LAYOUTS)[number]
  view: LedgerView
}

export async function runExport(deps: RenderDeps, id: string): Promise<void> {
  const { prisma, clock, keyring } = deps
  if (!(await repo.claimExport(prisma, id, clock.now()))) return
  const e = (await repo.findExport(prisma, id))!
  try {
    await assertStillEntitled(deps, e)
    const p = e.params as unknown as Params
    const regionName = (await regionsByCode(prisma, [e.regionCode]))[0]?.name ?? e.regionCode
    const out = new SealedPieceWriter(prisma, keyring, id)
    let last = 0
    const keepHeap = heapGuard()
    const progress = async (done: number) => {
      keepHeap()
      if (done - last < 250 && done < e.rows) return
      last = done
      await repo.updateExport(prisma, id, { rowsDone: done })
    }
    let fileName: string
    let rows: number
    let subjects: AuditSubjects
    if (e.kind === 'child_ledger') {
      const spec: ChildLedgerSpec = { regionCode: e.regionCode, regionName, year: p.year!, view: p.view, format: e.format, layout: p.layout === 'auto' || !p.layout ? 'table' : p.layout }
      const scope = ledgerScope(e.regionCode, spec.year)
      const ids = await ledgerIds(prisma, scope)
      await repo.updateExport(prisma, id, { rows: ids.length })
      e.rows = ids.length
      fileName = fileNames.childLedger(spec)
      rows = await renderChildLedger(deps, spec, ids, out, progress)
      subjects = await repo.childLedgerSubjects(prisma, ids.map((r) => r.id), scope, ledgerFields(p.view).has('pairingPerson'))
    } else if (e.kind === 'pairing_ledger') {
      const spec = { regionCode: e.regionCode, regionName, view: p.view, ...(p.year ? { year: p.year } : {}) }
      fileName = fileNames.pairingLedger(spec)
      rows = await renderPairingLedger(deps, spec, out, progress)
      subjects = await repo.pairingLedgerSubjects(prisma, pairingScope(e.regionCode, spec.year))
    } else {
      throw new Error(`no background export of kind ${e.kind}`)
    }
    // The writers end `out` themselves (exceljs commits the zip, pdfkit ends the document).
    await finished(out)
    const token = randomBytes(32).toString('base64url')
    const at = clock.now()
    // Who the file holds is on record before anyone can download it (the breach listing reads it).
    await prisma.$transaction(async (tx) => {
      await recordAuditSubjects(tx, { exportId: id }, subjects)
      await repo.updateExport(tx, id, {
        status: 'done', rows, rowsDone: rows, fileName, byteSize: out.bytes, finishedAt: at,
        tokenHash: hashToken(token), tokenEnc: keyring.encrypt(token), expiresAt: new Date(at.getTime() + EXPORT_LINK_TTL_MINUTES * 60_000),
      })
    }, { timeout: 60_000 })
  } catch (err) {
    await repo.deleteChunks(prisma, id)
    const message = err instanceof EntitlementLost ? err.message : '生成文件时出错，请重新导出'
    await repo.updateExport(prisma, id, { status: 'failed', error: message, finishedAt: clock.now() })
    if (!(err instanceof EntitlementLost)) throw err
  }
}

class EntitlementLost extends Error {}

/** The role may have been taken away between asking and making: then no file is made. */
async function assertStillEntitled(deps: RenderDeps, e: Export): Promise<void> {
  const n = await deps.prisma.roleAssignment.count({
    where: { userId: e.userId, role: e.role, regionCode: e.actorRegionCode, revokedAt: null, user: { disabledAt: null } },
  })
  if (n === 0) throw new EntitlementLost('导出人的角色已变更，文件未生成')
}

export async function purgeExports(deps: RenderDeps): Promise<number> {
  const now = deps.clock.now()
  const rows = await repo.exportsToPurge(deps.prisma, now, new Date(now.getTime() - STUCK_AFTER_MS))
  for (const r of rows) {
    await deps.prisma.$transaction(async (tx) => {
      await repo.deleteChunks(tx, r.id)
      await repo.updateExport(tx, r.id, r.status === 'done'
        ? { status: 'expired', tokenHash: null, tokenEnc: null }
        : { status: 'failed', error: '导出超时未完成，请重新导出', finishedAt: now })
    })
  }
  return rows.length
}
