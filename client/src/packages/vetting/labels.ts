import type { AcceptanceDocument, CriminalRecordResult, VettingDecision } from '@qstx/shared'

/** History entries in words; a type not listed shows as recorded. */
export const EVENT_LABELS: Record<string, string> = {
  submit: '提交报名',
  approve: '批准',
  request_info: '请补充材料',
  reject: '不予通过',
  suspend: '暂停服务',
  withdraw: '本人退出',
  revet: '修改了姓名或身份证号，重新审核',
  identity_changed: '修改了姓名或身份证号',
  checks: '记录核查结果',
  team_joined: '加入团队',
}

export const DECISION_LABELS: Record<VettingDecision, string> = {
  approve: '批准',
  request_info: '请补充材料',
  reject: '不予通过',
}

/** What the reason box asks for, per decision: the volunteer reads it. */
export const DECISION_REASON: Record<VettingDecision, { label: string; hint: string }> = {
  approve: { label: '给志愿者的话', hint: '志愿者会看到，例如：身份、入职查询和培训均已完成，欢迎加入！' },
  request_info: { label: '需要补充什么', hint: '志愿者会看到，请写清楚要补充或修改哪一项' },
  reject: { label: '不予通过的原因', hint: '志愿者会看到，请写清楚原因，语气温和' },
}

export const CRIMINAL_BADGE: Record<CriminalRecordResult, string> = {
  pending: '入职查询：等待结果',
  clear: '入职查询 ✓',
  not_clear: '入职查询：有记录',
}

/** Short names of the three signed texts, for the application's detail rows. */
export const ACCEPTANCE_SHORT: Record<AcceptanceDocument, string> = {
  privacy: '个人信息说明',
  pledge: '爱心家长承诺书',
  criminal_record: '无犯罪记录声明',
}
