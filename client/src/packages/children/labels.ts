import type { HistoryKind, RiskLevel } from '@qstx/shared'

/**
 * Risk colours as local child-welfare platforms use them (绿、黄、橙、红): the colour is never the only
 * sign — the level is always written next to it.
 */
export const RISK_CLASS: Record<RiskLevel, string> = {
  low: 'risk risk--low',
  medium: 'risk risk--medium',
  high: 'risk risk--high',
  critical: 'risk risk--critical',
}

export const HISTORY_KIND_LABELS: Record<HistoryKind, string> = {
  created: '建档',
  updated: '修改档案',
  transferred: '档案转移',
  closed: '结案',
  year_completed: '完善年度档案',
  year_archived: '年度档案移交乡镇',
  carer_changed: '更换委托照护人',
}

/** The file's fields in words, for the timeline ("修改了：监护风险、兴趣爱好"). */
export const FIELD_LABELS: Record<string, string> = {
  name: '姓名', displayName: '称呼', gender: '性别', ethnicity: '民族', birthDate: '出生日期', idNumber: '身份证号',
  address: '家庭住址', hukouType: '户籍类型', categories: '儿童类别', difficultyKinds: '困境类别', singleParentFamily: '单亲家庭',
  school: '就学情况', boarding: '是否寄宿', guardianship: '监护情况', health: '健康状况', psychBehaviour: '心理和行为状况',
  assistance: '享受救助情况', educationAid: '教育救助', medicalAid: '医疗救助', otherAid: '其他救助', father: '父亲情况',
  mother: '母亲情况', guardians: '监护人', guardianPhone: '监护人电话', incomePerCapita: '家庭人均收入', familySubsidies: '家庭享受补助',
  socialSupport: '社会力量帮扶', entrustedCare: '委托照护', careGiven: '关爱帮扶情况', otherNotes: '其他情况', filedByName: '填表人',
  filedAt: '填表日期', risk: '监护风险等级', nearWater: '临水而居', specialAttention: '重点关注', priorityReasons: '优先结对',
  interests: '兴趣爱好', needs: '需求', serviceTips: '给爱心家长的提示', directorWorkPhone: '儿童主任电话', consent: '监护人同意',
  closedReason: '结案原因',
}
