/**
 * The closed vocabularies of a volunteer's sign-up and a team's registration, each with the
 * Chinese labels forms and lists show. Kinds, statuses and team types are PostgreSQL enums too
 * (prisma/schema.prisma); skills, availability and contact modes are stored as these keys in text
 * arrays, so the lists can grow without a migration.
 */
export const VOLUNTEER_KINDS = ['love_mother', 'youth', 'proxy_parent', 'workplace', 'social_organisation', 'individual'] as const
export type VolunteerKind = (typeof VOLUNTEER_KINDS)[number]
export const VOLUNTEER_KIND_LABELS: Record<VolunteerKind, string> = {
  love_mother: '爱心妈妈（巾帼志愿者）',
  youth: '青年志愿者',
  proxy_parent: '代理家长',
  workplace: '单位志愿者',
  social_organisation: '社会组织志愿者',
  individual: '个人志愿者',
}

export const VOLUNTEER_STATUSES = ['draft', 'submitted', 'info_requested', 'approved', 'rejected', 'suspended', 'withdrawn'] as const
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number]
export const VOLUNTEER_STATUS_LABELS: Record<VolunteerStatus, string> = {
  draft: '未提交',
  submitted: '审核中',
  info_requested: '待补充信息',
  approved: '已通过',
  rejected: '未通过',
  suspended: '已暂停',
  withdrawn: '已退出',
}

/** What a volunteer can offer; the labels are the service types of DOMAIN.md. */
export const SKILLS = [
  'study',
  'reading',
  'counselling',
  'companionship',
  'sport_play',
  'arts',
  'safety_education',
  'daily_care',
  'health',
  'law',
] as const
export type Skill = (typeof SKILLS)[number]
export const SKILL_LABELS: Record<Skill, string> = {
  study: '学业辅导',
  reading: '阅读指导',
  counselling: '心理疏导',
  companionship: '情感陪伴',
  sport_play: '运动游戏',
  arts: '艺术',
  safety_education: '安全教育',
  daily_care: '生活照料',
  health: '医疗健康',
  law: '法律',
}

export const AVAILABILITY_SLOTS = ['weekdays', 'evenings', 'weekends', 'holidays'] as const
export type AvailabilitySlot = (typeof AVAILABILITY_SLOTS)[number]
export const AVAILABILITY_SLOT_LABELS: Record<AvailabilitySlot, string> = {
  weekdays: '工作日白天',
  evenings: '晚上',
  weekends: '周末',
  holidays: '节假日和寒暑假',
}

/** How a volunteer is willing to keep in touch with a child (DOMAIN.md contact modes). */
export const CONTACT_MODES = ['home_visit', 'school_or_children_home', 'phone_video', 'letter', 'group_activity'] as const
export type ContactMode = (typeof CONTACT_MODES)[number]
export const CONTACT_MODE_LABELS: Record<ContactMode, string> = {
  home_visit: '家访',
  school_or_children_home: '学校或儿童之家见面',
  phone_video: '电话或视频',
  letter: '书信',
  group_activity: '集体活动',
}

export const TEAM_TYPES = ['youth_league', 'womens_federation', 'social_organisation', 'workplace'] as const
export type TeamType = (typeof TEAM_TYPES)[number]
export const TEAM_TYPE_LABELS: Record<TeamType, string> = {
  youth_league: '共青团志愿服务队（如“情暖童心”“童心港湾”）',
  womens_federation: '巾帼志愿服务队',
  social_organisation: '社会组织志愿服务队',
  workplace: '单位志愿服务队',
}
/** A member who joins a team before choosing a kind gets the team's usual kind (they may change it). */
export const TEAM_MEMBER_KIND: Record<TeamType, VolunteerKind> = {
  youth_league: 'youth',
  womens_federation: 'love_mother',
  social_organisation: 'social_organisation',
  workplace: 'workplace',
}

export const CRIMINAL_RECORD_RESULTS = ['pending', 'clear', 'not_clear'] as const
export type CriminalRecordResult = (typeof CRIMINAL_RECORD_RESULTS)[number]
export const CRIMINAL_RECORD_RESULT_LABELS: Record<CriminalRecordResult, string> = {
  pending: '已申请，等待结果',
  clear: '无违法犯罪记录',
  not_clear: '有违法犯罪记录',
}

/** Mainland China mobile numbers: 11 digits starting 13–19. */
export const MAINLAND_MOBILE_PATTERN = /^1[3-9]\d{9}$/
/** Volunteers work alone with children: adults only (Minors Protection Law; the programme's plans). */
export const VOLUNTEER_MIN_AGE = 18
export const VOLUNTEER_MAX_CHILDREN = 3

/** Mini-program pages the server points at (share links, notification cards); ids or codes only. */
export const TEAM_JOIN_PAGE = '/pages/join/index'
export const VOLUNTEER_STATUS_PAGE = '/packages/volunteer/pages/status/index'
export const teamSharePath = (joinCode: string) => `${TEAM_JOIN_PAGE}?code=${joinCode}`
