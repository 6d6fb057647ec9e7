import { useEffect, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { chinaYear, handoverYear, roleCan } from '@qstx/shared'
import { useChildren, useHandover, type ChildListFilters, type ChildListSort } from '../../../../api/children'
import DataTable from '../../../../components/DataTable'
import DeskFrame from '../../../../components/DeskFrame'
import ErrorState from '../../../../components/ErrorState'
import Pager from '../../../../components/Pager'
import TextField from '../../../../components/TextField'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useDesk } from '../../../../hooks/use-desk'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import ChildRow from '../../components/ChildRow'
import { COLUMNS } from '../../components/ChildTable/columns'
import { todayInChina } from '../../../../utils/format'
import './index.scss'

const PAGE_SIZE = 20

type Filters = Omit<ChildListFilters, 'page' | 'pageSize' | 'q' | 'sort'>
type Chip = { key: string; label: string; group: keyof Filters; value: string | number; desk?: boolean }

/** Files of the year being completed for the next hand-over (home's count opens this chip). */
const toCompleteChip = (year: number): Chip => ({ key: 'to-complete', label: `${year}年度未完善`, group: 'toComplete', value: year, desk: true })

/** The filter chips: each sets one query key; chips of one group replace each other. */
const CHIPS: readonly Chip[] = [
  { key: 'left_behind', label: '留守', group: 'category', value: 'left_behind' },
  { key: 'in_difficulty', label: '困境', group: 'category', value: 'in_difficulty' },
  { key: 'risk-critical', label: '极高风险', group: 'risk', value: 'critical', desk: true },
  { key: 'risk-high', label: '高风险', group: 'risk', value: 'high', desk: true },
  { key: 'risk-medium', label: '中风险', group: 'risk', value: 'medium', desk: true },
  { key: 'risk-low', label: '低风险', group: 'risk', value: 'low', desk: true },
  { key: 'special', label: '重点关注', group: 'specialAttention', value: 'any', desk: true },
  { key: 'near-water', label: '临水', group: 'nearWater', value: 'true', desk: true },
  { key: 'aging-out', label: '已到年龄上限', group: 'agingOut', value: 'true', desk: true },
  { key: 'unpaired', label: '未结对', group: 'paired', value: 'false' },
  { key: 'paired', label: '已结对', group: 'paired', value: 'true' },
]

/**
 * The director's desk: every child of the region, filtered with one tap (category, risk, special
 * attention, near water, age limit reached, paired or not) or found by name; the region's actions
 * (register, transfers, hand-over) above the list.
 */
