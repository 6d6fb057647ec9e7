/**
 * 关爱活动 — care activities held for the children of a village.
 *
 * 桂民发〔2024〕1号 (seeds/001) 三.13: "每年至少开展一次安全知识进村（社区）活动"; 三.11: "结合重要节假日和
 * 寒暑假等时间节点，组织多种形式的儿童关爱服务活动"; 三.3: "依托“童心港湾”“儿童之家”等阵地，开展关心关爱……
 * 系列主题实践活动". 晋民发〔2023〕48号 (seeds/004) 14: "县级教育、公安、民政、团委、妇联等相关部门每年至少
 * 开展一次安全知识进村（社区）活动"; 12: "结合重要节假日和寒暑假等时间节点，组织多种形式的儿童关爱服务活动".
 *
 * Photos are optional and may never show a child's face: both plans ask that children's personal
 * information be protected, in publicity too (DOMAIN.md "Privacy").
 */
export const ACTIVITY_KINDS = ['safety_knowledge', 'holiday', 'children_home', 'other'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  safety_knowledge: '安全知识进村（社区）',
  holiday: '节假日、寒暑假关爱活动',
  children_home: '儿童之家（童心港湾）活动',
  other: '其他关爱活动',
}

/** "每年至少开展一次安全知识进村（社区）活动": per village, per calendar year. */
export const SAFETY_KNOWLEDGE_PER_YEAR = 1

/** Photos per activity, and the size of one (JPEG or PNG, after the phone compressed it). */
export const ACTIVITY_PHOTOS_MAX = 6
export const ACTIVITY_PHOTO_MAX_BYTES = 1_500_000

/** A volunteer's service at an activity waits for the village director, like a check-in. */
export const ACTIVITY_SERVICE_STATUSES = ['pending', 'confirmed', 'disputed'] as const
export type ActivityServiceStatus = (typeof ACTIVITY_SERVICE_STATUSES)[number]
export const ACTIVITY_SERVICE_STATUS_LABELS: Record<ActivityServiceStatus, string> = { pending: '待儿童主任确认', confirmed: '已确认', disputed: '有异议' }
