/**
 * 心理关爱 — a psychological or behavioural concern a director or love parent notices, and the
 * director's referral. Not a safeguarding report: that stays for harm (强制报告).
 *
 * 桂民发〔2024〕1号 (seeds/001) 三.2: "要指导儿童督导员、儿童主任在走访中及时掌握儿童心理关爱服务需求，
 * 对于发现有心理、行为异常的要及时报告，并引导其父母或其他监护人向医疗卫生机构或者社会心理服务机构寻求
 * 专业帮助。" 三.8: "有心理或行为异常的，儿童主任要加大走访频次" — so the file's special-attention
 * flag `psych_behaviour` is set and the duty cadence tightens (duty/rules.ts).
 * 晋民发〔2023〕48号 (seeds/004) 19: "发现困境儿童心理异常的，及时与儿童父母或其他监护人沟通"; 20:
 * "畅通家庭、学校、社区、社会心理服务机构等与医疗卫生机构之间预防转介干预就医通道".
 */
export const CONCERN_SIGNS = ['low_mood', 'withdrawn', 'anxious', 'aggressive', 'school_refusal', 'sleep_eating', 'other'] as const
export type ConcernSign = (typeof CONCERN_SIGNS)[number]
export const CONCERN_SIGN_LABELS: Record<ConcernSign, string> = {
  low_mood: '情绪低落',
  withdrawn: '孤僻、不愿与人交流',
  anxious: '紧张、焦虑、害怕',
  aggressive: '冲动、攻击行为',
  school_refusal: '厌学、逃学',
  sleep_eating: '睡眠或饮食异常',
  other: '其他',
}

export const CONCERN_REFERRALS = ['school_counsellor', 'hospital', 'social_worker', 'psych_service', 'hotline', 'other'] as const
export type ConcernReferral = (typeof CONCERN_REFERRALS)[number]
export const CONCERN_REFERRAL_LABELS: Record<ConcernReferral, string> = {
  school_counsellor: '学校心理老师',
  hospital: '医疗卫生机构',
  social_worker: '儿童社会工作者',
  psych_service: '社会心理服务机构',
  hotline: '12355 心理热线',
  other: '其他',
}

/** The director's handling, appended to the concern. */
export const CONCERN_EVENT_TYPES = ['guardian_told', 'referred', 'outcome', 'note', 'closed'] as const
export type ConcernEventType = (typeof CONCERN_EVENT_TYPES)[number]
export const CONCERN_EVENT_LABELS: Record<ConcernEventType, string> = {
  guardian_told: '已与父母或其他监护人沟通',
  referred: '已转介',
  outcome: '转介结果',
  note: '跟进记录',
  closed: '结束关注',
}

/** Mini-program page a concern's notification opens (?childId=; ids only): must match the client's ROUTES.careConcern. */
export const CONCERN_PAGE = '/packages/care/pages/concern/index'
