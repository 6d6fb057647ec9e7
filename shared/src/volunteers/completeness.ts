/**
 * What an application needs before it can be submitted, as input field names with the sentence a
 * form shows beside each. Pure, so the client can show progress with the same rule the server
 * enforces on POST /api/volunteers/me/submit.
 */
import { ACCEPTANCE_DOCUMENTS, ACCEPTANCE_VERSIONS, type AcceptanceDocument } from './acceptances'
import type { VolunteerKind } from './options'

export const SIGN_UP_FIELD_PROMPTS = {
  realName: '请填写真实姓名',
  phone: '请提供手机号',
  idNumber: '请填写身份证号',
  gender: '请选择性别',
  kind: '请选择志愿者类型',
  workUnit: '请填写工作单位或所在组织',
  serviceRegionCode: '请选择服务的县（区）或乡镇（街道）',
  skills: '请至少选择一项特长',
  availability: '请至少选择一个可服务时间',
  contactModes: '请至少选择一种联系方式',
  'acceptances.privacy': '请阅读并同意个人信息使用说明',
  'acceptances.pledge': '请阅读并签署爱心家长承诺书',
  'acceptances.criminal_record': '请阅读并同意无违法犯罪记录声明及入职查询',
} as const
export type SignUpField = keyof typeof SIGN_UP_FIELD_PROMPTS

export interface SignUpSnapshot {
  realName: string | null
  hasPhone: boolean
  hasIdNumber: boolean
  gender: string | null
  kind: VolunteerKind | null
  workUnit: string | null
  serviceRegionCode: string | null
  skills: readonly string[]
  availability: readonly string[]
  contactModes: readonly string[]
  /** The versions accepted so far, per document. */
  accepted: Partial<Record<AcceptanceDocument, readonly string[]>>
}

export function missingSignUpFields(s: SignUpSnapshot): SignUpField[] {
  const missing: SignUpField[] = []
  if (!s.realName) missing.push('realName')
  if (!s.hasPhone) missing.push('phone')
  if (!s.hasIdNumber) missing.push('idNumber')
  if (!s.gender) missing.push('gender')
  if (!s.kind) missing.push('kind')
  // Individual volunteers may have no employer or organisation (e.g. retired people).
  if (!s.workUnit && s.kind !== 'individual') missing.push('workUnit')
  if (!s.serviceRegionCode) missing.push('serviceRegionCode')
  if (s.skills.length === 0) missing.push('skills')
  if (s.availability.length === 0) missing.push('availability')
  if (s.contactModes.length === 0) missing.push('contactModes')
  for (const doc of ACCEPTANCE_DOCUMENTS) {
    if (!s.accepted[doc]?.includes(ACCEPTANCE_VERSIONS[doc])) missing.push(`acceptances.${doc}`)
  }
  return missing
}
