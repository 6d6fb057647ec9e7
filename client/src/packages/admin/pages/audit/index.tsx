import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { ROLE_LABELS } from '@qstx/shared'
import { useAudit, type fetchAudit } from '../../../../api/audit'
import DataTable, { type Column } from '../../../../components/DataTable'
import DeskFrame from '../../../../components/DeskFrame'
import ErrorState from '../../../../components/ErrorState'
import Pager from '../../../../components/Pager'
import { ROUTES } from '../../../../constants/routes'
import { useDesk, useDeskSelection } from '../../../../hooks/use-desk'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { chinaDayRange, formatDateTime, todayInChina } from '../../../../utils/format'
import { AUDIT_ACTION_LABELS, AUDIT_FILTERS, AUDIT_RESULT_LABELS } from '../../labels'
import './index.scss'

const PAGE_SIZE = 20
type Entry = Awaited<ReturnType<typeof fetchAudit>>['items'][number]

const who = (e: Entry) => `${e.actorName ?? '未登录用户'}${e.actorRole ? `（${ROLE_LABELS[e.actorRole]}）` : ''}`
const what = (e: Entry) => AUDIT_ACTION_LABELS[e.action] ?? e.action
const outcome = (e: Entry) => `${AUDIT_RESULT_LABELS[e.result] ?? e.result}${e.fieldsRevealed.length > 0 ? ` · 查看字段：${e.fieldsRevealed.join('、')}` : ''}`

const COLUMNS: ReadonlyArray<Column<Entry>> = [
  { key: 'at', title: '时间', sort: ['oldest', 'newest'], width: '18%', render: (e) => formatDateTime(e.at) },
  { key: 'action', title: '做了什么', render: what },
  { key: 'actor', title: '谁', render: who },
  { key: 'result', title: '结果', render: (e) => <Text className={`audit__result--${e.result}`}>{outcome(e)}</Text> },
]

/** Everything the trail holds about one entry (the desk's side panel). */
function EntryDetail({ e }: { e: Entry }) {
  const rows: Array<[string, string | null]> = [
    ['时间', formatDateTime(e.at)], ['操作', what(e)], ['人员', who(e)], ['结果', outcome(e)],
    ['对象', e.targetType ? `${e.targetType}${e.targetId ? ` · ${e.targetId}` : ''}` : null], ['地区代码', e.regionCode], ['请求编号', e.requestId], ['IP 地址', e.ip],
  ]
  return (
    <View id='audit-entry' className='card'>
      {rows.filter((r): r is [string, string] => !!r[1]).map(([k, v]) => (
        <View key={k} className='audit__fact'>
          <Text className='audit__fact-key'>{k}</Text>
          <Text className='audit__fact-value'>{v}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * The audit trail of this region, newest first: filter by kind of action and by day, page by page.
 * A desk reads it as a table (either order) with the chosen entry in full beside it.
 */
export default function AuditPage() {
  useRequireLogin()
  const desk = useDesk()
  const [selected, select] = useDeskSelection(desk)
  const [filterKey, setFilterKey] = useState<(typeof AUDIT_FILTERS)[number]['key']>('all')
  const [day, setDay] = useState<string | null>(null)
  const [sort, setSort] = useState<'newest' | 'oldest'>('newest')
  const [page, setPage] = useState(1)
  const action = AUDIT_FILTERS.find((f) => f.key === filterKey)?.action
  const audit = useAudit({ action, ...(day ? chinaDayRange(day) : {}), ...(sort === 'newest' ? {} : { sort }), page, pageSize: PAGE_SIZE })
  const pages = audit.data ? Math.max(1, Math.ceil(audit.data.total / audit.data.pageSize)) : 1
  const chosen = audit.data?.items.find((e) => e.id === selected)
  const refilter = (apply: () => void) => {
    apply()
    setPage(1)
  }

  return (
    <DeskFrame current={ROUTES.audit}>
      <View className={`page audit${desk && chosen ? ' split' : ''}`}>
        <View className='split__list'>
          <Text className='page-title'>审计记录</Text>
          <View className='chips'>
            {AUDIT_FILTERS.map((filter) => (
              <Text key={filter.key} id={`audit-filter-${filter.key}`} className={`chip${filter.key === filterKey ? ' chip--selected' : ''}`} onClick={() => refilter(() => setFilterKey(filter.key))}>
                {filter.label}
              </Text>
            ))}
          </View>
          <View className='audit__date'>
            <Picker mode='date' value={day ?? todayInChina()} end={todayInChina()} onChange={(e) => refilter(() => setDay(String(e.detail.value)))}>
              <Text id='audit-date' className='audit__date-value'>
                日期：{day ?? '全部'}
              </Text>
            </Picker>
            {day && (
              <Text id='audit-date-clear' className='link audit__date-clear' onClick={() => refilter(() => setDay(null))}>
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
          {audit.data && audit.data.items.length > 0 && desk && (
            <DataTable
              id='audit-list'
              caption='审计记录'
              columns={COLUMNS}
              rows={audit.data.items}
              rowId={(e) => `audit-row-${e.id}`}
              sort={sort}
              onSort={(s) => refilter(() => setSort(s as 'newest' | 'oldest'))}
              selected={selected ? `audit-row-${selected}` : null}
              onOpen={(e) => select(e.id)}
              rowTone={(e) => (e.result === 'success' ? undefined : 'warn')}
              page={{ page, pages, onPage: setPage, prefix: 'audit' }}
            />
          )}
          {audit.data && audit.data.items.length > 0 && !desk && (
            <View id='audit-list'>
              {audit.data.items.map((entry) => (
                <View key={entry.id} className='card audit__entry'>
                  <Text className='item__title'>{what(entry)}</Text>
                  <Text className='item__line'>
                    {formatDateTime(entry.at)} · {who(entry)}
                  </Text>
                  <Text className={`item__line audit__result--${entry.result}`}>{outcome(entry)}</Text>
                </View>
              ))}
              <Pager id='audit' page={page} pages={pages} onPage={setPage} always />
            </View>
          )}
        </View>
        {desk && chosen && (
          <View id='audit-detail' className='split__detail'>
            <EntryDetail e={chosen} />
          </View>
        )}
      </View>
    </DeskFrame>
  )
}
