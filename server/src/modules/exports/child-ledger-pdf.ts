/**
 * The child ledger as a printable PDF: one A4 form per child (a long file continues on the next
 * page), drawn as the paper template's grid, with the template's footnote at the foot of every
 * page.
 *
 * The font: pdfkit reads TrueType/OpenType collections (.ttc) when given the face's PostScript name,
 * and embeds only the glyphs used (a form is ~60 KB, not the collection's 20 MB). Debian's
 * fonts-noto-cjk (which `npm test` installs where it can, as the e2e screenshots need it too) is looked for first,
 * then other common CJK packages; without any, PDF export answers 503 and XLSX still works.
 */
import { existsSync } from 'node:fs'
import type { Writable } from 'node:stream'
import PDFDocument from 'pdfkit'
import { LEDGER_FOOTNOTE, LEDGER_LAYOUT, ledgerTitle, type LedgerFieldKey } from '@qstx/shared'
import { AppError } from '../../lib/app-error'
import { WORKING_VIEW_NOTE } from './child-ledger-xlsx'
import type { LedgerRecord } from './ledger-source'
import { ledgerValues } from './ledger-values'
import type { LedgerView } from './policy'

export const FONT_CANDIDATES = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
]

export function cjkFont(): { path: string; face: string } {
  const found = FONT_CANDIDATES.find((f) => existsSync(f.path))
  if (!found) throw new AppError('SERVICE_UNAVAILABLE', '服务器未安装中文字体，暂时不能生成PDF，请导出Excel')
  return found
}

export interface LedgerPdfOptions {
  year: number
  view: LedgerView
  fields: ReadonlySet<LedgerFieldKey>
  onProgress?: (done: number) => unknown
}

const MARGIN = { top: 40, bottom: 48, left: 36, right: 36 }
/** Section, then three label/value pairs: 523 pt, the width of A4 inside the margins. */
const COLS = [46, 60, 99, 60, 99, 60, 99]
const X = COLS.reduce<number[]>((xs, w, i) => [...xs, (xs[i] ?? 0) + w], [MARGIN.left]).slice(0, COLS.length)
const WIDTH = COLS.reduce((a, b) => a + b, 0)
const PAD = 3
const SIZE = 8.5

export async function writeChildLedgerPdf(out: Writable, batches: AsyncIterable<LedgerRecord[]>, o: LedgerPdfOptions): Promise<number> {
  const font = cjkFont()
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, autoFirstPage: false, info: { Title: ledgerTitle(o.year), Creator: '牵手童行' } })
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve).on('close', resolve).on('error', reject)
    doc.on('error', reject)
  })
  doc.pipe(out)
  doc.registerFont('cjk', font.path, font.face)
  doc.on('pageAdded', () => footnote(doc))
  let seq = 0
  for await (const batch of batches) {
    for (const r of batch) {
      seq++
      drawForm(doc, r, o)
    }
    await o.onProgress?.(seq)
  }
  if (seq === 0) {
    doc.addPage().font('cjk').fontSize(12).text(`${ledgerTitle(o.year)}：没有符合条件的儿童档案`)
  }
  doc.end()
  await done
  return seq
}

function footnote(doc: PDFKit.PDFDocument): void {
  const bottom = doc.page.margins.bottom
  doc.page.margins.bottom = 0 // writing inside the bottom margin must not start a new page
  doc.font('cjk').fontSize(8).fillColor('#000').text(LEDGER_FOOTNOTE, MARGIN.left, doc.page.height - 34, { width: WIDTH, align: 'center', lineBreak: false })
  doc.page.margins.bottom = bottom
  doc.x = MARGIN.left
  doc.y = MARGIN.top
}

interface Cell {
  text: string
  col: number
  span: number
  align: 'left' | 'center'
}

function drawForm(doc: PDFKit.PDFDocument, r: LedgerRecord, o: LedgerPdfOptions): void {
  const v = ledgerValues(r, 'form', o.fields)
  doc.addPage()
  doc.font('cjk').fontSize(14).text(ledgerTitle(o.year), MARGIN.left, MARGIN.top, { width: WIDTH, align: 'center' })
  const meta = [`所属村（社区）：${r.villageName}`, r.archived ? '本页为已移交乡镇的年度档案' : '', o.view === 'working' ? WORKING_VIEW_NOTE : ''].filter(Boolean).join('    ')
  doc.fontSize(SIZE).text(meta, MARGIN.left, doc.y + 4, { width: WIDTH })
  let y = doc.y + 4
  const bottom = () => doc.page.height - MARGIN.bottom

  for (const block of LEDGER_LAYOUT) {
    const rows: Cell[][] = block.rows
      ? block.rows.map((cells) => cells.flatMap((c, i) => [
          { text: c.label, col: 1 + i * 2, span: 1, align: 'center' as const },
          { text: v[c.key], col: 2 + i * 2, span: 1, align: 'left' as const },
        ]))
      : block.wide
        ? [[{ text: v[block.wide], col: 1, span: 6, align: 'left' }]]
        : [[
            { text: v[block.signature!.value], col: 1, span: 2, align: 'left' },
            { text: block.signature!.then.label, col: 3, span: 1, align: 'center' },
            { text: v[block.signature!.then.key], col: 4, span: 3, align: 'left' },
          ]]
    const heights = rows.map((cells) => Math.max(block.wide ? 48 : 22, ...cells.map((c) => textHeight(doc, c.text, spanWidth(c)) + 2 * PAD)))
    // A block that does not fit goes to the next page whole (its section label must stay with it).
    if (y + heights.reduce((a, b) => a + b, 0) > bottom() && y > MARGIN.top + 60) {
      doc.addPage()
      doc.font('cjk').fontSize(SIZE).text(`${r.file.name}（续）`, MARGIN.left, MARGIN.top, { width: WIDTH })
      y = doc.y + 4
    }
    const top = y
    rows.forEach((cells, i) => {
      for (const c of cells) box(doc, c.text, X[c.col]!, y, spanWidth(c), heights[i]!, c.align)
      y += heights[i]!
    })
    box(doc, block.section, X[0]!, top, COLS[0]!, y - top, 'center')
  }
}

const spanWidth = (c: Cell) => COLS.slice(c.col, c.col + c.span).reduce((a, b) => a + b, 0)

function textHeight(doc: PDFKit.PDFDocument, text: string, width: number): number {
  return text ? doc.fontSize(SIZE).heightOfString(text, { width: width - 2 * PAD }) : 0
}

function box(doc: PDFKit.PDFDocument, text: string, x: number, y: number, w: number, h: number, align: 'left' | 'center'): void {
  doc.lineWidth(0.6).rect(x, y, w, h).stroke()
  if (!text) return
  const th = textHeight(doc, text, w)
  doc.fontSize(SIZE).text(text, x + PAD, y + Math.max(PAD, (h - th) / 2), { width: w - 2 * PAD, align, height: h - PAD })
}
