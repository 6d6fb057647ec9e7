/**
 * Eligibility hints: do the facts entered in a file fit the categories the director chose?
 * The definitions (DOMAIN.md, from the national and provincial plans):
 *   农村留守儿童 — under 16, rural hukou, both parents away for work, or one away and the other
 *     without guardianship capacity; "away" means 3+ consecutive months.
 *   困境儿童 — poverty, own disability, or missing/improper guardianship (one of the three kinds).
 * A mismatch is a warning the director sees, never a block: the file is the director's judgement,
 * and real cases (a parent missing for years, a pending 低保 application) do not always fit a form.
 * Pure functions, so the client shows the same hints while the form is being filled in.
 */
import { ageOn } from './age'
import type { AssistanceKind, ChildCategory, DifficultyKind, HealthStatus, ParentStatus, SubsidyKind } from './enums'

export interface ParentFacts {
  status: ParentStatus
  /** 'YYYY-MM-DD': since when the parent has been away (only meaningful for status 'away'). */
  awaySince?: string | null
}

export interface EligibilityFacts {
  categories: readonly ChildCategory[]
  difficultyKinds: readonly DifficultyKind[]
  birthDate: string
  hukouType: 'rural' | 'urban'
  father?: ParentFacts | null
  mother?: ParentFacts | null
  healthStatus: HealthStatus
  assistance: ReadonlyArray<{ kind: AssistanceKind }>
  familySubsidies: ReadonlyArray<{ kind: SubsidyKind }>
  /** 监护情况, free text: describes improper guardianship when there is some. */
  guardianship?: string | null
}

export const ELIGIBILITY_WARNINGS = {
  LEFT_BEHIND_AGE: '农村留守儿童应未满16周岁，请核对出生日期或儿童类别',
  LEFT_BEHIND_HUKOU: '农村留守儿童应为农村户籍，请核对户籍类别',
  LEFT_BEHIND_PARENTS_UNKNOWN: '请填写父母双方的外出情况，以便核对是否属于农村留守儿童',
  LEFT_BEHIND_PARENTS: '父母双方外出务工，或一方外出务工、另一方无监护能力，才属于农村留守儿童',
  LEFT_BEHIND_DURATION: '父母外出应连续3个月以上，才属于农村留守儿童',
  IN_DIFFICULTY_AGE: '困境儿童应未满18周岁，请核对出生日期或儿童类别',
  IN_DIFFICULTY_KIND_MISSING: '请选择困境儿童的具体类别（家庭贫困、自身残疾、监护缺失或不当）',
  IN_DIFFICULTY_POVERTY: '选择了“家庭贫困”，但没有填写低保、特困或临时救助等情况',
  IN_DIFFICULTY_DISABILITY: '选择了“自身残疾”，但健康状况没有填写为残疾',
  IN_DIFFICULTY_GUARDIANSHIP: '选择了“监护缺失或不当”，但父母情况和监护情况中没有相应记录',
  DIFFICULTY_KIND_WITHOUT_CATEGORY: '填写了困境类别，但儿童类别中没有选择“困境儿童”',
} as const
export type EligibilityWarningCode = keyof typeof ELIGIBILITY_WARNINGS
export interface EligibilityWarning {
  code: EligibilityWarningCode
  message: string
}

/** Parent statuses that mean "lacks guardianship capacity" for the left-behind definition. */
const NOT_CAPABLE: readonly ParentStatus[] = ['incapable', 'deceased', 'missing']

/** 'YYYY-MM-DD' three calendar months before `date` (day clamped to the month's end). */
export function threeMonthsBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const month0 = (y * 12 + (m - 1)) - 3
  const year = Math.floor(month0 / 12)
  const month = (month0 % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export function leftBehindWarnings(f: EligibilityFacts, today: string): EligibilityWarningCode[] {
  const out: EligibilityWarningCode[] = []
  if (ageOn(f.birthDate, today) >= 16) out.push('LEFT_BEHIND_AGE')
  if (f.hukouType !== 'rural') out.push('LEFT_BEHIND_HUKOU')
  if (!f.father || !f.mother) {
    out.push('LEFT_BEHIND_PARENTS_UNKNOWN')
    return out
  }
  const parents = [f.father, f.mother]
  const away = parents.filter((p) => p.status === 'away')
  const fits = away.length === 2 || (away.length === 1 && parents.some((p) => NOT_CAPABLE.includes(p.status)))
  if (!fits) out.push('LEFT_BEHIND_PARENTS')
  else if (away.some((p) => p.awaySince && p.awaySince > threeMonthsBefore(today))) out.push('LEFT_BEHIND_DURATION')
  return out
}

export function inDifficultyWarnings(f: EligibilityFacts, today: string): EligibilityWarningCode[] {
  const out: EligibilityWarningCode[] = []
  if (ageOn(f.birthDate, today) >= 18) out.push('IN_DIFFICULTY_AGE')
  if (f.difficultyKinds.length === 0) out.push('IN_DIFFICULTY_KIND_MISSING')
  if (f.difficultyKinds.includes('poverty')) {
    const aided = f.assistance.some((a) => ['dibao', 'tekun', 'temporary'].includes(a.kind)) || f.familySubsidies.some((s) => s.kind === 'dibao' || s.kind === 'tekun')
    if (!aided) out.push('IN_DIFFICULTY_POVERTY')
  }
  if (f.difficultyKinds.includes('disability') && f.healthStatus !== 'disability') out.push('IN_DIFFICULTY_DISABILITY')
  if (f.difficultyKinds.includes('guardianship')) {
    const parentMissing = [f.father, f.mother].some((p) => p && NOT_CAPABLE.includes(p.status))
    const unsupported = f.assistance.some((a) => a.kind === 'orphan' || a.kind === 'de_facto_unsupported')
    if (!parentMissing && !unsupported && !f.guardianship?.trim()) out.push('IN_DIFFICULTY_GUARDIANSHIP')
  }
  return out
}

/** Every hint for a file, in a stable order; an empty list means the facts fit the categories. */
export function eligibilityWarnings(f: EligibilityFacts, today: string): EligibilityWarning[] {
  const codes: EligibilityWarningCode[] = []
  if (f.categories.includes('left_behind')) codes.push(...leftBehindWarnings(f, today))
  if (f.categories.includes('in_difficulty')) codes.push(...inDifficultyWarnings(f, today))
  else if (f.difficultyKinds.length > 0) codes.push('DIFFICULTY_KIND_WITHOUT_CATEGORY')
  return codes.map((code) => ({ code, message: ELIGIBILITY_WARNINGS[code] }))
}
