/**
 * Ages, in the product's time zone. A child's birthday turns over at midnight in China (UTC+8, no
 * daylight saving), whatever zone the server or the phone runs in, so "today" is derived from an
 * instant by a fixed offset rather than the machine's local date. Dates are 'YYYY-MM-DD' strings,
 * which compare correctly as strings.
 */
import type { ChildCategory } from './enums'

const CHINA_OFFSET_MS = 8 * 3_600_000

/** The calendar date in China at this instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** The calendar year in China at this instant. */
export function chinaYear(at: Date): number {
  return Number(chinaDate(at).slice(0, 4))
}

/** Whole years of age on `today` (a child born on 29 February turns a year older on 1 March). */
export function ageOn(birthDate: string, today: string): number {
  // 'MM-DD' compares as text: a year is added once today's month and day reach the birthday's.
  return Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(5) < birthDate.slice(5) ? 1 : 0)
}

/** The latest birth date of a child who is at least `years` old on `today` (a valid date). */
export function bornOnOrBefore(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const year = y - years
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const day = m === 2 && d === 29 && !leap ? 28 : d
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * The age at which each category stops applying: a left-behind child is "under 16", a child in
 * difficulty is a minor (under 18).
 */
export const CATEGORY_AGE_LIMITS: Record<ChildCategory, number> = { left_behind: 16, in_difficulty: 18 }

/** The categories this child has outgrown: the director should close the file or re-classify. */
export function agingOutCategories(categories: readonly ChildCategory[], birthDate: string, today: string): ChildCategory[] {
  return categoriesOutgrownAt(categories, ageOn(birthDate, today))
}

/** The same, for a child whose age is already known. */
export function categoriesOutgrownAt(categories: readonly ChildCategory[], age: number): ChildCategory[] {
  return categories.filter((c) => age >= CATEGORY_AGE_LIMITS[c])
}
