import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { DUTY_STATUS_LABELS, HEIGHTENED_REASON_LABELS, roleCan, type DutyStatus } from '@qstx/shared'
import { CALENDAR_FIRST_PAGE, useDutyCalendar, type DutyFilter } from '../../../../api/duty'
import ChoiceChips from '../../../../components/ChoiceChips'
import { CareLines, WaterWindowNote } from '../../components/CareLines'
import ErrorState from '../../../../components/ErrorState'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useRefetchOnShow } from '../../../../hooks/use-refetch-on-show'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import DeskFrame from '../../../../components/DeskFrame'
import './index.scss'

type Filter = 'all' | DutyFilter
const FILTERS: readonly Filter[] = ['all', 'overdue', 'due_soon', 'attention', 'entrusted', 'water']

const DUE_CLASS: Record<DutyStatus, string> = { ok: 'due', due_soon: 'due due--soon', overdue: 'due due--overdue' }

/**
 * The director's duty (李主任 step 2): every child's next contact (monthly) and next home visit
 * (quarterly; more often for children needing special attention, marked), soonest first, overdue
 * in red. Directors tap a child to record a contact or visit; township supervisors and the county
 * read the same list for their whole region to follow up with directors who fall behind.
 */
export default function DutyCalendarPage() {
  useRequireLogin()
  const me = useMe()
  const records = !!me.data?.activeRole && roleCan(me.data.activeRole.role, 'duty.record')
  // ?filter= from home's counts (overdue, due this week): the list they counted.
  const asked = useRouter().params.filter
  const [filter, setFilter] = useState<Filter>(FILTERS.includes(asked as Filter) ? (asked as Filter) : 'all')
  const [page, setPage] = useState(1)
  // In a village with several directors, each keeps some children: "mine" shows those and the ones nobody keeps yet.
  const [mine, setMine] = useState(false)
  const calendar = useDutyCalendar({ ...(filter === 'all' ? {} : { status: filter }), ...(mine ? { mine: 'true' as const } : {}), page, pageSize: CALENDAR_FIRST_PAGE.pageSize })
  // Back from recording a visit: the child's dates have moved.
  useRefetchOnShow(calendar)
  const data = calendar.data
  const counts = data?.counts
  const pages = data ? Math.max(1, Math.ceil(data.total / CALENDAR_FIRST_PAGE.pageSize)) : 1
  const count = (n: number | undefined) => (n === undefined ? '…' : n)

  return (
    <DeskFrame current={ROUTES.dutyCalendar}>
      <View className='page duty'>
        <Text className='page-title'>{records ? '我的走访任务' : '儿童主任走访情况'}</Text>
        <ChoiceChips<Filter>
          id='duty-filter'
          options={[
            { value: 'all', label: filter === 'all' && data ? `全部（${data.total}）` : '全部' },
            { value: 'overdue', label: `已逾期（${count(counts?.overdue)}）` },
            { value: 'due_soon', label: `本周到期（${count(counts?.dueSoon)}）` },
            { value: 'attention', label: `重点关注（${count(counts?.heightened)}）` },
            { value: 'entrusted', label: `委托照护评估（${count(counts?.entrusted)}）` },
            { value: 'water', label: `临水儿童（${count(counts?.nearWater)}）` },
          ]}
          value={filter}
          onChange={(f) => {
            setFilter(f)
            setPage(1)
          }}
        />
        {records && (
          <Text id='duty-mine' className={`link duty__mine${mine ? ' duty__mine--on' : ''}`} onClick={() => { setMine(!mine); setPage(1) }}>
            {mine ? '✓ 只看我负责的儿童' : '只看我负责的儿童'}
          </Text>
        )}
        {data && filter === 'water' && <WaterWindowNote window={data.waterWindow} />}
        {data && (
          <Text id='duty-today' className='muted duty__today'>
            今天 {data.today} · 每月联系一次，每季度入户走访一次；重点关注的儿童每两周联系、每月走访
          </Text>
        )}
        {calendar.isError && <ErrorState id='duty-error' title='无法加载走访任务' message={calendar.error.message} onRetry={() => void calendar.refetch()} />}
        {calendar.isPending && <Text className='muted'>正在加载…</Text>}
        {data && data.items.length === 0 && (
          <Text id='duty-empty' className='card muted'>
            {filter === 'overdue' ? '没有逾期的走访。' : '没有需要列出的儿童。'}
          </Text>
        )}
        {data && data.items.length > 0 && (
          <View>
            <Text id='duty-total' className='muted duty__total'>
              共 {data.total} 名儿童
            </Text>
            <View id='duty-list'>
              {data.items.map((row) => {
                const overdue = row.contactStatus === 'overdue' || row.homeVisitStatus === 'overdue'
                return (
                  <View
                    key={row.childId}
                    id={`duty-row-${row.childId}`}
                    className={`card duty-row${overdue ? ' duty-row--overdue' : ''}`}
                    hoverClass={records ? 'nav-row--pressed' : 'none'}
                    onClick={records ? () => void Taro.navigateTo({ url: `${ROUTES.dutyVisit}?childId=${row.childId}` }) : undefined}
                  >
                    <Text className='duty-row__name'>
                      {row.name}
                      {overdue && <Text className='duty-row__flag'>已逾期</Text>}
                    </Text>
                    <Text className='duty-row__line'>{row.villageName}</Text>
                    {row.heightenedReasons.length > 0 && (
                      <View>
                        {row.heightenedReasons.map((r) => (
                          <Text key={r} className='duty-row__reason'>
                            {HEIGHTENED_REASON_LABELS[r]}
                          </Text>
                        ))}
                      </View>
                    )}
                    <Text id={`duty-contact-${row.childId}`} className='duty-row__line'>
                      下次联系：{row.nextContactOn} <Text className={DUE_CLASS[row.contactStatus]}>{DUTY_STATUS_LABELS[row.contactStatus]}</Text>
                    </Text>
                    <Text id={`duty-visit-${row.childId}`} className='duty-row__line'>
                      下次入户：{row.nextHomeVisitOn} <Text className={DUE_CLASS[row.homeVisitStatus]}>{DUTY_STATUS_LABELS[row.homeVisitStatus]}</Text>
                    </Text>
                    <CareLines row={row} />
                    <Text className='duty-row__last'>
                      上次联系 {row.lastContactOn ?? '—'} · 上次入户 {row.lastHomeVisitOn ?? '—'}
                    </Text>
                  </View>
                )
              })}
            </View>
          </View>
        )}
        {pages > 1 && (
          <View className='button-row'>
            <Button size='large' disabled={page <= 1} onClick={() => setPage(page - 1)}>
              上一页
            </Button>
            <Button size='large' disabled={page >= pages} onClick={() => setPage(page + 1)}>
              下一页（{page}/{pages}）
            </Button>
          </View>
        )}
      </View>
    </DeskFrame>
  )
}
