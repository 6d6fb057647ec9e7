/**
 * From a ledger record to the words in each box of the official form. Two renderings of the same
 * facts: `form` prints the template's options with the applicable ones ticked (■ 农村户籍 □ 城市户籍),
 * as on paper; `table` prints only what applies (农村户籍), one cell per column. Columns outside the
 * viewer's rights are "—" on the form (the table leaves them out altogether).
 */
import {
  CHECKED, ENTRUSTED_CARERS, ENTRUSTED_REASONS, CARE_QUALITIES, GUARDIAN_RELATION_LABELS, LEDGER_FIELDS, SCHOOL_STAGE_LABELS, UNCHECKED,
  type LedgerFieldKey,
} from '@qstx/shared'
import type { LedgerRecord, LedgerVisit } from './ledger-source'

export type LedgerMode = 'form' | 'table'
export type LedgerValues = Record<LedgerFieldKey, string>

export const RESTRICTED = '—'

const OPTIONS = new Map(LEDGER_FIELDS.filter((f) => f.options).map((f) => [f.key, f.options!]))

/** 2026-01-10 → 2026年1月10日, as the form writes dates (建档时间 年 月 日). */
export function cnDate(d: string | null | undefined): string {
  if (!d) return ''
  const [y, m, day] = d.split('-').map(Number)
  return `${y}年${m}月${day}日`
}

/**
 * A field with printed options: `ticked` maps an option's index to the words that complete it
 * (an amount, an illness); '' ticks it as printed.
 */
function boxes(key: LedgerFieldKey, ticked: Map<number, string>, mode: LedgerMode): string {
  const options = OPTIONS.get(key)!
  if (mode === 'table') return [...ticked.entries()].sort(([a], [b]) => a - b).map(([i, s]) => complete(options[i]!, s, mode)).join('；')
  return options.map((o, i) => (ticked.has(i) ? `${CHECKED}${complete(o, ticked.get(i)!, mode)}` : `${UNCHECKED}${o}`)).join('  ')
}

/**
 * Fills an option's blank: "低保 元/月" + 300 → "低保 300元/月"; "重病，患病情况" + 哮喘 →
 * "重病，患病情况：哮喘". Without a filler the form keeps the printed words; the table drops the
 * blank ("困境儿童，具体类别：" → "困境儿童", "重病，患病情况" → "重病").
 */
function complete(option: string, filler: string, mode: LedgerMode): string {
  if (!filler) return mode === 'form' ? option : option.replace(/ 元\/月$/, '').replace(/，(具体类别：|患病情况|等级)$/, '')
  if (option.endsWith(' 元/月')) return option.replace(/ 元\/月$/, ` ${filler}元/月`)
  if (option.endsWith('：')) return option + filler
  return `${option}：${filler}`
}

const one = (i: number, filler = '') => new Map([[i, filler]])
const SHORT_DIFFICULTY = { poverty: '家庭贫困', disability: '自身残疾', guardianship: '监护缺失或监护不当' } as const
const ASSISTANCE_INDEX = { orphan: 0, de_facto_unsupported: 1, dibao: 2, tekun: 3, disability: 4, temporary: 5, other: 6 } as const
const SUBSIDY_INDEX = { dibao: 0, tekun: 1, disability: 2, other: 3 } as const
const amount = (yuan: number | null) => (yuan === null || yuan === undefined ? '' : String(yuan))

function school(r: LedgerRecord): string {
  const s = r.file.school
  if (!s) return ''
  const grade = s.grade && (s.stage === 'primary' || s.stage === 'junior' || s.stage === 'senior') ? `${s.grade}年级` : ''
  return `${SCHOOL_STAGE_LABELS[s.stage]}${grade}${s.name ? `（${s.name}）` : ''}`
}

function health(r: LedgerRecord, mode: LedgerMode): string {
  const h = r.file.health
  const index = { healthy: 0, fair: 1, serious_illness: 2, chronic_illness: 3, disability: 4, other: 5 }[h.status]
  const filler = h.status === 'disability' ? (h.disabilityGrade ? `${h.disabilityGrade}级${h.detail ? `，${h.detail}` : ''}` : (h.detail ?? '')) : (h.detail ?? '')
  return boxes('health', one(index, h.status === 'healthy' || h.status === 'fair' ? '' : filler), mode)
}

function guardians(r: LedgerRecord, mode: LedgerMode): string {
  const person = (g: LedgerRecord['guardians'][number]) => [g.name, g.phone].filter(Boolean).join(' ')
  const father = r.guardians.find((g) => g.relation === 'father')
  const mother = r.guardians.find((g) => g.relation === 'mother')
  const others = r.guardians.filter((g) => g !== father && g !== mother)
  const parts = [`父亲：${father ? person(father) : ''}`, `母亲：${mother ? person(mother) : ''}`, ...others.map((g) => `${GUARDIAN_RELATION_LABELS[g.relation]}：${person(g)}`)]
  if (mode === 'table') return parts.filter((p) => !p.endsWith('：')).join('；')
  return parts.join('  ')
}

function guardianHealth(r: LedgerRecord, mode: LedgerMode): string {
  if (r.guardians.length === 0) return boxes('guardianHealth', new Map(), mode)
  const unwell = r.guardians.filter((g) => !g.healthy)
  if (unwell.length === 0) return boxes('guardianHealth', one(0), mode)
  return boxes('guardianHealth', one(1, unwell.map((g) => `${GUARDIAN_RELATION_LABELS[g.relation]}${g.healthDetail ? ` ${g.healthDetail}` : ''}`).join('；')), mode)
}

