import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARD_PAGE, isReminderWindow, reportingDeadline } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { tokenFor } from '../../../../test/helpers/personas'
import { sendReportReminders } from './reminders'

let t: TestContext
const RONGSHUI = '450225000000'
const LIUZHOU_CITY = '450200000000'
let shanxiCounty: string

beforeAll(async () => {
  t = await buildTestApp()
  shanxiCounty = (await t.prisma.region.findFirstOrThrow({ where: { code: { startsWith: '14' }, level: 'county' } })).code
  // County civil affairs in both provinces, and a city-level one who is not the reporting county.
  for (const regionCode of [RONGSHUI, '450226000000', shanxiCounty, LIUZHOU_CITY]) await tokenFor(t.app, { role: 'civil_affairs', regionCode })
})
afterAll(() => t.close())

const reminders = (userId?: string) => t.prisma.notification.findMany({ where: { kind: 'report.annual_due', ...(userId ? { recipientUserId: userId } : {}) } })
const civilAt = async (regionCode: string) => (await t.prisma.roleAssignment.findFirstOrThrow({ where: { role: 'civil_affairs', regionCode } })).userId

describe('reminders before the annual report is due', () => {
  it('knows each province\'s deadline (1 December Guangxi, 5 December Shanxi)', () => {
    expect(reportingDeadline(RONGSHUI, 2026)).toBe('2026-12-01')
    expect(reportingDeadline(shanxiCounty, 2026)).toBe('2026-12-05')
    expect(reportingDeadline('110000000000', 2026)).toBeNull()
    expect(isReminderWindow(RONGSHUI, '2026-11-16')).toBe(false)
    expect(isReminderWindow(RONGSHUI, '2026-11-17')).toBe(true)
    expect(isReminderWindow(RONGSHUI, '2026-12-02')).toBe(false)
  })

  it('does nothing outside the window', async () => {
    expect(await sendReportReminders(t.prisma, new Date('2026-10-01T02:00:00Z'))).toBe(0)
    expect(await reminders()).toEqual([])
  })

  it('reminds county civil affairs of Guangxi once, however often it runs', async () => {
    const at = new Date('2026-11-18T01:00:00Z')
    expect(await sendReportReminders(t.prisma, at)).toBe(2)
    expect(await sendReportReminders(t.prisma, at)).toBe(0)
    expect(await sendReportReminders(t.prisma, new Date('2026-11-19T01:00:00Z'))).toBe(0)
    const mine = await reminders(await civilAt(RONGSHUI))
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ title: '年度工作进展情况报送提醒', page: `${DASHBOARD_PAGE}?year=2026` })
    expect(mine[0]!.body).toContain('请于12月1日前向广西壮族自治区民政厅报送2026年度工作进展情况')
    expect(await reminders(await civilAt(shanxiCounty))).toEqual([])
    expect(await reminders(await civilAt(LIUZHOU_CITY))).toEqual([])
    expect(await t.prisma.reportReminder.findMany({ select: { provinceCode: true, year: true, recipients: true } })).toEqual([{ provinceCode: '45', year: 2026, recipients: 2 }])
  })

  it('reminds Shanxi in its own window, and both provinces again the next year', async () => {
    expect(await sendReportReminders(t.prisma, new Date('2026-11-22T01:00:00Z'))).toBe(1)
    expect(await reminders(await civilAt(shanxiCounty))).toHaveLength(1)
    expect(await sendReportReminders(t.prisma, new Date('2027-11-25T01:00:00Z'))).toBe(3)
    expect(await t.prisma.reportReminder.count()).toBe(4)
  })

  it('keeps the record of a reminder: it cannot be changed or removed', async () => {
    await expect(t.prisma.reportReminder.deleteMany({})).rejects.toThrow()
    await expect(t.prisma.reportReminder.updateMany({ data: { recipients: 0 } })).rejects.toThrow()
  })
})
