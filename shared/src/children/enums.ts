/**
 * The closed vocabularies of a child's file (一人一档), following the Guangxi ledger template
 * (seeds/001, 附件) and DOMAIN.md. Each list has its Chinese labels beside it so forms, filters
 * and exports say the same words. The same values are PostgreSQL enums (prisma/schema.prisma).
 */
export const CHILD_CATEGORIES = ['left_behind', 'in_difficulty'] as const
export type ChildCategory = (typeof CHILD_CATEGORIES)[number]
export const CHILD_CATEGORY_LABELS: Record<ChildCategory, string> = { left_behind: '农村留守儿童', in_difficulty: '困境儿童' }

/** The three kinds of 困境儿童 the plans define. */
export const DIFFICULTY_KINDS = ['poverty', 'disability', 'guardianship'] as const
export type DifficultyKind = (typeof DIFFICULTY_KINDS)[number]
export const DIFFICULTY_KIND_LABELS: Record<DifficultyKind, string> = {
  poverty: '因家庭贫困导致生活、就医、就学等困难',
  disability: '因自身残疾导致康复、照料、护理和社会融入等困难',
  guardianship: '因家庭监护缺失或监护不当遭受虐待、遗弃、意外伤害、不法侵害等',
}

export const HUKOU_TYPES = ['rural', 'urban'] as const
export const HUKOU_TYPE_LABELS = { rural: '农村户籍', urban: '城市户籍' } as const

export const SINGLE_PARENT_FAMILIES = ['no', 'mother', 'father'] as const
export const SINGLE_PARENT_FAMILY_LABELS = { no: '否', mother: '单亲母亲家庭', father: '单亲父亲家庭' } as const

export const SCHOOL_STAGES = ['not_in_school', 'preschool', 'primary', 'junior', 'senior', 'vocational'] as const
export type SchoolStage = (typeof SCHOOL_STAGES)[number]
export const SCHOOL_STAGE_LABELS: Record<SchoolStage, string> = {
  not_in_school: '未入学', preschool: '学前', primary: '小学', junior: '初中', senior: '高中', vocational: '中职',
}

export const HEALTH_STATUSES = ['healthy', 'fair', 'serious_illness', 'chronic_illness', 'disability', 'other'] as const
export type HealthStatus = (typeof HEALTH_STATUSES)[number]
export const HEALTH_STATUS_LABELS: Record<HealthStatus, string> = {
  healthy: '健康', fair: '一般或较弱', serious_illness: '重病', chronic_illness: '慢性病', disability: '残疾', other: '其他',
}

/** 享受救助情况: each with yuan per month; an empty list means 无. */
export const ASSISTANCE_KINDS = ['orphan', 'de_facto_unsupported', 'dibao', 'tekun', 'disability', 'temporary', 'other'] as const
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number]
export const ASSISTANCE_KIND_LABELS: Record<AssistanceKind, string> = {
  orphan: '孤儿', de_facto_unsupported: '事实无人抚养儿童', dibao: '低保', tekun: '特困', disability: '残疾', temporary: '临时', other: '其他',
}

/** 家庭享受补助情况. */
export const SUBSIDY_KINDS = ['dibao', 'tekun', 'disability', 'other'] as const
export type SubsidyKind = (typeof SUBSIDY_KINDS)[number]
export const SUBSIDY_KIND_LABELS: Record<SubsidyKind, string> = { dibao: '低保', tekun: '特困', disability: '残疾', other: '其他' }

/** Where each parent is: the facts behind "left-behind" and "missing guardianship". */
export const PARENT_STATUSES = ['at_home', 'away', 'incapable', 'deceased', 'missing'] as const
export type ParentStatus = (typeof PARENT_STATUSES)[number]
export const PARENT_STATUS_LABELS: Record<ParentStatus, string> = {
  at_home: '在家', away: '外出务工', incapable: '无监护能力', deceased: '死亡', missing: '失踪',
}

