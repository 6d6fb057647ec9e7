import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { QUEUE_STATUSES, VOLUNTEER_KIND_LABELS, VOLUNTEER_STATUS_LABELS, type QueueStatus, type VettingQueueQuery } from '@qstx/shared'
import { queueQuery, useVettingQueue, type fetchQueue } from '../../../../api/vetting'
import ChoiceChips from '../../../../components/ChoiceChips'
import DataTable, { type Column } from '../../../../components/DataTable'
import DeskFrame from '../../../../components/DeskFrame'
import ErrorState from '../../../../components/ErrorState'
import Pager from '../../../../components/Pager'
import { ROUTES } from '../../../../constants/routes'
import { useDesk, useDeskSelection } from '../../../../hooks/use-desk'
import { useRefetchOnShow } from '../../../../hooks/use-refetch-on-show'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { formatDate } from '../../../../utils/format'
import ApplicationPanel from '../../components/ApplicationPanel'
import { CRIMINAL_BADGE } from '../../labels'
import './index.scss'

const DAY_MS = 86_400_000
type Item = Awaited<ReturnType<typeof fetchQueue>>['items'][number]
type Sort = VettingQueueQuery['sort']

const sinceOf = (item: Item) => item.submittedAt ?? item.statusChangedAt
const waitedDays = (item: Item) => {
  const since = sinceOf(item)
  return since ? Math.floor((Date.now() - Date.parse(since)) / DAY_MS) : null
}

function Badges({ checks }: { checks: Item['checks'] }) {
  const criminal = checks.criminalRecordResult
  return (
    <View className='vetting__badges'>
      <Text className={`vetting__badge${checks.identityVerified ? ' vetting__badge--done' : ''}`}>{checks.identityVerified ? '身份核验 ✓' : '身份未核验'}</Text>
      <Text className={`vetting__badge${criminal === 'clear' ? ' vetting__badge--done' : criminal === 'not_clear' ? ' vetting__badge--bad' : ''}`}>
        {criminal ? CRIMINAL_BADGE[criminal] : '未做入职查询'}
      </Text>
      <Text className={`vetting__badge${checks.trainingCompleted ? ' vetting__badge--done' : ''}`}>{checks.trainingCompleted ? '培训 ✓' : '未培训'}</Text>
    </View>
  )
}

const COLUMNS: ReadonlyArray<Column<Item>> = [
  { key: 'name', title: '姓名', sort: ['name', 'name'], render: (i) => i.realName ?? '（未填写姓名）' },
  { key: 'kind', title: '类型', render: (i) => (i.kind ? VOLUNTEER_KIND_LABELS[i.kind] : '—') },
  { key: 'region', title: '服务地区', render: (i) => [i.serviceRegionName, i.team?.name].filter(Boolean).join(' · ') || '—' },
  { key: 'submitted', title: '提交', sort: ['oldest', 'newest'], render: (i) => (sinceOf(i) ? `${formatDate(sinceOf(i)!)}（${waitedDays(i)} 天）` : '—') },
  { key: 'checks', title: '核查', width: '36%', render: (i) => <Badges checks={i.checks} /> },
]

/**
 * 陈姐's morning: the applications of her region, oldest first, by status with the count of each.
 * A phone lists cards that open the application; a desk a sortable table with the application beside it.
 */
export default function VettingQueuePage() {
  useRequireLogin()
  const desk = useDesk()
  const [selected, select] = useDeskSelection(desk)
  const [status, setStatus] = useState<QueueStatus>('submitted')
  const [sort, setSort] = useState<Sort>('oldest')
  const [page, setPage] = useState(1)
  // The default order is left out of the query: it is then the very query home asked for.
  const queue = useVettingQueue({ ...queueQuery(status, page), ...(sort === 'oldest' ? {} : { sort }) })
  // Back from an application just decided: the list and its counts have changed.
  useRefetchOnShow(queue)
  const counts = queue.data?.counts
  const pages = queue.data ? Math.max(1, Math.ceil(queue.data.total / queue.data.pageSize)) : 1
  const open = (item: Item) => (desk ? select(item.id) : void Taro.navigateTo({ url: `${ROUTES.vettingApplication}?id=${item.id}` }))

  const list = queue.isSuccess && queue.data.items.length > 0 && (
    desk ? (
      <DataTable
        id='vetting-list'
        caption='志愿者报名'
        columns={COLUMNS}
        rows={queue.data.items}
        rowId={(i) => `vetting-item-${i.id}`}
        sort={sort}
        onSort={(s) => {
          setSort(s as Sort)
          setPage(1)
        }}
        selected={selected ? `vetting-item-${selected}` : null}
        onOpen={open}
        rowTone={(i) => ((waitedDays(i) ?? 0) >= 7 ? 'warn' : undefined)}
        page={{ page, pages, onPage: setPage, prefix: 'vetting' }}
      />
    ) : (
      <View id='vetting-list'>
        {queue.data.items.map((item) => {
          const since = sinceOf(item)
          const days = waitedDays(item)
          return (
            <View key={item.id} id={`vetting-item-${item.id}`} className='card' hoverClass='nav-row--pressed' onClick={() => open(item)}>
              <Text className='vetting__item-name'>{item.realName ?? '（未填写姓名）'}</Text>
              <Text className='vetting__line'>{[item.kind ? VOLUNTEER_KIND_LABELS[item.kind] : null, item.serviceRegionName].filter(Boolean).join(' · ')}</Text>
              {item.team && <Text className='vetting__line'>团队：{item.team.name}</Text>}
              {since && (
                <Text className='vetting__line'>
                  {formatDate(since)} 提交{days !== null && days > 0 ? `，已等待 ${days} 天` : ''}
                </Text>
              )}
              <Badges checks={item.checks} />
            </View>
          )
        })}
      </View>
    )
  )

  return (
    <DeskFrame current={ROUTES.vettingQueue}>
      <View className={`page vetting${desk && selected ? ' split' : ''}`}>
        <View className='split__list'>
          <Text className='page-title'>志愿者审核</Text>
          <ChoiceChips
            id='vetting-filter'
            options={QUEUE_STATUSES.map((s) => ({ value: s, label: `${VOLUNTEER_STATUS_LABELS[s]}（${counts ? counts[s] : '…'}）` }))}
            value={status}
            onChange={(s) => {
              setStatus(s)
              setPage(1)
            }}
          />
          {queue.isError && <ErrorState id='vetting-error' title='无法加载审核列表' message={queue.error.message} onRetry={() => void queue.refetch()} />}
          {queue.isPending && <Text className='muted'>正在加载…</Text>}
          {queue.isSuccess && queue.data.items.length === 0 && (
            <Text id='vetting-empty' className='card muted'>
              没有“{VOLUNTEER_STATUS_LABELS[status]}”的报名。
            </Text>
          )}
          {list}
          {!desk && <Pager id='vetting' page={page} pages={pages} onPage={setPage} />}
        </View>
        {desk && selected && (
          <View id='vetting-detail' className='split__detail'>
            <ApplicationPanel key={selected} id={selected} />
          </View>
        )}
      </View>
    </DeskFrame>
  )
}
