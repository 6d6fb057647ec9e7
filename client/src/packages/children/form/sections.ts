/**
 * The nine sections of the file, in the order of the Guangxi ledger template, with the body fields
 * each one holds (to show a failed check on the right screen).
 */
import type { ComponentType } from 'react'
import type { z } from 'zod'
import { AidSection, BasicSection, CategorySection, HealthSection } from './sections-a'
import { ConsentSection, EntrustedSection, FamilySection, PairingSection, RiskSection } from './sections-b'
import type { SectionProps } from './section-props'

export interface Section {
  key: string
  title: string
  fields: readonly string[]
  Component: ComponentType<SectionProps>
}

export const SECTIONS: readonly Section[] = [
  { key: 'basic', title: '基本信息', fields: ['name', 'displayName', 'idNumber', 'birthDate', 'gender', 'ethnicity', 'address', 'hukouType', 'school', 'boarding'], Component: BasicSection },
  { key: 'category', title: '类别与监护', fields: ['categories', 'difficultyKinds', 'singleParentFamily', 'father', 'mother', 'guardianship'], Component: CategorySection },
  { key: 'health', title: '健康与心理', fields: ['health', 'psychBehaviour'], Component: HealthSection },
  { key: 'aid', title: '救助情况', fields: ['assistance', 'educationAid', 'medicalAid', 'otherAid'], Component: AidSection },
  { key: 'family', title: '家庭情况', fields: ['guardians', 'incomePerCapita', 'familySubsidies', 'socialSupport'], Component: FamilySection },
  { key: 'entrusted', title: '委托照护', fields: ['entrustedCare'], Component: EntrustedSection },
  { key: 'risk', title: '监护风险与关注', fields: ['risk', 'nearWater', 'specialAttention', 'priorityReasons', 'careGiven', 'otherNotes'], Component: RiskSection },
  { key: 'pairing', title: '结对需求与兴趣', fields: ['interests', 'needs', 'serviceTips', 'directorWorkPhone'], Component: PairingSection },
  { key: 'consent', title: '监护人同意', fields: ['consent'], Component: ConsentSection },
]

/** The section holding a field path (`guardians.0.phone` → 家庭情况); -1 when none does. */
export function sectionOf(path: string): number {
  const top = path.split('.')[0]!
  return SECTIONS.findIndex((s) => s.fields.includes(top))
}

/** Where a required choice was left empty, say what to do rather than zod's type words. */
function missingMessage(path: string): string {
  if (path === 'birthDate' || path === 'gender') return '请填写正确的身份证号（出生日期和性别由身份证号得出）'
  if (path.endsWith('relation')) return '请选择与儿童的关系'
  if (path === 'consent.method') return '请选择同意方式'
  if (path === 'categories') return '请至少选择一个儿童类别'
  if (path === 'idNumber') return '请填写身份证号'
  return '请填写或选择这一项'
}

/** Every failed check by its full path (`consent.relation`), plus the first one per top-level field. */
export function formErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || 'form'
    const message =
      issue.code === 'invalid_type' && issue.expected === 'number'
        ? '请填写数字'
        : issue.code === 'invalid_type' || issue.code === 'invalid_value'
          ? missingMessage(path)
          : issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1
            ? '请填写这一项'
            : issue.message
    out[path] ??= message
    out[path.split('.')[0]!] ??= message
  }
  return out
}
