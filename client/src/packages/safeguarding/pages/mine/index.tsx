import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS, URGENCY_LABELS } from '@qstx/shared'
import { useMyReports } from '../../../../api/safeguarding'
import ErrorState from '../../../../components/ErrorState'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { formatDateTime } from '../../../../utils/format'
import { STATUS_CLASS } from '../../labels'
import './index.scss'

/**
 * The reports I raised and the stage each has reached — 已收到, 正在处理, 已办结 — and nothing
 * more: who handles a report and what they did stays with the people responsible (the server
 * sends only the stage).
 */
export default function MyReportsPage() {
  useRequireLogin()
  const reports = useMyReports()
  useDidShow(() => void reports.refetch())

  return (
    <View className='page my-reports'>
      <Text className='page-title'>我的报告</Text>
      {reports.isPending && <Text className='muted'>正在加载…</Text>}
      {reports.isError && <ErrorState id='my-reports-error' title='无法加载报告' message={reports.error.message} onRetry={() => void reports.refetch()} />}
      {reports.data?.length === 0 && (
        <Text id='my-reports-empty' className='card muted'>
          您还没有提交过报告。
        </Text>
      )}
      {reports.data && reports.data.length > 0 && (
        <View id='my-reports'>
          {reports.data.map((r) => (
            <View key={r.id} id={`my-report-${r.id}`} className='card'>
              <Text className='item__title'>{REPORT_KIND_LABELS[r.kind]}</Text>
              <Text className='item__line'>
                {formatDateTime(r.createdAt)} 提交 · {URGENCY_LABELS[r.urgency]}
              </Text>
              <Text className={STATUS_CLASS[r.status]}>{REPORT_STATUS_LABELS[r.status]}</Text>
            </View>
          ))}
          <Text className='muted my-reports__note'>为保护孩子和您，处理的具体情况只有负责人可以查看。</Text>
        </View>
      )}
    </View>
  )
}
