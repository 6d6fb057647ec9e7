/**
 * Before each province's reporting deadline (shared/reports/deadlines.ts: 1 December Guangxi,
 * 5 December Shanxi), county civil affairs of that province are reminded to send the year's
 * progress report. Run hourly by the worker's crontab; the `report_reminders` row — unique per
 * province and year, written in the same transaction as the notifications — makes it once a year
 * however often the job runs, restarts, or runs on several workers at once.
 */
import { DASHBOARD_PAGE, REPORTING_DEADLINES, chinaDate, isReminderWindow, regionLevel, reportingDeadline, toRegionCode } from '@qstx/shared'
import type { Db } from '../../db/prisma'
import { notify } from '../../lib/notify'

const REPORT_YEAR_PAGE = (year: number) => `${DASHBOARD_PAGE}?year=${year}`

/** Sends the reminders that are due at `now`; answers how many people were reminded. */
export async function sendReportReminders(prisma: Db, now: Date): Promise<number> {
  const today = chinaDate(now)
  const year = Number(today.slice(0, 4))
  let reminded = 0
  for (const [province, rule] of Object.entries(REPORTING_DEADLINES)) {
    if (!isReminderWindow(toRegionCode(province), today)) continue
    const deadline = reportingDeadline(province, year)!
    reminded += await prisma.$transaction(async (tx) => {
      const staff = await tx.roleAssignment.findMany({
        where: { role: 'civil_affairs', regionCode: { startsWith: province }, revokedAt: null, user: { disabledAt: null } },
        select: { userId: true, regionCode: true },
      })
      const recipients = [...new Set(staff.filter((s) => regionLevel(s.regionCode) === 'county').map((s) => s.userId))]
      const inserted = await tx.$queryRaw<Array<{ id: string }>>`
        INSERT INTO "report_reminders" ("provinceCode", "year", "deadline", "sentAt", "recipients")
        VALUES (${province}, ${year}, ${deadline}::date, ${now}, ${recipients.length})
        ON CONFLICT ("provinceCode", "year") DO NOTHING RETURNING "id"`
      if (inserted.length === 0) return 0 // already reminded this year
      const [, month, day] = deadline.split('-').map(Number)
      for (const recipientUserId of recipients) {
        await notify(tx, {
          recipientUserId,
          kind: 'report.annual_due',
          title: '年度工作进展情况报送提醒',
          body: `请于${month}月${day}日前向${rule.provinceName}民政厅报送${year}年度工作进展情况，可在“工作统计”中查看并导出`,
          page: REPORT_YEAR_PAGE(year),
        })
      }
      return recipients.length
    })
  }
  return reminded
}
