/** Reading exported workbooks in tests: every cell's text, and the value beside a label. */
import ExcelJS from 'exceljs'

export async function loadWorkbook(body: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(body) as unknown as ArrayBuffer)
  return wb
}

const isSlave = (cell: ExcelJS.Cell) => cell.isMerged && cell.master.address !== cell.address

/** Every non-empty cell text of a sheet, row by row (a merged range counts once). */
export function cellTexts(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = []
  sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => void (!isSlave(cell) && cell.text && out.push(cell.text))))
  return out
}

export function allCellTexts(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.flatMap(cellTexts)
}

/** The text of the cell right of the `nth` cell whose text is exactly `label` (the form's label/value pairs). */
export function valueRightOf(sheet: ExcelJS.Worksheet, label: string, nth = 0): string | undefined {
  let seen = 0
  let found: string | undefined
  sheet.eachRow((row) => {
    row.eachCell((cell, col) => {
      if (found !== undefined || isSlave(cell) || cell.text !== label) return
      if (seen++ === nth) found = row.getCell(col + 1).text
    })
  })
  return found
}

/** Header → value of one row of a table sheet whose labels are in `headerRow`. */
export function tableRow(sheet: ExcelJS.Worksheet, headerRow: number, row: number): Record<string, string> {
  const headers = sheet.getRow(headerRow)
  const out: Record<string, string> = {}
  headers.eachCell((cell, col) => {
    const value = sheet.getRow(row).getCell(col)
    out[cell.text] = value.isMerged && value.master.value === null ? '' : value.text
  })
  return out
}
