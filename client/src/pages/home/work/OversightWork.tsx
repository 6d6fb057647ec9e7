import { Text, View } from '@tarojs/components'
import { deadlinesAhead, type Deadline } from '@qstx/shared'
import { CALENDAR_FIRST_PAGE, useDutyCalendar } from '../../../api/duty'
import { useDashboard } from '../../../api/reports'
import { useReports } from '../../../api/safeguarding'
import { ROUTES } from '../../../constants/routes'
import { useRefetchOnShow } from '../../../hooks/use-refetch-on-show'
import { todayInChina } from '../../../utils/format'
import { Tallies, Tally, WorkCard, WorkSection, go, settled } from './parts'

type ReportSummary = NonNullable<ReturnType<typeof useReports>['data']>[number]
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** Open reports by how long they have been open: a report is to be handled at once. */
export function byAge(reports: readonly ReportSummary[], now = Date.now()) {
  const open = reports.filter((r) => r.status !== 'closed')
  const age = (r: ReportSummary) => now - Date.parse(r.createdAt)
  return {
    open: open.length,
    unacknowledged: open.filter((r) => !r.acknowledged).length,
    day: open.filter((r) => age(r) < DAY_MS).length,
    week: open.filter((r) => age(r) >= DAY_MS && age(r) < 7 * DAY_MS).length,
    older: open.filter((r) => age(r) >= 7 * DAY_MS).length,
  }
}

const DEADLINE_TITLES: Record<Deadline['kind'], (year: number) => string> = {
  annual_report: (year) => `报送${year}年工作进展情况`,
  handover: (year) => `${year}年度档案移交乡镇`,
}

function DeadlineLine({ d, today }: { d: Deadline; today: string }) {
  const days = Math.round((Date.parse(d.date) - Date.parse(today)) / DAY_MS)
  return (
    <View id={`home-deadline-${d.kind}`} className='work-line'>
      <View className='work-line__body'>
        <Text className='work-line__title'>{DEADLINE_TITLES[d.kind](d.year)}</Text>
        <Text className={`work-line__detail${days <= 14 ? ' work-line__detail--warn' : ''}`}>
          {Number(d.date.slice(5, 7))}月{Number(d.date.slice(8))}日前{days === 0 ? '（今天）' : `（还有 ${days} 天）`}
        </Text>
      </View>
    </View>
  )
}

/**
 * 赵督导's and 县民政's home: how far the care reaches (children with a love parent, children visited
 * this month), who is overdue, the open reports by age, and the deadlines of the month. The figures
 * are the dashboard's, the overdue count the duty calendar's, the reports the reports list's.
 */
export default function OversightWork({ regionCode }: { regionCode: string }) {
  const today = todayInChina()
  const dashboard = useDashboard('')
  const calendar = useDutyCalendar(CALENDAR_FIRST_PAGE)
  const reports = useReports()
  useRefetchOnShow(dashboard, calendar, reports)
  const t = dashboard.data?.totals
  const r = reports.data ? byAge(reports.data) : undefined
  const ready = settled(dashboard, calendar, reports)

  return (
    <WorkSection ready={ready}>
      <WorkCard id='home-coverage' title='关爱覆盖' more={{ id: 'home-coverage-more', label: '工作统计', onClick: go(ROUTES.dashboard) }}>
        <Tallies>
          <Tally id='home-count-children' count={t?.children} label='名建档儿童' onClick={go(ROUTES.children)} />
          <Tally id='home-count-paired' count={t?.activePairings} label='名有爱心家长结对' tone='ok' onClick={go(`${ROUTES.pairingLedger}?state=active`)} />
          <Tally id='home-count-visited' count={t?.visitedThisMonth} label='名本月已走访' tone='ok' />
        </Tallies>
        {t && t.children > 0 && (
          <Text id='home-coverage-line' className='work-card__text'>
            结对覆盖 {Math.round((t.activePairings / t.children) * 100)}%，本月走访覆盖 {Math.round((t.visitedThisMonth / t.children) * 100)}%
            {t.priorityPairedPct === null ? '' : `，重点儿童结对 ${t.priorityPairedPct}%`}
          </Text>
        )}
      </WorkCard>

      <WorkCard id='home-follow-up' title='需要跟进' tone={(calendar.data?.counts.overdue ?? 0) > 0 || (r?.open ?? 0) > 0 ? 'warn' : undefined}>
        <Tallies>
          <Tally id='home-count-overdue' count={calendar.data?.counts.overdue} label='名儿童走访逾期' tone='warn' onClick={go(`${ROUTES.dutyCalendar}?filter=overdue`)} />
          <Tally id='home-count-reports' count={r?.open} label='件强制报告未办结' tone='warn' onClick={go(ROUTES.reports)} />
        </Tallies>
        {r && r.open > 0 && (
          <Text id='home-reports-age' className='work-card__text work-card__text--warn'>
            24小时内 {r.day} 件 · 1–7天 {r.week} 件 · 超过7天 {r.older} 件{r.unacknowledged > 0 ? ` · ${r.unacknowledged} 件还没有人确认接收` : ''}
          </Text>
        )}
      </WorkCard>

      <WorkCard id='home-deadlines' title='本月截止'>
        {deadlinesAhead(regionCode, today).map((d) => (
          <DeadlineLine key={d.kind + d.date} d={d} today={today} />
        ))}
      </WorkCard>
    </WorkSection>
  )
}
