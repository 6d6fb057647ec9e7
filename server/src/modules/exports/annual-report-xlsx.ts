/**
 * 工作进展情况 as XLSX: the annual report's figures (dashboard/annual.ts) as a two-column sheet the
 * county can paste into its report to the province. Counts only — no person — so no footnote about
 * personal information is needed, but the source of each figure is stated.
 */
import type { Writable } from 'node:stream'
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, VOLUNTEER_KINDS, VOLUNTEER_KIND_LABELS, type AnnualReport } from '@qstx/shared'
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
    ['平台记录服务时长（小时，含关爱活动）', r.platformHours],
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
    ...careRows(r),
  ]
}

/** Issue #17: entrusted care, water safety, directors, activities, psychological concerns. */
function careRows(r: AnnualReport): Array<[string, string | number]> {
  const e = r.entrustedCare
  return [
    ['六、委托照护', ''],
    ['有被委托照护人的儿童（人）', e.arrangements],
    ['本年评估照护情况的儿童（人）', e.assessed],
    ['发现照护人缺乏能力或怠于履责（次）', e.findings],
    ['已告知父母或其他监护人（次）', e.parentsNotified],
    ['帮助、督促照护人履责（次）', e.carersSupported],
    ['重新选择被委托照护人（次）', e.carersChanged],
    ['七、防溺水', ''],
    ...r.waterSafety.windows.map((w): [string, string] => [`${w.label}：已开展 / 临水儿童（人）${w.provisional ? '（假期日期暂定）' : ''}`, `${w.covered} / ${w.listed}`]),
    ['八、儿童主任队伍', ''],
    ['儿童主任（人）', r.directors.total],
    ['本年已培训（人）', r.directors.trained],
    ['培训覆盖率', pct(r.directors.trainedPct)],
    ['无儿童主任或需增配的村（社区）（个）', r.directors.villagesNeedingDirector],
    ['九、关爱活动', ''],
    ['本年开展活动（次）', r.activities.total],
    ...ACTIVITY_KINDS.map((k): [string, number] => [`　　${ACTIVITY_KIND_LABELS[k]}（次）`, r.activities.byKind[k]]),
    ['活动覆盖儿童（人次）', r.activities.childrenReached],
    ['志愿者活动服务时长（小时，已确认）', r.activities.volunteerHours],
    ['开展安全知识进村的村（社区）/ 有服务对象的村（社区）（个）', `${r.activities.villagesWithSafetyVisit} / ${r.activities.villages}`],
    ['十、心理关爱', ''],
    ['本年记录心理或行为关注（次）', r.concerns.recorded],
    ['涉及儿童（人）', r.concerns.children],
    ['转介（次）', r.concerns.referred],
    ['结束关注（次）', r.concerns.closed],
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
    const heading = value === '' && /^[一二三四五六七八九十]、/.test(label)
    row.eachCell({ includeEmpty: true }, (cell) => Object.assign(cell, { border: allBorders, font: { bold: heading } }))
    row.commit()
  }
  const note = sheet.addRow(['数据来源：牵手童行平台记录；服务时长为平台记录，不作为志愿服务证明（民政部令第67号）。'])
  sheet.mergeCells(note.number, 1, note.number, 2)
  note.commit()
  sheet.commit()
  await wb.commit()
}
