/**
 * The sign-up wizard's steps: one topic each, in the order a person would tell them. Each names the
 * fields it fills (the server's field names, as in `missing` and in error `fields`), so the wizard
 * resumes at the first step with something missing and a problem reported after submit links back
 * to the step that fixes it.
 */
import type { VolunteerProfile } from '@qstx/shared'

export const STEPS = [
  // Consent to the use of personal data comes before any is asked for.
  { key: 'privacy', title: '个人信息怎样使用', fields: ['acceptances.privacy'] },
  { key: 'identity', title: '姓名和身份证号', fields: ['realName', 'idNumber', 'gender'] },
  { key: 'phone', title: '手机号', fields: ['phone', 'phoneCode'] },
  { key: 'kind', title: '您以什么身份参加', fields: ['kind', 'workUnit'] },
  { key: 'region', title: '在哪里服务', fields: ['serviceRegionCode'] },
  { key: 'skills', title: '您擅长什么', fields: ['skills'] },
  { key: 'time', title: '什么时候有空', fields: ['availability', 'availabilityNote'] },
  { key: 'contact', title: '怎样陪伴孩子', fields: ['contactModes', 'capacity'] },
  { key: 'pledge', title: '爱心家长承诺书', fields: ['acceptances.pledge'] },
  { key: 'criminal', title: '无犯罪记录声明', fields: ['acceptances.criminal_record', 'acceptances'] },
  { key: 'review', title: '核对并提交', fields: [] },
] as const

export type StepKey = (typeof STEPS)[number]['key']
export const STEP_KEYS: readonly StepKey[] = STEPS.map((s) => s.key)
export const isStepKey = (value: unknown): value is StepKey => STEP_KEYS.includes(value as StepKey)
export const stepIndex = (key: StepKey) => STEP_KEYS.indexOf(key)

/** The step that fills a field (a server field name). */
export function stepOfField(field: string): StepKey | undefined {
  return STEPS.find((s) => (s.fields as readonly string[]).includes(field))?.key
}

/** Where to resume: the first step with a missing field; all there → review; nothing saved → the start. */
export function resumeIndex(profile: VolunteerProfile | null): number {
  if (!profile) return 0
  const first = STEPS.findIndex((s) => s.fields.some((f) => profile.missing.includes(f)))
  return first === -1 ? stepIndex('review') : first
}

/** Sections a submitted or approved volunteer can change on their own (not the signed texts). */
export const EDITABLE_SECTIONS: readonly StepKey[] = ['identity', 'phone', 'kind', 'region', 'skills', 'time', 'contact']
