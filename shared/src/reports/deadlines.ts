/**
 * When each province wants the year's progress report (工作进展情况): Guangxi by 1 December
 * (桂民发〔2024〕1号, seeds/001), Shanxi by 5 December (晋民发〔2023〕48号, seeds/004). County civil
 * affairs of the province get one reminder a year, `remindDaysBefore` days ahead. Provinces are
 * keyed by their 2-digit code; add a line here for a new one.
 */
export interface ReportingDeadline {
  provinceName: string
  month: number
  day: number
  remindDaysBefore: number
}

export const REPORTING_DEADLINES: Readonly<Record<string, ReportingDeadline>> = {
  '45': { provinceName: '广西壮族自治区', month: 12, day: 1, remindDaysBefore: 14 },
  '14': { provinceName: '山西省', month: 12, day: 5, remindDaysBefore: 14 },
}

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

/** The deadline of `year` in this province (YYYY-MM-DD), or null when the province has none. */
export function reportingDeadline(provinceCode: string, year: number): string | null {
  const d = REPORTING_DEADLINES[provinceCode.slice(0, 2)]
  return d ? iso(year, d.month, d.day) : null
}

/** The first day the reminder may go out: `remindDaysBefore` days before the deadline. */
export function reminderOpensOn(provinceCode: string, year: number): string | null {
  const d = REPORTING_DEADLINES[provinceCode.slice(0, 2)]
  if (!d) return null
  return new Date(Date.UTC(year, d.month - 1, d.day - d.remindDaysBefore)).toISOString().slice(0, 10)
}

/** True on the days (China calendar) between the reminder's opening and the deadline itself. */
export function isReminderWindow(provinceCode: string, today: string): boolean {
  const year = Number(today.slice(0, 4))
  const opens = reminderOpensOn(provinceCode, year)
  const deadline = reportingDeadline(provinceCode, year)
  return !!opens && !!deadline && today >= opens && today <= deadline
}

/** The dashboard page (client routes must match): the reminder notification opens it. */
export const DASHBOARD_PAGE = '/packages/reports/pages/dashboard/index'
