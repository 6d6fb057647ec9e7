import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROLE_LABELS } from '@qstx/shared'
import { useAudit } from '../../../../api/audit'
import ErrorState from '../../../../components/ErrorState'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { chinaDayRange, formatDateTime, todayInChina } from '../../../../utils/format'
import { AUDIT_ACTION_LABELS, AUDIT_FILTERS, AUDIT_RESULT_LABELS } from '../../labels'
import './index.scss'

const PAGE_SIZE = 20

/** The audit trail of this region, newest first: filter by kind of action and by day, page by page. */
export default function AuditPage() {
  useRequireLogin()
  const [filterKey, setFilterKey] = useState<(typeof AUDIT_FILTERS)[number]['key']>('all')
  const [day, setDay] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const action = AUDIT_FILTERS.find((f) => f.key === filterKey)?.action
  const audit = useAudit({ action, ...(day ? chinaDayRange(day) : {}), page, pageSize: PAGE_SIZE })
  const pages = audit.data ? Math.max(1, Math.ceil(audit.data.total / audit.data.pageSize)) : 1

  return (
    <View className='page audit'>
      <Text className='page-title'>审计记录</Text>
      <View className='chips'>
        {AUDIT_FILTERS.map((filter) => (
          <Text
            key={filter.key}
            id={`audit-filter-${filter.key}`}
            className={`chip${filter.key === filterKey ? ' chip--selected' : ''}`}
            onClick={() => {
              setFilterKey(filter.key)
              setPage(1)
            }}
          >
            {filter.label}
          </Text>
        ))}
      </View>
      <View className='audit__date'>
        <Picker
          mode='date'
          value={day ?? todayInChina()}
          end={todayInChina()}
          onChange={(e) => {
            setDay(String(e.detail.value))
            setPage(1)
          }}
        >
          <Text id='audit-date' className='audit__date-value'>
            日期：{day ?? '全部'}
          </Text>
        </Picker>
        {day && (
          <Text id='audit-date-clear' className='link' onClick={() => setDay(null)}>
            清除日期
          </Text>
        )}
      </View>

      {audit.isPending && <Text className='muted'>正在加载…</Text>}
      {audit.isError && <ErrorState id='audit-error' title='无法加载审计记录' message={audit.error.message} onRetry={() => void audit.refetch()} />}
      {audit.data && audit.data.items.length === 0 && (
        <Text id='audit-empty' className='card muted'>
          没有符合条件的记录。
        </Text>
      )}
      {audit.data && audit.data.items.length > 0 && (
        <View id='audit-list'>
          {audit.data.items.map((entry) => (
            <View key={entry.id} className='card audit__entry'>
              <Text className='item__title'>{AUDIT_ACTION_LABELS[entry.action] ?? entry.action}</Text>
              <Text className='item__line'>
                {formatDateTime(entry.at)} · {entry.actorName ?? '未登录用户'}
                {entry.actorRole ? `（${ROLE_LABELS[entry.actorRole]}）` : ''}
              </Text>
              <Text className={`item__line audit__result--${entry.result}`}>
                {AUDIT_RESULT_LABELS[entry.result] ?? entry.result}
                {entry.fieldsRevealed.length > 0 ? ` · 查看字段：${entry.fieldsRevealed.join('、')}` : ''}
              </Text>
            </View>
          ))}
          <View className='audit__pager'>
            <Button id='audit-prev' size='normal' disabled={page <= 1} onClick={() => setPage(page - 1)}>
              上一页
            </Button>
            <Text id='audit-page'>
              第 {page} / {pages} 页
            </Text>
            <Button id='audit-next' size='normal' disabled={page >= pages} onClick={() => setPage(page + 1)}>
              下一页
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
