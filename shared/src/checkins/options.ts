/**
 * The closed vocabularies of a love parent's check-in (issue #8), with the Chinese labels forms and
 * lists show. Contact modes are the volunteer sign-up's CONTACT_MODES (volunteers/options.ts): the
 * same five ways of keeping in touch. Service types are DOMAIN.md's list, stored as these keys in a text array.
 */
export const SERVICE_TYPES = [
  'emotional_comfort',
  'mental_health',
  'safety_education',
  // 防溺水: the talk before the winter and summer holidays for a child who lives near water (care/water-safety.ts).
  'water_safety',
  'material_aid',
  'holiday_visit',
  'daily_help',
  'study_help',
  'reading',
  'sport_play',
  'companionship',
] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]
export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  emotional_comfort: '情感抚慰',
  mental_health: '心理健康引导',
  safety_education: '人身安全教育',
  water_safety: '防溺水安全教育',
  material_aid: '爱心资助',
  holiday_visit: '节日慰问',
  daily_help: '生活帮助',
  study_help: '学业辅导',
  reading: '阅读指导',
  sport_play: '运动游戏',
  companionship: '精神陪伴',
}

/** A check-in is pending until the village's child director confirms or disputes it, once. */
export const CHECKIN_STATUSES = ['pending', 'confirmed', 'disputed'] as const
export type CheckinStatus = (typeof CHECKIN_STATUSES)[number]
export const CHECKIN_STATUS_LABELS: Record<CheckinStatus, string> = {
  pending: '待儿童主任确认',
  confirmed: '已确认',
  disputed: '有异议',
}

/**
 * WeChat's content check (msg_sec_check) on the free text: `review` and `unchecked` are flags for
 * the director, never a refusal (a visit logged offline must not be lost because WeChat was busy);
 * `not_applicable` for people who did not sign in through WeChat (no openid to check against).
 */
export const SEC_CHECK_RESULTS = ['pass', 'review', 'unchecked', 'not_applicable'] as const
export type SecCheckResult = (typeof SEC_CHECK_RESULTS)[number]
export const SEC_CHECK_LABELS: Record<SecCheckResult, string> = {
  pass: '已通过内容检测',
  review: '内容需人工复核',
  unchecked: '微信繁忙，未做内容检测',
  not_applicable: '非微信提交，无需检测',
}

/**
 * Hours are what this platform recorded, not a certificate: under 民政部令第67号 only the recording
 * organisation issues those. Pages label every figure of hours with this.
 */
export const HOURS_LABEL = '平台记录服务时长'
export const HOURS_NOTE = '服务时长为本平台记录，不是志愿服务证明'

/** Mini-program pages the server's notifications open (ids only). */
export const CHECKIN_PAGES = {
  /** The director's confirmation queue. */
  queue: '/packages/checkins/pages/queue/index',
  /** The volunteer's record page (hours, points, check-ins). */
  mine: '/packages/checkins/pages/mine/index',
  /** A new check-in for one pairing. */
  create: (pairingId: string) => `/packages/checkins/pages/create/index?pairingId=${pairingId}`,
} as const
