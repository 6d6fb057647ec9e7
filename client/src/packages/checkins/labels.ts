import { CONTACT_MODE_LABELS, SERVICE_TYPE_LABELS, type CheckinView } from '@qstx/shared'

/** 90 → 1小时30分钟: how long the visit took, as people say it. */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return h === 0 ? `${m}分钟` : `${h}小时${m ? `${m}分钟` : ''}`
}

/** 家访 · 阅读指导、精神陪伴 */
export const howText = (c: Pick<CheckinView, 'contactMode' | 'serviceTypes'>) =>
  `${CONTACT_MODE_LABELS[c.contactMode]} · ${c.serviceTypes.map((s) => SERVICE_TYPE_LABELS[s]).join('、')}`

export const STATUS_CLASS = { pending: 'status status--pending', confirmed: 'status status--confirmed', disputed: 'status status--disputed' } as const
