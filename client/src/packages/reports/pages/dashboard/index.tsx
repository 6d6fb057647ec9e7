import { useMemo, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { REGION_LEVEL_LABELS, type Dashboard } from '@qstx/shared'
import { useAnnualReport, useDashboard } from '../../../../api/reports'
import DeskFrame from '../../../../components/DeskFrame'
import ErrorState from '../../../../components/ErrorState'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { formatDateTime } from '../../../../utils/format'
import Chart from '../../components/Chart'
import CareFigures from '../../components/CareFigures'
import ExportPanel from '../../components/ExportPanel'
import { COLORS, type ChartSpec } from '../../components/Chart/spec'
import './index.scss'

type Figures = Dashboard['totals']

const TOTALS: Array<{ key: string; label: string; value: (f: Figures) => string; warn?: (f: Figures) => boolean }> = [
  { key: 'children', label: '建档儿童', value: (f) => String(f.children) },
  { key: 'priority', label: '重点儿童已结对', value: (f) => (f.priorityPairedPct === null ? '—' : `${f.priorityPairedPct}%`), warn: (f) => (f.priorityPairedPct ?? 100) < 50 },
  { key: 'overdue', label: '走访逾期（人）', value: (f) => String(f.overdueVisits), warn: (f) => f.overdueVisits > 0 },
  { key: 'stale', label: '结对60天未联系', value: (f) => String(f.staleContacts), warn: (f) => f.staleContacts > 0 },
  { key: 'reports', label: '未办结强制报告', value: (f) => String(f.openReports), warn: (f) => f.openReports > 0 },
  { key: 'checkins', label: '本年爱心家长走访', value: (f) => String(f.checkins) },
]

/** Shorter labels for chart axes: "融水苗族自治县和睦镇" is too long under a bar. */
const short = (name: string) => name.replace(/(村民委员会|居民委员会|村委会|社区居委会)$/, '').slice(0, 8)

function charts(d: Dashboard): { categories: ChartSpec; subregions: ChartSpec; checkins: ChartSpec } {
  const t = d.totals
  const both = Math.max(0, t.leftBehind + t.inDifficulty - t.children)
  return {
    categories: {
      kind: 'share',
      parts: [
        { name: '农村留守儿童', color: COLORS.blue, value: t.leftBehind - both },
        { name: '困境儿童', color: COLORS.orange, value: t.inDifficulty - both },
        { name: '既留守又困境', color: COLORS.amber, value: both },
      ],
    },
    subregions: {
      kind: 'bar',
      categories: d.subregions.map((r) => short(r.name)),
      series: [
        { name: '建档儿童', color: COLORS.blue, values: d.subregions.map((r) => r.figures.children) },
        { name: '走访逾期', color: COLORS.red, values: d.subregions.map((r) => r.figures.overdueVisits) },
        { name: '重点儿童已结对', color: COLORS.green, values: d.subregions.map((r) => r.figures.priorityPaired) },
      ],
    },
    checkins: {
      kind: 'bar',
      categories: d.checkinsByMonth.map((m) => `${Number(m.month.slice(5))}月`),
      series: [{ name: '已确认的爱心家长走访', color: COLORS.green, values: d.checkinsByMonth.map((m) => m.count) }],
    },
  }
}

/**
 * 工作统计 — the dashboards of 陈姐, 赵督导 and 县民政: this region's figures, charts, the regions one
 * level down to drill into, the annual progress report, and the exports (ledgers, annual report).
 */
export default function DashboardPage() {
  useRequireLogin()
  const me = useMe()
  const params = useRouter().params
  const [region, setRegion] = useState('')
  const dashboard = useDashboard(region)
  const d = dashboard.data
  const year = Number(params.year) || Number((d?.today ?? new Date().toISOString()).slice(0, 4))
  const annual = useAnnualReport(region, year)
  const role = me.data?.activeRole?.role
  const spec = useMemo(() => (d ? charts(d) : null), [d])

  if (dashboard.isError) {
    return (
      <View className='page'>
        <ErrorState id='dashboard-error' title='无法加载统计' message={dashboard.error.message} onRetry={() => void dashboard.refetch()} />
      </View>
    )
  }
  if (!d || !spec) {
    return (
      <View className='page'>
        <Text className='muted'>正在统计…</Text>
      </View>
    )
  }

  return (
    <DeskFrame current={ROUTES.dashboard}>
      <View className='page dashboard'>
        <Text id='dashboard-title' className='page-title'>
          工作统计 · {d.region.name}
        </Text>
        <View id='dashboard-path' className='dashboard__path'>
          {d.path.length > 1 && d.path.map((r, i) => (
            <Text
              key={r.code}
              id={`dashboard-up-${r.code}`}
              className={i < d.path.length - 1 ? 'link dashboard__crumb' : 'dashboard__crumb dashboard__crumb--here'}
              onClick={i < d.path.length - 1 ? () => setRegion(r.code) : undefined}
            >
              {r.name}
              {i < d.path.length - 1 ? ' ›' : ''}
            </Text>
          ))}
        </View>
        <Text id='dashboard-generated' className='muted dashboard__generated'>
          统计时间：{formatDateTime(d.generatedAt)}
        </Text>

        <View id='dashboard-totals' className='dashboard__totals'>
          {TOTALS.map((t) => (
            <View key={t.key} id={`total-${t.key}`} className={`card dashboard__total${t.warn?.(d.totals) ? ' dashboard__total--warn' : ''}`}>
              <Text className='dashboard__total-value'>{t.value(d.totals)}</Text>
              <Text className='dashboard__total-label'>{t.label}</Text>
            </View>
          ))}
        </View>

        <View className='dashboard__charts'>
          <View className='card dashboard__chart'>
            <Text className='section-title'>儿童类别</Text>
            <Chart id='chart-categories' spec={spec.categories} height={260} />
          </View>
          {d.subregions.length > 0 && (
            <View className='card dashboard__chart dashboard__chart--wide'>
              <Text className='section-title'>各{REGION_LEVEL_LABELS[d.subregions[0]!.level]}情况</Text>
              <Chart id='chart-subregions' spec={spec.subregions} height={300} />
            </View>
          )}
          <View className='card dashboard__chart'>
            <Text className='section-title'>每月爱心家长走访（已确认）</Text>
            <Chart id='chart-checkins' spec={spec.checkins} height={240} />
          </View>
        </View>

        {d.subregions.length > 0 && (
          <View className='card'>
            <Text className='section-title'>逐级查看</Text>
            <View id='dashboard-subregions'>
              {d.subregions.map((r) => (
                <View key={r.code} id={`dashboard-region-${r.code}`} className='dashboard__region' hoverClass='dashboard__region--pressed' onClick={() => setRegion(r.code)}>
                  <Text className='dashboard__region-name'>{r.name}</Text>
                  <Text className='dashboard__region-figures'>
                    儿童 {r.figures.children} · 重点结对 {r.figures.priorityPairedPct === null ? '—' : `${r.figures.priorityPairedPct}%`} · 逾期 {r.figures.overdueVisits} · 未联系 {r.figures.staleContacts} · 报告 {r.figures.openReports}
                  </Text>
                  <Text className='dashboard__region-go'>›</Text>
                </View>
              ))}
            </View>
          </View>
        )}

        <CareFigures d={d} annual={annual.data} />

        {annual.data && (
          <View id='annual-report' className='card'>
            <Text className='section-title'>
              {annual.data.year}年工作进展情况{annual.data.deadline ? `（${Number(annual.data.deadline.slice(5, 7))}月${Number(annual.data.deadline.slice(8))}日前报送）` : ''}
            </Text>
            <Text className='dashboard__line'>
              建档儿童 {annual.data.children.total} 人（留守 {annual.data.children.leftBehind}，困境 {annual.data.children.inDifficulty}），重点儿童 {annual.data.children.priority} 人，已结对{' '}
              {annual.data.pairings.priorityCovered} 人
            </Text>
            <Text className='dashboard__line'>
              儿童主任入户走访 {annual.data.directorVisits.homeVisits.done} / {annual.data.directorVisits.homeVisits.due} 次，联系 {annual.data.directorVisits.contacts.done} /{' '}
              {annual.data.directorVisits.contacts.due} 次
            </Text>
            <Text className='dashboard__line'>
              强制报告收到 {annual.data.safeguarding.received} 件、办结 {annual.data.safeguarding.closed} 件；在册爱心家长 {annual.data.volunteers.total} 人；平台记录服务时长{' '}
              {annual.data.platformHours} 小时
            </Text>
          </View>
        )}

        {role && <ExportPanel role={role} regionCode={d.region.code} year={year} />}
      </View>
    </DeskFrame>
  )
}
