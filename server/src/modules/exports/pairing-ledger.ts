/**
 * 结对台账 — the pairing ledger as XLSX: every pairing of the region, who with whom, the village's
 * director, when it was proposed, approved, started, paused and ended and why, with the confirmed
 * love-parent visits and hours from the check-ins seam (dashboard/checkins.ts). The child's columns
 * follow the viewer's field rights: directors, supervisors and civil affairs see the ID number and
 * the guardians' phones; a coordinator's ledger has no ID number, address or guardian phone at all.
 */
import type { Writable } from 'node:stream'
import {
  CHILD_CATEGORY_LABELS, GUARDIAN_RELATION_LABELS, LEDGER_FOOTNOTE, PAIRING_END_REASON_LABELS, PAIRING_STATE_LABELS, PRIORITY_REASON_LABELS,
  VOLUNTEER_KIND_LABELS, ageOn, chinaDate,
} from '@qstx/shared'
import type { Db } from '../../db/prisma'
import type { Keyring } from '../../lib/crypto'
import { regionNames } from '../children/repository'
import { confirmedCheckins } from '../dashboard/checkins'
import { cnDate } from './ledger-values'
import type { LedgerView } from './policy'
import * as repo from './repository'
import { allBorders, watch, workbookInto } from './xlsx-stream'

export interface PairingLedgerOptions {
  prisma: Db
  keyring: Keyring
  scope: repo.PairingLedgerScope
  view: LedgerView
  title: string
  today: string
  now: Date
  onProgress?: (done: number) => unknown
}

interface Column {
  header: string
  width: number
  full?: boolean
  value: (p: repo.PairingLedgerRow, x: Extras) => string | number
}

interface Extras {
  villageName: string
  director: string
  approver: string
  checkins: { count: number; hours: number; lastConfirmedAt: Date | null }
  open: (sealed: string | null) => string
  today: string
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)
const chinaDay = (d: Date | null) => (d ? chinaDate(d) : null)

const COLUMNS: Column[] = [
  { header: '所属村（社区）', width: 14, value: (_p, x) => x.villageName },
  { header: '儿童姓名', width: 10, value: (p) => p.child.name },
  { header: '性别', width: 6, value: (p) => (p.child.gender === 'male' ? '男' : '女') },
  { header: '年龄', width: 6, value: (p, x) => ageOn(day(p.child.birthDate)!, x.today) },
  { header: '身份证号', width: 20, full: true, value: (p, x) => x.open(p.child.idNumberEnc) },
  { header: '儿童类别', width: 16, value: (p) => p.child.categories.map((c) => CHILD_CATEGORY_LABELS[c]).join('、') },
  { header: '重点关爱情形', width: 18, value: (p) => p.child.priorityReasons.map((r) => PRIORITY_REASON_LABELS[r]).join('、') },
  {
    header: '监护人及电话', width: 26, full: true,
    value: (p, x) => p.child.guardians.map((g) => `${GUARDIAN_RELATION_LABELS[g.relation]}：${[g.name, x.open(g.phoneEnc)].filter(Boolean).join(' ')}`).join('；'),
  },
  { header: '结对人员', width: 10, value: (p) => p.volunteer.realName ?? '' },
  { header: '志愿者类别', width: 10, value: (p) => (p.volunteer.kind ? VOLUNTEER_KIND_LABELS[p.volunteer.kind] : '') },
  { header: '结对人员电话', width: 14, value: (p, x) => x.open(p.volunteer.phoneEnc) },
  { header: '所在单位（团队）', width: 20, value: (p) => [p.volunteer.workUnit, p.volunteer.team?.name].filter(Boolean).join(' / ') },
  { header: '儿童主任姓名及电话', width: 20, value: (_p, x) => x.director },
  { header: '提出结对日期', width: 14, value: (p) => cnDate(chinaDay(p.proposedAt)) },
  { header: '批准日期', width: 14, value: (p) => cnDate(chinaDay(p.approvedAt)) },
  { header: '批准人', width: 10, value: (_p, x) => x.approver },
  { header: '结对开始日期', width: 14, value: (p) => cnDate(day(p.startDate)) },
  { header: '状态', width: 12, value: (p) => PAIRING_STATE_LABELS[p.state] },
  { header: '暂停原因', width: 16, value: (p) => (p.state === 'paused' ? (p.pauseReason ?? '') : '') },
  { header: '结束日期', width: 14, value: (p) => cnDate(chinaDay(p.endedAt ?? p.declinedAt)) },
  {
    header: '结束原因', width: 22,
    value: (p) => (p.endReason ? [PAIRING_END_REASON_LABELS[p.endReason], p.endNote].filter(Boolean).join('：') : p.state === 'declined' ? (p.declineReason ?? '') : ''),
  },
  { header: '已确认走访次数', width: 10, value: (_p, x) => x.checkins.count },
  { header: '服务时长（小时，平台记录）', width: 12, value: (_p, x) => x.checkins.hours },
  { header: '最近一次确认联系', width: 14, value: (p, x) => cnDate(chinaDay(x.checkins.lastConfirmedAt ?? p.lastConfirmedContactAt)) },
]