/** Several visits in one quarter are listed, numbered alike in all three boxes of the row. */
function quarter(visits: LedgerVisit[], n: number) {
  const mine = visits.filter((v) => Math.floor((Number(v.visitedOn.slice(5, 7)) - 1) / 3) + 1 === n)
  const mark = (i: number) => (mine.length > 1 ? `${'①②③④⑤⑥⑦⑧⑨⑩'[i] ?? `(${i + 1})`} ` : '')
  const list = (pick: (v: LedgerVisit, i: number) => string) => mine.map((v, i) => mark(i) + pick(v, i)).join('\n')
  return {
    date: list((v) => `${cnDate(v.visitedOn)}${v.kind === 'contact' ? '（联系）' : '（入户）'}`),
    problems: mine.some((v) => v.problems) ? list((v) => v.problems ?? '无') : '',
    measures: mine.some((v) => v.measures) ? list((v) => v.measures ?? '无') : '',
  }
}

function pairingPerson(r: LedgerRecord): string {
  return r.pairings
    .map((p) => `${[p.volunteerName, p.volunteerPhone].filter(Boolean).join(' ')}${p.endedOn ? `（${cnDate(p.endedOn)}结束）` : ''}`)
    .join('；')
}

export function ledgerValues(r: LedgerRecord, mode: LedgerMode, allowed: ReadonlySet<LedgerFieldKey>): LedgerValues {
  const f = r.file
  const q = [1, 2, 3, 4].map((n) => quarter(r.visits, n))
  const categories = new Map<number, string>()
  if (f.categories.includes('left_behind')) categories.set(0, '')
  // Which difficulty (poverty, disability, guardianship) is as sensitive as health: only with it.
  const kinds = allowed.has('health') ? f.difficultyKinds.map((k) => SHORT_DIFFICULTY[k]).join('、') : ''
  if (f.categories.includes('in_difficulty')) categories.set(1, kinds)
  const assistance = new Map<number, string>(f.assistance.map((a) => [ASSISTANCE_INDEX[a.kind], amount(a.yuanPerMonth)]))
  if (f.assistance.length === 0) assistance.set(7, '')
  const subsidies = new Map<number, string>(f.familySubsidies.map((a) => [SUBSIDY_INDEX[a.kind], amount(a.yuanPerMonth)]))
  const care = f.entrustedCare
  const occupations = r.guardians.filter((g) => g.occupation).map((g) => `${GUARDIAN_RELATION_LABELS[g.relation]}：${g.occupation}`)

  const all: LedgerValues = {
    name: f.name,
    gender: boxes('gender', one(f.gender === 'male' ? 0 : 1), mode),
    ethnicity: f.ethnicity,
    birthDate: cnDate(f.birthDate),
    idNumber: r.idNumber ?? '',
    address: r.address ?? '',
    hukouType: boxes('hukouType', one(f.hukouType === 'rural' ? 0 : 1), mode),
    category: boxes('category', categories, mode),
    singleParent: mode === 'table'
      ? (f.singleParentFamily === 'no' ? '否' : `是，单亲${f.singleParentFamily === 'mother' ? '母亲' : '父亲'}家庭`)
      : f.singleParentFamily === 'no'
        ? `${UNCHECKED}是，单亲母亲/父亲家庭  ${CHECKED}否`
        : `${CHECKED}是，单亲${f.singleParentFamily === 'mother' ? '母亲' : '父亲'}家庭  ${UNCHECKED}否`,
    school: school(r),
    boarding: boxes('boarding', one(f.boarding ? 0 : 1), mode),
    guardianship: f.guardianship ?? '',
    health: health(r, mode),
    psychBehaviour: f.psychBehaviour ?? '',
    assistance: boxes('assistance', assistance, mode),
    educationAid: f.educationAid ?? '',
    medicalAid: f.medicalAid ?? '',
    otherAid: f.otherAid ?? '',
    guardians: guardians(r, mode),
    guardianHealth: guardianHealth(r, mode),
    occupation: occupations.join('；'),
    incomePerCapita: f.incomePerCapita === null || f.incomePerCapita === undefined ? '' : String(f.incomePerCapita),
    familySubsidies: boxes('familySubsidies', subsidies, mode),
    socialSupport: f.socialSupport ?? '',
    entrustedCarer: boxes('entrustedCarer', care ? one(ENTRUSTED_CARERS.indexOf(care.carer)) : new Map(), mode),
    entrustedReason: boxes('entrustedReason', care?.reason ? one(ENTRUSTED_REASONS.indexOf(care.reason)) : new Map(), mode),
    entrustedCareQuality: boxes('entrustedCareQuality', care?.quality ? one(CARE_QUALITIES.indexOf(care.quality)) : new Map(), mode),
    pairingPerson: pairingPerson(r),
    pairingUnit: [...new Set(r.pairings.map((p) => p.unit).filter(Boolean))].join('；'),
    director: [r.director.name, r.director.phone].filter(Boolean).join(' '),
    q1Date: q[0]!.date, q1Problems: q[0]!.problems, q1Measures: q[0]!.measures,
    q2Date: q[1]!.date, q2Problems: q[1]!.problems, q2Measures: q[1]!.measures,
    q3Date: q[2]!.date, q3Problems: q[2]!.problems, q3Measures: q[2]!.measures,
    q4Date: q[3]!.date, q4Problems: q[3]!.problems, q4Measures: q[3]!.measures,
    careGiven: f.careGiven ?? '',
    otherNotes: f.otherNotes ?? '',
    filedBy: f.filedByName ?? '',
    filedAt: cnDate(f.filedAt),
  }
  if (allowed.size === LEDGER_FIELDS.length) return all
  for (const key of Object.keys(all) as LedgerFieldKey[]) if (!allowed.has(key)) all[key] = RESTRICTED
  return all
}
