/**
 * The child ledger as XLSX, streamed (exceljs WorkbookWriter: rows are committed as they are
 * written and never held for the whole region). Two views of the same records:
 *   汇总表 — one row per child, the form's labels as column headers grouped under its sections;
 *   one sheet per child — the paper form itself: section column, label/value pairs, Q1–Q4 rows,
 *     options printed with the applicable ones ticked.
 * Every sheet ends with the template's footnote, and prints it in the page footer too.
 */
import type { Writable } from 'node:stream'
import type ExcelJS from 'exceljs'
import { LEDGER_FIELDS, LEDGER_FOOTNOTE, LEDGER_LAYOUT, LEDGER_SECTION_OF, ledgerTitle, type LedgerFieldKey } from '@qstx/shared'
import type { LedgerRecord } from './ledger-source'
import { ledgerValues, type LedgerValues } from './ledger-values'
import type { LedgerView } from './policy'
import { allBorders, sheetName, watch, workbookInto } from './xlsx-stream'

export interface LedgerXlsxOptions {
  year: number
  regionName: string
  layout: 'both' | 'table' | 'sheets'
  view: LedgerView
  fields: ReadonlySet<LedgerFieldKey>
  /** Called after each batch with the number of children written so far. */
  onProgress?: (done: number) => unknown
}

export const TABLE_SHEET = '汇总表'
export const WORKING_VIEW_NOTE = '工作视图：“—”为不在您查看范围内的内容（身份证号、住址、监护人信息、走访记录等）'
const footer = { oddFooter: `&C${LEDGER_FOOTNOTE}  第 &P 页，共 &N 页` }
const page = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 } } as const
const wrap = { wrapText: true, vertical: 'middle' } as const
const centred = { wrapText: true, vertical: 'middle', horizontal: 'center' } as const

export async function writeChildLedgerXlsx(out: Writable, batches: AsyncIterable<LedgerRecord[]>, o: LedgerXlsxOptions): Promise<number> {
  const wb = workbookInto(out)
  wb.creator = '牵手童行'
  const table = o.layout === 'sheets' ? null : startTable(wb, o)
  const pressure = table && watch(table.sheet)
  let seq = 0
  for await (const batch of batches) {
    for (const r of batch) {
      seq++
      if (table) table.sheet.addRow(table.row(seq, r)).commit()
      if (o.layout !== 'table') writeFormSheet(wb, seq, r, o)
      if (pressure) await pressure.drained()
    }
    await o.onProgress?.(seq)
  }
  if (table) {
    const last = table.sheet.addRow([LEDGER_FOOTNOTE])
    table.sheet.mergeCells(last.number, 1, last.number, table.width)
    last.getCell(1).font = { bold: true }
    last.commit()
    table.sheet.commit()
  }
  await wb.commit()
  return seq
}

// ── one row per child ───────────────────────────────────────────────────────────────────────────

function startTable(wb: ExcelJS.stream.xlsx.WorkbookWriter, o: LedgerXlsxOptions) {
  const fields = LEDGER_FIELDS.filter((f) => o.fields.has(f.key))
  const width = fields.length + 3
  const sheet = wb.addWorksheet(TABLE_SHEET, { views: [{ state: 'frozen', xSplit: 3, ySplit: 3 }], pageSetup: { ...page, orientation: 'landscape' }, headerFooter: footer })
  sheet.columns = [{ width: 6 }, { width: 14 }, ...fields.map((f) => ({ width: f.key.startsWith('q') || f.options ? 22 : 14 })), { width: 14 }]
  const title = sheet.addRow([`${ledgerTitle(o.year)}（${o.regionName}）${o.view === 'working' ? `  ${WORKING_VIEW_NOTE}` : ''}`])
  title.getCell(1).font = { bold: true, size: 14 }
  // Columns outside any section carry their label in both header rows (the merge keeps the first).
  const sections = sheet.addRow(['序号', '所属村（社区）', ...fields.map((f) => LEDGER_SECTION_OF[f.key]), '档案版本'])
  const labels = sheet.addRow(['序号', '所属村（社区）', ...fields.map((f) => f.tableLabel ?? f.label), '档案版本'])
  sheet.mergeCells(1, 1, 1, width)
  // Section headers span their columns; the columns outside any section span both header rows.
  for (const col of [1, 2, width]) sheet.mergeCells(2, col, 3, col)
  let from = 3
  for (let col = 4; col <= fields.length + 3; col++) {
    const same = col <= fields.length + 2 && LEDGER_SECTION_OF[fields[col - 3]!.key] === LEDGER_SECTION_OF[fields[from - 3]!.key]
    if (same) continue
    if (col - 1 > from) sheet.mergeCells(2, from, 2, col - 1)
    from = col
  }
  for (const row of [sections, labels]) {
    row.eachCell((cell) => Object.assign(cell, { alignment: centred, border: allBorders, font: { bold: true } }))
  }
  for (const r of [title, sections, labels]) r.commit()
  return {
    sheet,
    width,
    row(seq: number, r: LedgerRecord) {
      const v = ledgerValues(r, 'table', o.fields)
      return [seq, r.villageName, ...fields.map((f) => v[f.key]), r.archived ? '已移交的年度档案' : '当前档案']
    },
  }
}

