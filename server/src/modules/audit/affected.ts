/**
 * The breach listing (PIPL art. 57: notify the people affected): from the append-only audit trail,
 * every child and volunteer whose personal data the given accounts or addresses viewed, revealed or
 * exported in a time window — each access with what was seen and when.
 *
 * An audit row names one record; READS says what each kind of read showed and whom it was about.
 * An export names a region (or a background export): the people it held were recorded with it in
 * audit_subjects. Exports made before that record existed are re-derived from today's data for
 * the same region and year, and marked so (`basis: 'derived'`).
 */
import { chinaYear } from '@qstx/shared'
import type { Prisma } from '../../generated/prisma/client'
import type { Db } from '../../db/prisma'
import { regionNames } from '../children/repository'
import { ledgerIds } from '../exports/ledger-source'
import { ledgerFields, type LedgerView } from '../exports/policy'
import { ledgerScope, pairingScope } from '../exports/render'
import * as exportsRepo from '../exports/repository'

type Resolve = 'child' | 'volunteer' | 'pairing' | 'report' | 'export'
/** Every audited action that shows a child's or volunteer's personal data, and what it showed. */
export const READS: Record<string, { what: string; resolve: Resolve }> = {
  'child.read_full': { what: '查看完整档案', resolve: 'child' },
  'child.read_working': { what: '查看工作档案', resolve: 'child' },
  'child.read_card': { what: '查看儿童卡片', resolve: 'child' },
  'child.read_year': { what: '查看年度档案', resolve: 'child' },
  'child.read_history': { what: '查看档案修改记录', resolve: 'child' },
  'child.reveal': { what: '显示完整信息', resolve: 'child' },
  'child.read_entrusted_care': { what: '查看委托照护情况', resolve: 'child' },
  'child.read_concerns': { what: '查看心理和行为关注', resolve: 'child' },
  'pairing.suggest': { what: '查看结对推荐', resolve: 'child' },
  'pairing.read': { what: '查看结对详情', resolve: 'pairing' },
  'checkin.read': { what: '查看走访记录', resolve: 'pairing' },
  'volunteer.view': { what: '查看志愿者申请', resolve: 'volunteer' },
  'volunteer.checks': { what: '登记志愿者核查结果', resolve: 'volunteer' },
  'safeguarding.read': { what: '查看强制报告', resolve: 'report' },
  'export.child_ledger': { what: '导出个人信息台账', resolve: 'export' },
  'export.pairing_ledger': { what: '导出结对台账', resolve: 'export' },
  'export.download': { what: '下载导出文件', resolve: 'export' },
}

export const FIELD_LABELS: Record<string, string> = {
  idNumber: '身份证号', childIdNumber: '儿童身份证号', address: '住址', guardianName: '监护人姓名', guardianPhone: '监护人电话',
  health: '健康状况', income: '家庭收入', volunteerPhone: '志愿者电话', reporter: '报告人',
}

export interface AffectedQuery {
  accounts: string[]
  ips: string[]
  from?: Date
  to?: Date
}

export interface Access {
  at: Date
  action: string
  what: string
  fields: string[]
  actorUserId: string | null
  actorRole: string | null
  ip: string | null
  requestId: string | null
  subjectType: 'child' | 'volunteer'
  /** null for a harm report about a child without a file: then `name` is what the reporter wrote. */
  subjectId: string | null
  name: string
  regionCode: string | null
  regionName: string
  basis: 'recorded' | 'derived'
}

type Row = Prisma.AuditLogGetPayload<object>
type Subject = Pick<Access, 'subjectType' | 'subjectId' | 'basis'> & { name?: string; regionCode?: string }

export async function affectedBy(prisma: Db, q: AffectedQuery): Promise<Access[]> {
  if (!q.accounts.length && !q.ips.length) throw new Error('name at least one account or address')
  const rows = await prisma.auditLog.findMany({
    where: {
      action: { in: Object.keys(READS) },
      result: 'success',
      OR: [...(q.accounts.length ? [{ actorUserId: { in: q.accounts } }] : []), ...(q.ips.length ? [{ ip: { in: q.ips } }] : [])],
      at: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: q.to } : {}) },
    },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  })
  const subjects = await resolveSubjects(prisma, rows)
  const accesses = rows.flatMap((r) => (subjects.get(r.id) ?? []).map((s) => ({ row: r, s })))
  const people = await describe(prisma, accesses.map((a) => a.s))
  return accesses.map(({ row, s }) => {
    const who = s.subjectId ? people.get(s.subjectId) : undefined
    const regionCode = who?.regionCode ?? s.regionCode ?? null
    return {
      at: row.at, action: row.action, what: READS[row.action]!.what, fields: row.fieldsRevealed,
      actorUserId: row.actorUserId, actorRole: row.actorRole, ip: row.ip, requestId: row.requestId,
      subjectType: s.subjectType, subjectId: s.subjectId, basis: s.basis,
      name: who?.name ?? s.name ?? '（已删除）', regionCode, regionName: regionCode ? (people.regions.get(regionCode) ?? regionCode) : '',
    }
  })
}

