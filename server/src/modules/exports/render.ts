/**
 * One way to make each file, used both when it streams straight to the person who asked (small
 * exports) and when the worker makes it in the background (large ones): the spec says what, the
 * writer says where to.
 */
import type { Writable } from 'node:stream'
import { chinaDate, ledgerTitle, regionPrefix } from '@qstx/shared'
import type { Db } from '../../db/prisma'
import type { Clock } from '../../lib/clock'
import type { Keyring } from '../../lib/crypto'
import { chinaMidnight } from '../dashboard/service'
import { writeChildLedgerPdf } from './child-ledger-pdf'
import { writeChildLedgerXlsx } from './child-ledger-xlsx'
import { ledgerBatches } from './ledger-source'
import { writePairingLedgerXlsx } from './pairing-ledger'
import { ledgerFields, type LedgerView } from './policy'
import type { LedgerIdRow, LedgerScope, PairingLedgerScope } from './repository'

export interface RenderDeps {
  prisma: Db
  clock: Clock
  keyring: Keyring
}

export const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const

export interface ChildLedgerSpec {
  regionCode: string
  regionName: string
  year: number
  view: LedgerView
  format: 'xlsx' | 'pdf'
  layout: 'both' | 'table' | 'sheets'
  childId?: string
}

export function ledgerScope(regionCode: string, year: number, childId?: string): LedgerScope {
  return { prefix: regionPrefix(regionCode), year, yearStart: chinaMidnight(`${year}-01-01`), yearEnd: chinaMidnight(`${year + 1}-01-01`), ...(childId ? { childId } : {}) }
}

export function renderChildLedger(deps: RenderDeps, spec: ChildLedgerSpec, ids: LedgerIdRow[], out: Writable, onProgress?: (done: number) => unknown) {
  const fields = ledgerFields(spec.view)
  const batches = ledgerBatches({ prisma: deps.prisma, keyring: deps.keyring, scope: ledgerScope(spec.regionCode, spec.year, spec.childId), fields }, ids)
  return spec.format === 'pdf'
    ? writeChildLedgerPdf(out, batches, { year: spec.year, view: spec.view, fields, onProgress })
    : writeChildLedgerXlsx(out, batches, { year: spec.year, regionName: spec.regionName, layout: spec.layout, view: spec.view, fields, onProgress })
}

export interface PairingLedgerSpec {
  regionCode: string
  regionName: string
  year?: number
  view: LedgerView
}

export function pairingScope(regionCode: string, year?: number): PairingLedgerScope {
  return { prefix: regionPrefix(regionCode), ...(year ? { year: { start: chinaMidnight(`${year}-01-01`), lastDay: new Date(`${year}-12-31T00:00:00Z`) } } : {}) }
}

export function renderPairingLedger(deps: RenderDeps, spec: PairingLedgerSpec, out: Writable, onProgress?: (done: number) => unknown) {
  const now = deps.clock.now()
  return writePairingLedgerXlsx(out, {
    prisma: deps.prisma,
    keyring: deps.keyring,
    scope: pairingScope(spec.regionCode, spec.year),
    view: spec.view,
    title: `${spec.regionName}牵手“童”行结对台账${spec.year ? `（${spec.year}年）` : ''}（截至${chinaDate(now)}）`,
    today: chinaDate(now),
    now,
    onProgress,
  })
}

export const fileNames = {
  childLedger: (s: ChildLedgerSpec, childName?: string) => `${ledgerTitle(s.year)}-${s.regionName}${childName ? `-${childName}` : ''}.${s.format}`,
  pairingLedger: (s: PairingLedgerSpec) => `牵手童行结对台账-${s.regionName}${s.year ? `-${s.year}年` : ''}.xlsx`,
  annualReport: (regionName: string, year: number) => `${year}年工作进展情况-${regionName}.xlsx`,
}