export const GUARDIAN_RELATIONS = ['father', 'mother', 'grandfather', 'grandmother', 'relative', 'other'] as const
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number]
export const GUARDIAN_RELATION_LABELS: Record<GuardianRelation, string> = {
  father: '父亲', mother: '母亲', grandfather: '祖父/外祖父', grandmother: '祖母/外祖母', relative: '其他亲属', other: '其他',
}

/** 留守儿童委托照护: who, why, how well. */
export const ENTRUSTED_CARERS = ['grandparents', 'relatives_friends', 'none'] as const
export const ENTRUSTED_CARER_LABELS = { grandparents: '祖父母、外祖父母', relatives_friends: '亲戚朋友', none: '无委托人照护' } as const
export const ENTRUSTED_REASONS = ['both_away', 'one_away_other_incapable', 'both_incapable'] as const
export const ENTRUSTED_REASON_LABELS = {
  both_away: '父母双方同时外出', one_away_other_incapable: '父母一方外出，另一方无监护能力', both_incapable: '父母双方无监护能力',
} as const
export const CARE_QUALITIES = ['good', 'fair', 'poor'] as const
export const CARE_QUALITY_LABELS = { good: '较好', fair: '一般', poor: '差' } as const

/** 监护风险等级: colour-coded on local platforms; raises visit frequency. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const
export type RiskLevel = (typeof RISK_LEVELS)[number]
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { low: '低风险', medium: '中风险', high: '高风险', critical: '极高风险' }

/** Situations in which the plans ask directors to visit more often. */
export const SPECIAL_ATTENTIONS = ['parent_disability', 'child_disability', 'psych_behaviour', 'single_parent'] as const
export type SpecialAttention = (typeof SPECIAL_ATTENTIONS)[number]
export const SPECIAL_ATTENTION_LABELS: Record<SpecialAttention, string> = {
  parent_disability: '父母一方重度残疾或智力残疾',
  child_disability: '儿童本人残疾',
  psych_behaviour: '心理或行为异常',
  single_parent: '单亲家庭',
}

/** DOMAIN.md "priority for pairing". */
export const PRIORITY_REASONS = ['ill_or_disabled_poor', 'orphan', 'de_facto_unsupported', 'relocation_settlement'] as const
export type PriorityReason = (typeof PRIORITY_REASONS)[number]
export const PRIORITY_REASON_LABELS: Record<PriorityReason, string> = {
  ill_or_disabled_poor: '困难家庭重病、重残儿童',
  orphan: '孤儿',
  de_facto_unsupported: '事实无人抚养儿童',
  relocation_settlement: '易地扶贫搬迁安置点儿童',
}

/** How the guardian consented to the programme (PIPL: a child's information needs it). */
export const CONSENT_METHODS = ['written', 'thumbprint', 'verbal_recorded'] as const
export const CONSENT_METHOD_LABELS = { written: '书面签字', thumbprint: '按手印', verbal_recorded: '口头同意并记录在案' } as const

export const CLOSE_REASONS = ['aged_out', 'no_longer_eligible', 'moved_out', 'deceased', 'other'] as const
export const CLOSE_REASON_LABELS = {
  aged_out: '年满年龄，不再属于服务对象', no_longer_eligible: '情况变化，不再属于服务对象', moved_out: '迁出本县', deceased: '死亡', other: '其他',
} as const

export const TRANSFER_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const
export const TRANSFER_STATUS_LABELS = { pending: '待接收', accepted: '已转移', declined: '已拒绝', cancelled: '已撤回' } as const

/** `carer_changed`: a new entrusted carer (委托照护), its own entry so the change stands out in the timeline. */
export const HISTORY_KINDS = ['created', 'updated', 'transferred', 'closed', 'year_completed', 'year_archived', 'carer_changed'] as const
export type HistoryKind = (typeof HISTORY_KINDS)[number]