export default function ChildrenListPage() {
  useRequireLogin()
  const me = useMe()
  const role = me.data?.activeRole?.role
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  const desk = useDesk()
  // ?toComplete= from home's count of files still to complete: the list it counted.
  const asked = Number(useRouter().params.toComplete) || undefined
  const [filters, setFilters] = useState<Filters>(asked ? { toComplete: asked } : {})
  const [sort, setSort] = useState<ChildListSort>('name')
  const [page, setPage] = useState(1)
  // The default order is left out: the query is then the very one home asked for.
  const list = useChildren({ ...filters, ...(q ? { q } : {}), ...(sort === 'name' ? {} : { sort }), page, pageSize: PAGE_SIZE }, !!role)
  const handover = useHandover()
  useDidShow(() => void list.refetch())

  // Search as the name is typed, once the typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(search.trim())
      setPage(1)
    }, 400)
    return () => clearTimeout(timer)
  }, [search])

  const fullView = !!role && roleCan(role, 'child.history') // full-view roles also see risk and flags
  const chips = [...CHIPS, toCompleteChip(asked ?? handoverYear(todayInChina()))].filter((c) => !c.desk || fullView)
  const toggle = (chip: Chip) => {
    const on = filters[chip.group] === chip.value
    setFilters({ ...filters, [chip.group]: on ? undefined : chip.value } as Filters)
    setPage(1)
  }

  const confirmHandover = async () => {
    const year = chinaYear(new Date())
    const { tapIndex } = await Taro.showActionSheet({ itemList: [`${year - 1}年度档案`, `${year}年度档案`] }).catch(() => ({ tapIndex: -1 }))
    if (tapIndex < 0) return
    const chosen = year - 1 + tapIndex
    const { confirm } = await Taro.showModal({
      title: `移交${chosen}年度档案`,
      content: `移交后，本村${chosen}年度的档案交乡镇保存并变为只读，不能再修改该年度的记录；尚未完善的档案按现在的内容移交。儿童的档案可以继续在新的一年中更新。确定移交吗？`,
      confirmText: '确定移交',
      cancelText: '暂不移交',
    })
    if (!confirm) return
    handover.mutate(chosen, {
      onSuccess: (r) =>
        void Taro.showModal({
          title: '已移交乡镇',
          content: `${r.year}年度共移交 ${r.archived} 份档案${r.notCompleted ? `，其中 ${r.notCompleted} 份未完善` : ''}${r.alreadyArchived ? `；${r.alreadyArchived} 份此前已移交` : ''}。`,
          showCancel: false,
        }),
      onError: (error) => void Taro.showModal({ title: '移交失败', content: error.message, showCancel: false }),
    })
  }

  const data = list.data
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1
  return (
    <DeskFrame current={ROUTES.children}>
      <View className='page children-list'>
        <Text className='page-title'>儿童档案</Text>
        {role && (
          <View className='children-list__actions'>
            {roleCan(role, 'child.create') && (
              <Button id='children-new' type='primary' size='large' onClick={() => void Taro.navigateTo({ url: ROUTES.childEdit })}>
                登记儿童
              </Button>
            )}
            {roleCan(role, 'child.transfer.list') && (
              <Button id='children-transfers-link' size='large' onClick={() => void Taro.navigateTo({ url: ROUTES.childTransfers })}>
                档案转移
              </Button>
            )}
            {roleCan(role, 'child.handover') && (
              <Button id='children-handover' size='large' loading={handover.isPending} onClick={() => void confirmHandover()}>
                移交乡镇
              </Button>
            )}
          </View>
        )}
        <TextField id='children-search' label='按姓名查找' placeholder='输入姓名中的字' value={search} onChange={setSearch} maxlength={20} />
        <View className='children-list__chips'>
          {chips.map((chip) => (
            <Text
              key={chip.key}
              id={`children-filter-${chip.key}`}
              className={`children-list__chip${filters[chip.group] === chip.value ? ' children-list__chip--on' : ''}`}
              onClick={() => toggle(chip)}
            >
              {chip.label}
            </Text>
          ))}
        </View>

        {list.isPending && <Text className='muted'>正在加载…</Text>}
        {list.isError && <ErrorState id='children-error' title='无法加载儿童名单' message={list.error.message} onRetry={() => void list.refetch()} />}
        {data && (
          <Text id='children-total' className='muted children-list__total'>
            共 {data.totalCapped ? '1000+' : data.total} 名
          </Text>
        )}
        {data && data.items.length === 0 && (
          <Text id='children-empty' className='card muted'>
            没有符合条件的儿童。
          </Text>
        )}
        {data && data.items.length > 0 && desk && (
          <DataTable
            id='children-list'
            caption='儿童档案'
            columns={COLUMNS}
            rows={data.items}
            rowId={(r) => `child-row-${r.id}`}
            sort={sort}
            onSort={(next) => {
              setSort(next as ChildListSort)
              setPage(1)
            }}
            onOpen={(r) => void Taro.navigateTo({ url: `${ROUTES.childFile}?id=${encodeURIComponent(r.id)}` })}
            rowTone={(r) => (r.view === 'desk' && (r.riskLevel === 'high' || r.riskLevel === 'critical') ? 'warn' : undefined)}
            page={{ page, pages, onPage: setPage, prefix: 'children' }}
          />
        )}
        {data && data.items.length > 0 && !desk && (
          <View id='children-list'>
            {data.items.map((row) => (
              <ChildRow key={row.id} row={row} />
            ))}
            <Pager id='children' page={page} pages={pages} onPage={setPage} />
          </View>
        )}
      </View>
    </DeskFrame>
  )
}
