import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS, URGENCY_LABELS, type ReportSummarySchema } from '@qstx/shared'
import type { z } from 'zod'
import { useReports } from '../../../../api/safeguarding'
import ErrorState from '../../../../components/ErrorState'
import { ROUTES } from '../../../../constants/routes'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { formatDateTime } from '../../../../utils/format'
import { ESCALATION_BADGES, STATUS_CLASS } from '../../labels'
import DeskFrame from '../../../../components/DeskFrame'
import './index.scss'

type Summary = z.infer<typeof ReportSummarySchema>

/** Open before closed; among the open, a child in danger now before a concern; then newest first. */
function order(a: Summary, b: Summary): number {
  const rank = (r: Summary) => (r.status === 'closed' ? 2 : r.urgency === 'immediate' ? 0 : 1)
  return rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt)
}

/** The reports of this region for the people who handle them: open ones first, immediate ones red. */
export default function ReportsPage() {
  useRequireLogin()
  const reports = useReports()
  useDidShow(() => void reports.refetch())
  const items = reports.data ? [...reports.data].sort(order) : []

  return (
    <DeskFrame current={ROUTES.reports}>
      <View className='page reports'>
        <Text className='page-title'>强制报告处理</Text>
        {reports.isPending && <Text className='muted'>正在加载…</Text>}
        {reports.isError && <ErrorState id='reports-error' title='无法加载报告' message={reports.error.message} onRetry={() => void reports.refetch()} />}
        {reports.data?.length === 0 && (
          <Text id='reports-empty' className='card muted'>
            辖区内还没有报告。
          </Text>
        )}
        {items.length > 0 && (
          <View id='reports-list'>
            {items.map((r) => {
              const urgent = r.urgency === 'immediate' && r.status !== 'closed'
              const escalation = ESCALATION_BADGES[r.escalationLevel]
              return (
                <View
                  key={r.id}
                  id={`report-row-${r.id}`}
                  className={`card report-row${urgent ? ' report-row--immediate' : ''}${r.status === 'closed' ? ' report-row--closed' : ''}`}
                  hoverClass='report-row--pressed'
                  onClick={() => void Taro.navigateTo({ url: `${ROUTES.report}?id=${encodeURIComponent(r.id)}` })}
                >
                  <Text className='item__title'>
                    {r.childName} · {REPORT_KIND_LABELS[r.kind]}
                  </Text>
                  <Text className='item__line'>
                    {r.regionName} · {formatDateTime(r.createdAt)}
                  </Text>
                  <View>
                    {urgent && <Text className='badge-danger'>{URGENCY_LABELS.immediate}</Text>}
                    {escalation && (
                      <Text id={`report-escalated-${r.id}`} className='badge-danger'>
                        {escalation}
                      </Text>
                    )}
                    {!r.acknowledged && r.status !== 'closed' && <Text className='badge-warn'>待确认接收</Text>}
                    <Text className={STATUS_CLASS[r.status]}>{REPORT_STATUS_LABELS[r.status]}</Text>
                  </View>
                </View>
              )
            })}
          </View>
        )}
      </View>
    </DeskFrame>
  )
}
