/**
 * Administrative divisions (GB/T 2260 + the 12-digit statistical codes below county level).
 * A 12-digit code nests by prefix: 45 (province) · 4501 (city) · 450102 (county) ·
 * 450102001 (township) · 450102001001 (village). Containment is therefore a prefix test on the
 * code's significant digits — no tree walk, and it maps to an indexed `LIKE 'prefix%'` in SQL.
 */
export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const
export type RegionLevel = (typeof REGION_LEVELS)[number]

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  city: '市',
  county: '县（区）',
  township: '乡镇（街道）',
  village: '村（社区）',
}

/** Significant digits per level. */
const PREFIX_LENGTH: Record<RegionLevel, number> = {
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
}

export const REGION_CODE_PATTERN = /^\d{12}$/

/** Pads a 2/4/6/9-digit code to the 12-digit form. */
export function toRegionCode(code: string): string {
  if (!/^\d{2,12}$/.test(code)) throw new RangeError(`not a region code: ${code}`)
  return code.padEnd(12, '0')
}

export function regionLevel(code: string): RegionLevel {
  if (!REGION_CODE_PATTERN.test(code)) throw new RangeError(`not a 12-digit region code: ${code}`)
  if (code.slice(2) === '0000000000') return 'province'
  if (code.slice(4) === '00000000') return 'city'
  if (code.slice(6) === '000000') return 'county'
  if (code.slice(9) === '000') return 'township'
  return 'village'
}

/** The digits every code inside this region starts with. */
export function regionPrefix(code: string): string {
  return code.slice(0, PREFIX_LENGTH[regionLevel(code)])
}

/** True when `code` lies inside `ancestor` (a region contains itself). */
export function isWithinRegion(code: string, ancestor: string): boolean {
  return REGION_CODE_PATTERN.test(code) && code.startsWith(regionPrefix(ancestor))
}

/** The codes of the enclosing regions, from the province down to the region itself. */
export function regionAncestry(code: string): string[] {
  const depth = REGION_LEVELS.indexOf(regionLevel(code))
  return REGION_LEVELS.slice(0, depth + 1).map((level) => toRegionCode(code.slice(0, PREFIX_LENGTH[level])))
}