export const PAIRING_LEDGER_SHEET = '结对台账'

export async function writePairingLedgerXlsx(out: Writable, o: PairingLedgerOptions): Promise<number> {
  const columns = COLUMNS.filter((c) => o.view === 'full' || !c.full)
  const wb = workbookInto(out)
  wb.creator = '牵手童行'
  const sheet = wb.addWorksheet(PAIRING_LEDGER_SHEET, {
    views: [{ state: 'frozen', xSplit: 3, ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddFooter: `&C${LEDGER_FOOTNOTE}  第 &P 页，共 &N 页` },
  })
  sheet.columns = [{ width: 6 }, ...columns.map((c) => ({ width: c.width }))]
  const title = sheet.addRow([o.title])
  title.getCell(1).font = { bold: true, size: 14 }
  sheet.mergeCells(1, 1, 1, columns.length + 1)
  const header = sheet.addRow(['序号', ...columns.map((c) => c.header)])
  header.eachCell((cell) => Object.assign(cell, { font: { bold: true }, border: allBorders, alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' } }))
  title.commit()
  header.commit()
  const pressure = watch(sheet)

  const names = new Map<string, string>()
  const directors = new Map<string, string | null>()
  const open = (sealed: string | null) => (sealed ? o.keyring.decrypt(sealed) : '')
  const size = 500
  let seq = 0
  for (let skip = 0; ; skip += size) {
    const rows = await repo.pairingLedgerPage(o.prisma, o.scope, skip, size)
    if (rows.length === 0) break
    const villages = [...new Set(rows.map((r) => r.villageCode))].filter((v) => !names.has(v))
    const [villageNames, villageDirectors, approvers, checkins] = await Promise.all([
      regionNames(o.prisma, villages),
      repo.villageDirectors(o.prisma, villages),
      repo.userNames(o.prisma, rows.map((r) => r.approvedById).filter((x): x is string => !!x)),
      confirmedCheckins(o.prisma, { regionPrefix: o.scope.prefix, from: new Date(0), to: o.now, pairingIds: rows.map((r) => r.id) }),
    ])
    for (const v of villages) {
      names.set(v, villageNames.get(v) ?? v)
      directors.set(v, villageDirectors.get(v) ?? null)
    }
    const approverName = new Map(approvers.map((u) => [u.id, u.displayName]))
    for (const p of rows) {
      seq++
      const extras: Extras = {
        villageName: names.get(p.villageCode)!,
        director: [directors.get(p.villageCode), p.child.directorWorkPhone].filter(Boolean).join(' '),
        approver: p.approvedById ? (approverName.get(p.approvedById) ?? '') : '',
        checkins: checkins.byPairing.get(p.id) ?? { count: 0, hours: 0, lastConfirmedAt: null },
        open,
        today: o.today,
      }
      sheet.addRow([seq, ...columns.map((c) => c.value(p, extras))]).commit()
      await pressure.drained()
    }
    await o.onProgress?.(seq)
    if (rows.length < size) break
  }
  const note = sheet.addRow([LEDGER_FOOTNOTE])
  note.getCell(1).font = { bold: true }
  sheet.mergeCells(note.number, 1, note.number, columns.length + 1)
  note.commit()
  sheet.commit()
  await wb.commit()
  return seq
}

/** The column headers a viewer's pairing ledger has (tests and the API docs read them). */
export const pairingLedgerHeaders = (view: LedgerView) => ['序号', ...COLUMNS.filter((c) => view === 'full' || !c.full).map((c) => c.header)]
