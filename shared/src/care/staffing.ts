/**
 * 儿童主任队伍 — how many directors a village needs, and their yearly training.
 *
 * 桂民发〔2024〕1号 (seeds/001) 三.16 and 晋民发〔2023〕48号 (seeds/004) 21, in the same words:
 * "每个村（社区）择优选任至少一名儿童主任……对于辖区内常住儿童数量较多或农村留守儿童和困境儿童总人数超过
 * 30人的村（社区），根据实际需要增配儿童主任。" and "建立覆盖全员的儿童主任培训档案……县级民政部门要确保
 * 实现每年对儿童主任培训的全覆盖。"
 */

/** Served children above which a village calls for an extra director ("超过30人"; 30 itself does not). */
export const EXTRA_DIRECTOR_ABOVE = 30

/** Directors a village needs at least: one, two when it serves more than 30 children. */
export const directorsNeeded = (servedChildren: number): number => (servedChildren > EXTRA_DIRECTOR_ABOVE ? 2 : 1)

export type StaffingFlag = 'no_director' | 'needs_extra_director'
export const STAFFING_FLAG_LABELS: Record<StaffingFlag, string> = {
  no_director: '尚无儿童主任',
  needs_extra_director: '儿童超过30人，需增配儿童主任',
}

export function staffingFlag(servedChildren: number, directors: number): StaffingFlag | null {
  if (directors === 0) return servedChildren > 0 ? 'no_director' : null
  return directors < directorsNeeded(servedChildren) ? 'needs_extra_director' : null
}

/**
 * "每年……培训的全覆盖": the training year is the calendar year in China; a director counts as
 * trained for `year` when a training on any day of that year is on record.
 */
export const trainedIn = (trainedOnDates: readonly string[], year: number): boolean => trainedOnDates.some((d) => d.startsWith(`${year}-`))
