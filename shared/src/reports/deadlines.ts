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

/**
 * The year's files go to the township by the end of January of the next year (DOMAIN.md: "directors
 * hand them to the township by end of January of the next year"). Until then, they are completed.
 */
export const HANDOVER_MONTH_DAY = { month: 1, day: 31 } as const

/** The year whose files are being completed for the next hand-over: last year's in January, else this year's. */
export function handoverYear(today: string): number {
  const year = Number(today.slice(0, 4))
  return Number(today.slice(5, 7)) === HANDOVER_MONTH_DAY.month ? year - 1 : year
}

export type DeadlineKind = 'annual_report' | 'handover'
export interface Deadline {
  kind: DeadlineKind
  /** YYYY-MM-DD */
  date: string
  /** The files' year (hand-over) or the reported year (annual report). */
  year: number
}

/**
 * The deadlines of the programme falling in today's month, and always the next one to come (so a
 * home in March still says when the next one is): the year's progress report (by province) and the
 * files' hand-over. Sorted by date.
 */
export function deadlinesAhead(provinceCode: string, today: string): Deadline[] {
  const year = Number(today.slice(0, 4))
  const all: Deadline[] = []
  for (const y of [year, year + 1]) {
    const report = reportingDeadline(provinceCode, y)
    if (report) all.push({ kind: 'annual_report', date: report, year: y })
    all.push({ kind: 'handover', date: iso(y, HANDOVER_MONTH_DAY.month, HANDOVER_MONTH_DAY.day), year: y - 1 })
  }
  const ahead = all.filter((d) => d.date >= today).sort((a, b) => a.date.localeCompare(b.date))
  const month = today.slice(0, 7)
  const thisMonth = ahead.filter((d) => d.date.startsWith(month))
  return thisMonth.length > 0 ? thisMonth : ahead.slice(0, 1)
}

/** The dashboard page (client routes must match): the reminder notification opens it. */
export const DASHBOARD_PAGE = '/packages/reports/pages/dashboard/index'