async function resolveSubjects(prisma: Db, rows: Row[]): Promise<Map<bigint, Subject[]>> {
  const by = (kind: Resolve) => rows.filter((r) => READS[r.action]!.resolve === kind)
  const out = new Map<bigint, Subject[]>()
  const add = (id: bigint, s: Subject) => out.set(id, [...(out.get(id) ?? []), s])
  const recorded = (subjectType: 'child' | 'volunteer', subjectId: string): Subject => ({ subjectType, subjectId, basis: 'recorded' })
  for (const r of by('child')) if (r.targetId) add(r.id, recorded('child', r.targetId))
  for (const r of by('volunteer')) if (r.targetId) add(r.id, recorded('volunteer', r.targetId))

  const pairingRows = by('pairing')
  const pairings = await prisma.pairing.findMany({ where: { id: { in: ids(pairingRows) } }, select: { id: true, childId: true, volunteerId: true } })
  for (const r of pairingRows) {
    const p = pairings.find((x) => x.id === r.targetId)
    if (p) [recorded('child', p.childId), recorded('volunteer', p.volunteerId)].forEach((s) => add(r.id, s))
  }

  const reportRows = by('report')
  const reports = await prisma.safeguardingReport.findMany({
    where: { id: { in: ids(reportRows) } },
    select: { id: true, childId: true, childName: true, regionCode: true, reporter: { select: { volunteer: { select: { id: true } } } } },
  })
  for (const r of reportRows) {
    const rep = reports.find((x) => x.id === r.targetId)
    if (!rep) continue
    add(r.id, rep.childId ? recorded('child', rep.childId) : { subjectType: 'child', subjectId: null, basis: 'recorded', name: rep.childName ?? '（未写姓名）', regionCode: rep.regionCode })
    // The reporter's identity is what a handler's view reveals (fieldsRevealed: reporter).
    if (rep.reporter.volunteer) add(r.id, recorded('volunteer', rep.reporter.volunteer.id))
  }

  for (const r of by('export')) for (const s of await exportSubjects(prisma, r)) add(r.id, s)
  return out
}

const ids = (rows: Row[]) => rows.map((r) => r.targetId).filter((x): x is string => !!x)

/** The people an export held: as recorded with it, or — before that was recorded — derived again. */
async function exportSubjects(prisma: Db, r: Row): Promise<Subject[]> {
  const key = r.targetType === 'export' ? { exportId: r.targetId! } : { auditId: r.id }
  const kept = await prisma.auditSubject.findMany({ where: key, select: { subjectType: true, subjectId: true } })
  if (kept.length) return kept.map((k) => ({ subjectType: k.subjectType as 'child' | 'volunteer', subjectId: k.subjectId, basis: 'recorded' }))
  if (r.targetType === 'child' && r.targetId) return [{ subjectType: 'child', subjectId: r.targetId, basis: 'recorded' }]
  const spec = await exportSpec(prisma, r)
  if (!spec) return []
  const derived = spec.kind === 'child_ledger'
    ? await exportsRepo.childLedgerSubjects(prisma, (await ledgerIds(prisma, spec.scope)).map((x) => x.id), spec.scope, ledgerFields(spec.view).has('pairingPerson'))
    : await exportsRepo.pairingLedgerSubjects(prisma, spec.pairingScope)
  return [
    ...[...new Set(derived.children)].map((id): Subject => ({ subjectType: 'child', subjectId: id, basis: 'derived' })),
    ...[...new Set(derived.volunteers)].map((id): Subject => ({ subjectType: 'volunteer', subjectId: id, basis: 'derived' })),
  ]
}

/** What an unrecorded export covered: its region and year (from the audit row or the export). */
async function exportSpec(prisma: Db, r: Row) {
  let kind: 'child_ledger' | 'pairing_ledger' = r.action === 'export.pairing_ledger' ? 'pairing_ledger' : 'child_ledger'
  let region: string | undefined
  let year: number | undefined
  let view: LedgerView = r.fieldsRevealed.includes('idNumber') || r.fieldsRevealed.includes('childIdNumber') ? 'full' : 'working'
  if (r.targetType === 'export') {
    const e = await prisma.export.findUnique({ where: { id: r.targetId! } })
    if (!e || (e.kind !== 'child_ledger' && e.kind !== 'pairing_ledger')) return null
    const p = e.params as { year?: number; view?: LedgerView }
    ;[kind, region, year, view] = [e.kind, e.regionCode, p.year, p.view ?? view]
  } else if (r.targetType === 'region' && r.targetId) {
    const [code, y] = r.targetId.split(':')
    ;[region, year] = [code, y ? Number(y) : undefined]
  }
  if (!region) return null
  return { kind, view, scope: ledgerScope(region, year ?? chinaYear(r.at)), pairingScope: pairingScope(region, year) }
}

/** Names and regions of the people, and the regions' names. */
async function describe(prisma: Db, subjects: Subject[]) {
  const childIds = [...new Set(subjects.filter((s) => s.subjectType === 'child' && s.subjectId).map((s) => s.subjectId!))]
  const volunteerIds = [...new Set(subjects.filter((s) => s.subjectType === 'volunteer' && s.subjectId).map((s) => s.subjectId!))]
  const people = new Map<string, { name: string; regionCode: string | null }>()
  for (let at = 0; at < childIds.length; at += 5_000) {
    const rows = await prisma.child.findMany({ where: { id: { in: childIds.slice(at, at + 5_000) } }, select: { id: true, name: true, villageCode: true } })
    for (const c of rows) people.set(c.id, { name: c.name, regionCode: c.villageCode })
  }
  for (let at = 0; at < volunteerIds.length; at += 5_000) {
    const rows = await prisma.volunteer.findMany({ where: { id: { in: volunteerIds.slice(at, at + 5_000) } }, select: { id: true, realName: true, serviceRegionCode: true, user: { select: { displayName: true } } } })
    for (const v of rows) people.set(v.id, { name: v.realName ?? v.user.displayName, regionCode: v.serviceRegionCode })
  }
  const codes = [...new Set([...people.values()].map((p) => p.regionCode).concat(subjects.map((s) => s.regionCode ?? null)).filter((c): c is string => !!c))]
  return Object.assign(people, { regions: await regionNames(prisma, codes) })
}