// ── one sheet per child: the paper form ─────────────────────────────────────────────────────────

const FORM_WIDTHS = [9, 12, 22, 12, 22, 12, 24]

function writeFormSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, seq: number, r: LedgerRecord, o: LedgerXlsxOptions): void {
  const sheet = wb.addWorksheet(sheetName(seq, r.file.name), { pageSetup: page, headerFooter: footer })
  sheet.columns = FORM_WIDTHS.map((width) => ({ width }))
  const v = ledgerValues(r, 'form', o.fields)
  const title = sheet.addRow([ledgerTitle(o.year)])
  title.height = 28
  title.getCell(1).font = { bold: true, size: 15 }
  title.getCell(1).alignment = centred
  sheet.mergeCells(1, 1, 1, 7)
  const meta = sheet.addRow([[`所属村（社区）：${r.villageName}`, r.archived ? '本页为已移交乡镇的年度档案' : '', o.view === 'working' ? WORKING_VIEW_NOTE : ''].filter(Boolean).join('    ')])
  meta.getCell(1).alignment = wrap
  sheet.mergeCells(2, 1, 2, 7)

  for (const block of LEDGER_LAYOUT) {
    // (The streaming sheet has no rowCount: the block's rows are kept here.)
    const added: ExcelJS.Row[] = []
    if (block.rows) {
      for (const cells of block.rows) {
        const row = sheet.addRow([block.section, ...cells.flatMap((c) => [c.label, v[c.key]])])
        fit(row, cells.map((c) => v[c.key]), [FORM_WIDTHS[2]!, FORM_WIDTHS[4]!, FORM_WIDTHS[6]!])
        added.push(row)
      }
      if (added.length > 1) sheet.mergeCells(added[0]!.number, 1, added.at(-1)!.number, 1)
    } else if (block.wide) {
      const row = sheet.addRow([block.section, v[block.wide]])
      sheet.mergeCells(row.number, 2, row.number, 7)
      fit(row, [v[block.wide]], [100], 40)
      added.push(row)
    } else if (block.signature) {
      const s = block.signature
      const row = sheet.addRow([block.section, v[s.value], '', s.then.label, v[s.then.key]])
      sheet.mergeCells(row.number, 2, row.number, 3)
      sheet.mergeCells(row.number, 5, row.number, 7)
      fit(row, [v[s.value], v[s.then.key]], [34, 58], 24)
      added.push(row)
    }
    for (const row of added) {
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.border = allBorders
        cell.alignment = col === 1 || (block.rows && col % 2 === 0) || (block.signature && col === 4) ? centred : wrap
      })
    }
  }
  const note = sheet.addRow([LEDGER_FOOTNOTE])
  note.getCell(1).font = { bold: true }
  sheet.mergeCells(note.number, 1, note.number, 7)
  sheet.commit()
}

/** Rows grow with their longest value, so a printed form shows every line (Excel does not re-fit rows it did not lay out). */
function fit(row: ExcelJS.Row, values: string[], widths: number[], min = 30): void {
  const lines = Math.max(1, ...values.map((text, i) => linesOf(text, widths[i] ?? 20)))
  row.height = Math.max(min, lines * 14 + 6)
}

/** Display lines of `text` in a column `width` characters wide (a Chinese character is two). */
function linesOf(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => {
    let units = 0
    for (const ch of line) units += ch.charCodeAt(0) > 0x2e80 ? 2 : 1
    return n + Math.max(1, Math.ceil(units / Math.max(1, width - 1)))
  }, 0)
}

export type { LedgerValues }
