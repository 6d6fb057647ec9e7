/**
 * 工作进展情况 as XLSX: the annual report's figures (dashboard/annual.ts) as a two-column sheet the
 * county can paste into its report to the province. Counts only — no person — so no footnote about
 * personal information is needed, but the source of each figure is stated.
 */
import type { Writable } from 'node:stream'
import { VOLUNTEER_KINDS, VOLUNTEER_KIND_LABELS, type AnnualReport } from '@qstx/shared'
import { cnDate } from './ledger-values'
import { allBorders, workbookInto } from './xlsx-stream'

export const ANNUAL_SHEET = '工作进展情况'

const pct = (v: number | null) => (v === null ? '—' : `${v}%`)

export function annualReportRows(r: AnnualReport): Array<[string, string | number]> {
  return [
    ['统计地区', r.region.name],
    ['统计年度', `${r.year}年（截至${cnDate(r.asOf)}）`],
    ['报送截止日期', r.deadline ? cnDate(r.deadline) : '—'],
    ['一、关爱服务对象', ''],
    ['建档儿童总数（人）', r.children.total],
    ['其中：农村留守儿童（人）', r.children.leftBehind],
    ['　　　困境儿童（人）', r.children.inDifficulty],
    ['　　　　因家庭贫困（人）', r.children.difficultyPoverty],
    ['　　　　因自身残疾（人）', r.children.difficultyDisability],
    ['　　　　因监护缺失或监护不当（人）', r.children.difficultyGuardianship],
    ['　　　单亲家庭儿童（人）', r.children.singleParent],
    ['　　　重点关爱儿童（人）', r.children.priority],
    ['二、牵手“童”行结对', ''],
    ['已结对的重点关爱儿童（人）', r.pairings.priorityCovered],
    ['重点关爱儿童结对覆盖率', pct(r.pairings.priorityCoveredPct)],
    ['本年新建结对（对）', r.pairings.started],
    ['本年结束结对（对）', r.pairings.ended],
    ['统计截止日在结对（对）', r.pairings.activeAtEnd],
    ['爱心家长已确认走访（次）', r.checkins.confirmed],
    ['平台记录服务时长（小时）', r.platformHours],
    ['三、儿童主任走访', ''],
    ['入户走访：已完成 / 应完成（次）', `${r.directorVisits.homeVisits.done} / ${r.directorVisits.homeVisits.due}`],
    ['联系（含入户）：已完成 / 应完成（次）', `${r.directorVisits.contacts.done} / ${r.directorVisits.contacts.due}`],
    ['当前逾期未走访（人）', r.directorVisits.overdueNow],
    ['四、强制报告', ''],
    ['本年收到（件）', r.safeguarding.received],
    ['本年办结（件）', r.safeguarding.closed],
    ['目前未办结（件）', r.safeguarding.openNow],
    ['五、志愿者队伍', ''],
    ['在册爱心家长（人）', r.volunteers.total],
    ...VOLUNTEER_KINDS.map((k): [string, number] => [`　　${VOLUNTEER_KIND_LABELS[k]}（人）`, r.volunteers.byKind[k]]),
    ['本年新通过审核（人）', r.volunteers.approvedInYear],
  ]
}

export async function writeAnnualReportXlsx(out: Writable, r: AnnualReport): Promise<void> {
  const wb = workbookInto(out)
  wb.creator = '牵手童行'
  const sheet = wb.addWorksheet(ANNUAL_SHEET, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  sheet.columns = [{ width: 40 }, { width: 28 }]
  const title = sheet.addRow([`${r.region.name}${r.year}年农村留守儿童和困境儿童关爱服务工作进展情况`])
  title.getCell(1).font = { bold: true, size: 14 }
  sheet.mergeCells(1, 1, 1, 2)
  title.commit()
  for (const [label, value] of annualReportRows(r)) {
    const row = sheet.addRow([label, value])
    const heading = value === '' && /^[一二三四五]、/.test(label)
    row.eachCell({ includeEmpty: true }, (cell) => Object.assign(cell, { border: allBorders, font: { bold: heading } }))
    row.commit()
  }
  const note = sheet.addRow(['数据来源：牵手童行平台记录；服务时长为平台记录，不作为志愿服务证明（民政部令第67号）。'])
  sheet.mergeCells(note.number, 1, note.number, 2)
  note.commit()
  sheet.commit()
  await wb.commit()
}
