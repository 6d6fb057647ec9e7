/**
 * The breach listing as files for the people who notify: XLSX with one line per person (受影响人员:
 * what was seen of them, first and last time, how often), every access (访问明细) and what was asked
 * (说明); CSV with every access, one line each (UTF-8 with BOM, so Excel opens the Chinese right).
 * Names and regions only — no ID number, phone or address: contacts are looked up in the system
 * by the person who notifies, so the listing is not a second leak waiting to happen.
 */
import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { ROLE_LABELS, type Role } from '@qstx/shared'
import { workbookInto } from '../exports/xlsx-stream'
import { FIELD_LABELS, type Access, type AffectedQuery } from './affected'

const TYPE_LABELS = { child: '儿童', volunteer: '志愿者' } as const
const BASIS_LABELS = { recorded: '审计记录', derived: '按现有数据推定（导出时未逐人记录）' } as const
/** Times as the county reads them: China time, to the second. */
export const chinaTime = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
const fieldsText = (fields: string[]) => fields.map((f) => FIELD_LABELS[f] ?? f).join('、')
const roleText = (role: string | null) => (role ? (ROLE_LABELS[role as Role] ?? role) : '')

export interface Person {
  subjectType: Access['subjectType']
  subjectId: string | null
  name: string
  regionName: string
  regionCode: string | null
  first: Date
  last: Date
  times: number
  what: string[]
  fields: string[]
  basis: Access['basis']
}

/** One line per person, in the order the accesses first reached them. */
export function people(accesses: Access[]): Person[] {
  const by = new Map<string, Person>()
  for (const a of accesses) {
    const key = `${a.subjectType}:${a.subjectId ?? a.name + a.regionCode}`
    const p = by.get(key) ?? { ...a, first: a.at, last: a.at, times: 0, what: [], fields: [] }
    p.last = a.at
    p.times++
    if (!p.what.includes(a.what)) p.what.push(a.what)
    for (const f of a.fields) if (!p.fields.includes(f)) p.fields.push(f)
    if (a.basis === 'recorded') p.basis = 'recorded'
    by.set(key, p)
  }
  return [...by.values()]
}

const DETAIL_HEADER = ['时间', '账号', '账号名称', '角色', 'IP地址', '操作', '涉及敏感字段', '类别', '姓名', '所在地区', '地区代码', '人员编号', '依据', '请求编号']
function detailRow(a: Access, accountNames: Map<string, string>): string[] {
  return [
    chinaTime(a.at), a.actorUserId ?? '', a.actorUserId ? (accountNames.get(a.actorUserId) ?? '') : '', roleText(a.actorRole), a.ip ?? '', a.what, fieldsText(a.fields),
    TYPE_LABELS[a.subjectType], a.name, a.regionName, a.regionCode ?? '', a.subjectId ?? '', BASIS_LABELS[a.basis], a.requestId ?? '',
  ]
}

/** Excel holds at most 1,048,576 rows a sheet: a larger detail continues on the next sheet. */
const ROWS_PER_SHEET = 1_000_000

export async function writeAffectedXlsx(file: string, accesses: Access[], accountNames: Map<string, string>, q: AffectedQuery & { generatedAt: Date }) {
  const out = createWriteStream(file, { mode: 0o600 })
  const wb = workbookInto(out)
  const list = people(accesses)
  const summary = wb.addWorksheet('受影响人员')
  summary.addRow(['类别', '姓名', '所在地区', '地区代码', '人员编号', '首次', '最后', '次数', '涉及内容', '涉及敏感字段', '依据']).commit()
  for (const p of list) {
    summary.addRow([TYPE_LABELS[p.subjectType], p.name, p.regionName, p.regionCode ?? '', p.subjectId ?? '', chinaTime(p.first), chinaTime(p.last), p.times, p.what.join('、'), fieldsText(p.fields), BASIS_LABELS[p.basis]]).commit()
  }
  summary.commit()
  for (let at = 0; at === 0 || at < accesses.length; at += ROWS_PER_SHEET) {
    const sheet = wb.addWorksheet(at === 0 ? '访问明细' : `访问明细${at / ROWS_PER_SHEET + 1}`)
    sheet.addRow(DETAIL_HEADER).commit()
    for (const a of accesses.slice(at, at + ROWS_PER_SHEET)) sheet.addRow(detailRow(a, accountNames)).commit()
    sheet.commit()
  }
  const about = wb.addWorksheet('说明')
  const count = (t: Access['subjectType']) => list.filter((p) => p.subjectType === t).length
  for (const row of [
    ['生成时间', chinaTime(q.generatedAt)],
    ['账号', q.accounts.map((id) => `${accountNames.get(id) ?? ''} ${id}`.trim()).join('；') || '—'],
    ['IP地址', q.ips.join('；') || '—'],
    ['时间范围', `${q.from ? chinaTime(q.from) : '最早'} 至 ${q.to ? chinaTime(q.to) : '现在'}（北京时间，不含结束时刻）`],
    ['受影响儿童（人）', count('child')],
    ['受影响志愿者（人）', count('volunteer')],
    ['访问记录（条）', accesses.length],
    ['说明', '本表依据系统审计日志生成，列出上述账号或IP地址查看、显示或导出过个人信息的儿童和志愿者，用于依法告知。本表含个人信息，须妥善保管，不得外传。'],
  ]) about.addRow(row).commit()
  about.commit()
  await wb.commit()
  await finished(out)
}

const csvCell = (v: string | number) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))

export async function writeAffectedCsv(file: string, accesses: Access[], accountNames: Map<string, string>) {
  const out = createWriteStream(file, { mode: 0o600 })
  out.write('\uFEFF' + DETAIL_HEADER.map(csvCell).join(',') + '\r\n')
  for (const a of accesses) {
    if (!out.write(detailRow(a, accountNames).map(csvCell).join(',') + '\r\n')) await new Promise<void>((r) => out.once('drain', () => r()))
  }
  out.end()
  await finished(out)
}
