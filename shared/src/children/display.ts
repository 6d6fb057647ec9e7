/**
 * Small display rules for children's files that client and server must agree on.
 */
import type { SchoolStage } from './enums'

/**
 * An address with everything after the village (or community, township, county) hidden:
 * "广西融水苗族自治县古顶村3组12号" → "广西融水苗族自治县古顶村****". The village is already
 * known to whoever may see the file; the house is what a reveal is for.
 */
export function maskAddress(address: string): string {
  const markers = ['村', '社区', '镇', '乡', '街道', '县', '区', '市']
  for (const m of markers) {
    const at = address.lastIndexOf(m)
    if (at >= 0 && at + m.length < address.length) return `${address.slice(0, at + m.length)}****`
  }
  return '****'
}

export const GRADE_BANDS = ['preschool', 'primary_lower', 'primary_upper', 'junior', 'senior', 'not_in_school'] as const
export type GradeBand = (typeof GRADE_BANDS)[number]
export const GRADE_BAND_LABELS: Record<GradeBand, string> = {
  preschool: '学前', primary_lower: '小学低年级', primary_upper: '小学高年级', junior: '初中', senior: '高中阶段', not_in_school: '未在校',
}

/**
 * A volunteer sees a band, not the school or exact grade: enough to pitch help at the right level
 * without pointing to one classroom.
 */
export function gradeBand(stage: SchoolStage | null | undefined, grade: number | null | undefined): GradeBand | null {
  switch (stage) {
    case 'preschool':
      return 'preschool'
    case 'primary':
      return grade && grade >= 4 ? 'primary_upper' : 'primary_lower'
    case 'junior':
      return 'junior'
    case 'senior':
    case 'vocational':
      return 'senior'
    case 'not_in_school':
      return 'not_in_school'
    default:
      return null
  }
}

/** A pairing needs the guardian's consent on file (PIPL art. 31: a child under 14). */
export function hasGuardianConsent(consent: { givenBy: string; date: string } | null | undefined): boolean {
  return !!consent && consent.givenBy.trim().length > 0 && !!consent.date
}
