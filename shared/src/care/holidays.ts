/**
 * School holidays (寒假, 暑假) of the provinces the programme serves, as data: the water-safety task
 * falls in the weeks before each one (water-safety.ts). Keyed by the province's 2-digit code.
 *
 * Source: each province's education department publishes the primary and secondary school calendar
 * (中小学校历) for the school year — 广西壮族自治区教育厅 for 45, 山西省教育厅 for 14 — and a county may
 * shift its own dates within it. The dates below follow those calendars' usual pattern (winter
 * holiday from late January around the Spring Festival, summer holiday from early July in Guangxi
 * and mid-July in Shanxi) and are marked `provisional` until checked against the published
 * calendar: this machine cannot reach the departments' sites. Correct a date, or add next year's
 * holidays when the calendar comes out (usually in the spring before), by editing this list; a
 * province with no holiday entered for a date shows "校历未录入" instead of silently no task.
 */
export const HOLIDAY_KINDS = ['winter', 'summer'] as const
export type HolidayKind = (typeof HOLIDAY_KINDS)[number]
export const HOLIDAY_KIND_LABELS: Record<HolidayKind, string> = { winter: '寒假', summer: '暑假' }

export interface SchoolHoliday {
  /** Stable key, e.g. '45-2026-summer': what a coverage figure refers to. */
  key: string
  provinceCode: string
  kind: HolidayKind
  /** First and last day of the holiday (YYYY-MM-DD, China calendar). */
  startsOn: string
  endsOn: string
  source: string
  /** True until the dates are checked against the published calendar. */
  provisional: boolean
}

const GX = '广西壮族自治区教育厅 中小学校历'
const SX = '山西省教育厅 中小学校历'
const h = (provinceCode: string, year: number, kind: HolidayKind, startsOn: string, endsOn: string, source: string): SchoolHoliday => ({
  key: `${provinceCode}-${year}-${kind}`, provinceCode, kind, startsOn, endsOn, source, provisional: true,
})

export const SCHOOL_HOLIDAYS: readonly SchoolHoliday[] = [
  h('45', 2025, 'summer', '2025-07-05', '2025-08-31', `${GX}（2024—2025学年）`),
  h('45', 2026, 'winter', '2026-01-31', '2026-03-01', `${GX}（2025—2026学年）`),
  h('45', 2026, 'summer', '2026-07-04', '2026-08-31', `${GX}（2025—2026学年）`),
  h('45', 2027, 'winter', '2027-01-23', '2027-02-21', `${GX}（2026—2027学年）`),
  h('45', 2027, 'summer', '2027-07-03', '2027-08-31', `${GX}（2026—2027学年）`),
  h('14', 2025, 'summer', '2025-07-12', '2025-08-31', `${SX}（2024—2025学年）`),
  h('14', 2026, 'winter', '2026-01-24', '2026-03-01', `${SX}（2025—2026学年）`),
  h('14', 2026, 'summer', '2026-07-11', '2026-08-31', `${SX}（2025—2026学年）`),
  h('14', 2027, 'winter', '2027-01-16', '2027-02-21', `${SX}（2026—2027学年）`),
  h('14', 2027, 'summer', '2027-07-10', '2027-08-31', `${SX}（2026—2027学年）`),
]

export const holidaysOf = (provinceCode: string): SchoolHoliday[] =>
  SCHOOL_HOLIDAYS.filter((x) => x.provinceCode === provinceCode.slice(0, 2)).sort((a, b) => a.startsOn.localeCompare(b.startsOn))
