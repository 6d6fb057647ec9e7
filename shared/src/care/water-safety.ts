/**
 * 防溺水 — water safety for children who live near water.
 *
 * 桂民发〔2024〕1号 (seeds/001) 三.14: "民政和教育部门要摸排居住在水域附近的留守儿童、困境儿童、单亲家庭
 * 学生名单，落实……监护人“六包一”责任制。" — the near-water list is the file's `nearWater` flag.
 * 三.13: "学校……在寒暑假放假前组织一次安全知识大讲堂……面向农村留守儿童和困境儿童及其父母或其他监护人
 * 开展……防溺水……等应急避险教育"; 晋民发〔2023〕48号 (seeds/004) 14: "学校要在寒暑假放假前组织一次安全
 * 知识大讲堂" and "开展防溺水……等方面教育".
 *
 * So each near-water child gets one water-safety talk (with the child and the carer) before each
 * winter and summer holiday: a task for the village director, and for the paired love parent when
 * there is one. The task opens LEAD_DAYS before the holiday and is due the day before it begins;
 * a talk given during the holiday still counts (late) until the holiday ends.
 */
import { addInterval, dutyStatus, type DutyStatus } from '../duty/rules'
import { HOLIDAY_KIND_LABELS, holidaysOf, type SchoolHoliday } from './holidays'

/** "In the weeks before each holiday": four weeks. */
export const WATER_SAFETY_LEAD_DAYS = 28

export interface WaterSafetyWindow {
  holiday: SchoolHoliday
  /** First day a talk counts for this holiday. */
  opensOn: string
  /** The last day before the holiday. */
  dueOn: string
  /** The holiday's last day: a talk after it counts for the next one. */
  closesOn: string
  label: string
}

export function windowOf(holiday: SchoolHoliday): WaterSafetyWindow {
  return {
    holiday,
    opensOn: addInterval(holiday.startsOn, { days: -WATER_SAFETY_LEAD_DAYS }),
    dueOn: addInterval(holiday.startsOn, { days: -1 }),
    closesOn: holiday.endsOn,
    label: `${holiday.startsOn.slice(0, 4)}年${HOLIDAY_KIND_LABELS[holiday.kind]}前防溺水教育`,
  }
}

/** The window `today` falls in, for a region's province; null between windows or without a calendar. */
export function waterSafetyWindow(regionCode: string, today: string): WaterSafetyWindow | null {
  const w = holidaysOf(regionCode).map(windowOf).find((x) => x.opensOn <= today && today <= x.closesOn)
  return w ?? null
}

/** The next window to open after `today` (what the page says between holidays). */
export function nextWaterSafetyWindow(regionCode: string, today: string): WaterSafetyWindow | null {
  return holidaysOf(regionCode).map(windowOf).find((x) => x.opensOn > today) ?? null
}

/** The window in force or, between holidays, the last one closed: what coverage figures refer to. */
export function coverageWindow(regionCode: string, today: string): WaterSafetyWindow | null {
  return waterSafetyWindow(regionCode, today) ?? holidaysOf(regionCode).map(windowOf).filter((x) => x.closesOn < today).at(-1) ?? null
}

/** The windows of the holidays that begin in `year` (the annual report counts each). */
export const windowsOfYear = (regionCode: string, year: number): WaterSafetyWindow[] =>
  holidaysOf(regionCode).filter((x) => x.startsOn.startsWith(`${year}-`)).map(windowOf)

export type WaterSafetyStatus = DutyStatus | 'done'

/**
 * One near-water child's task in a window: done when a talk was recorded on or after the window
 * opened (`lastTalkOn` is the file's latest one); otherwise the duty statuses against `dueOn`.
 */
export function waterSafetyStatus(w: WaterSafetyWindow, lastTalkOn: string | null, today: string, dueSoonDays: number): WaterSafetyStatus {
  if (lastTalkOn && lastTalkOn >= w.opensOn && lastTalkOn <= w.closesOn) return 'done'
  return dutyStatus(w.dueOn, today, dueSoonDays)
}

export const WATER_SAFETY_STATUS_LABELS: Record<WaterSafetyStatus, string> = { ok: '待开展', due_soon: '本周到期', overdue: '已逾期', done: '已开展' }
