import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { StaffCheckin } from '@qstx/shared'
import { CHECKIN_PAGE_SIZE, useUnconfirmedCheckins } from '../../../../api/checkins'
import DataTable, { type Column } from '../../../../components/DataTable'
import DeskFrame from '../../../../components/DeskFrame'
import ErrorState from '../../../../components/ErrorState'
import { ROUTES } from '../../../../constants/routes'
import { useDesk, useDeskSelection } from '../../../../hooks/use-desk'
import { useRefetchOnShow } from '../../../../hooks/use-refetch-on-show'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { formatDateTime } from '../../../../utils/format'
import CheckinCard from '../../components/CheckinCard'
import { durationText, howText } from '../../labels'
import './index.scss'

const COLUMNS: ReadonlyArray<Column<StaffCheckin>> = [
  { key: 'waiting', title: '已等待', sort: ['oldest', 'newest'], render: (c) => `${c.waitingDays} 天` },
  { key: 'village', title: '村（社区）', render: (c) => c.child.villageName },
  { key: 'who', title: '爱心家长 → 儿童', render: (c) => `${c.volunteer.realName ?? '爱心家长'} → ${c.child.name}` },
  { key: 'when', title: '走访时间', render: (c) => `${formatDateTime(c.startedAt)} · ${durationText(c.durationMinutes)}` },
  { key: 'how', title: '方式和内容', render: (c) => howText(c) + (c.worried ? ' · 志愿者担心这个孩子' : '') },
]

/**
 * For coordinators and supervisors: love parents' check-ins in the region that no director has
 * confirmed or disputed within 14 days — the villages where confirmation has fallen behind. A desk
 * reads them as a table (longest waiting first, or newest) with the chosen one beside it.
 */
export default function UnconfirmedCheckinsPage() {
  useRequireLogin()
  const desk = useDesk()
  const [selected, select] = useDeskSelection(desk)
  const [sort, setSort] = useState<'oldest' | 'newest'>('oldest')
  const [page, setPage] = useState(1)
  const list = useUnconfirmedCheckins(page, true, sort)
  useRefetchOnShow(list)
  const data = list.data
  const pages = data ? Math.max(1, Math.ceil(data.total / CHECKIN_PAGE_SIZE)) : 1
  const chosen = data?.items.find((c) => c.id === selected)

  return (
    <DeskFrame current={ROUTES.checkinUnconfirmed}>
      <View className={`page unconfirmed${desk && chosen ? ' split' : ''}`}>
        <View className='split__list'>
          <Text className='page-title'>超过14天未确认的走访</Text>
          <Text className='muted unconfirmed__lead'>儿童主任确认后，志愿者的服务时长和积分才会记入。请提醒对应村的儿童主任及时处理。</Text>
          {list.isError && <ErrorState id='unconfirmed-error' title='无法加载' message={list.error.message} onRetry={() => void list.refetch()} />}
          {list.isPending && <Text className='muted'>正在加载…</Text>}
          {data && data.items.length === 0 && (
            <Text id='unconfirmed-empty' className='card muted'>
              没有超过14天未确认的走访。
            </Text>
          )}
          {data && data.items.length > 0 && (
            <View>
              <Text id='unconfirmed-total' className='section-title'>
                共 {data.total} 条
              </Text>
              {desk ? (
                <DataTable
                  id='unconfirmed-list'
                  caption='超过14天未确认的走访'
                  columns={COLUMNS}
                  rows={data.items}
                  rowId={(c) => `unconfirmed-item-${c.id}`}
                  sort={sort}
                  onSort={(s) => {
                    setSort(s as 'oldest' | 'newest')
                    setPage(1)
                  }}
                  selected={selected ? `unconfirmed-item-${selected}` : null}
                  onOpen={(c) => select(c.id)}
                  rowTone={(c) => (c.worried ? 'warn' : undefined)}
                  page={{ page, pages, onPage: setPage, prefix: 'unconfirmed' }}
                />
              ) : (
                <View id='unconfirmed-list'>
                  {data.items.map((item) => (
                    <CheckinCard key={item.id} id={`unconfirmed-item-${item.id}`} item={item} />
                  ))}
                </View>
              )}
            </View>
          )}
        </View>
        {desk && chosen && (
          <View id='unconfirmed-detail' className='split__detail'>
            <CheckinCard id='unconfirmed-chosen' item={chosen} />
          </View>
        )}
      </View>
    </DeskFrame>
  )
}
