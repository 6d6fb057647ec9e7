import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PAIRING_END_REASON_LABELS, PAIRING_STATES, PAIRING_STATE_LABELS, regionLevel, type PairingRow, type PairingState } from '@qstx/shared'
import { LEDGER_PAGE_SIZE, useLedger, type LedgerQuery } from '../../../../api/pairings'
import { useRegionChildren } from '../../../../api/regions'
import ChoiceChips from '../../../../components/ChoiceChips'
import DataTable from '../../../../components/DataTable'
import DeskFrame from '../../../../components/DeskFrame'
import ErrorState from '../../../../components/ErrorState'
import Pager from '../../../../components/Pager'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useDesk, useDeskSelection } from '../../../../hooks/use-desk'
import { useRefetchOnShow } from '../../../../hooks/use-refetch-on-show'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { COLUMNS, sorted } from '../../components/LedgerTable/columns'
import PairingPanel from '../../components/PairingPanel'
import { STATE_CLASS, sinceLine } from '../../labels'
import './index.scss'

type Focus = { key: 'volunteerId' | 'childId' | 'teamId'; id: string } | null
const FOCUS_KEYS = ['volunteerId', 'childId', 'teamId'] as const
const isState = (s: string | undefined): s is PairingState => (PAIRING_STATES as readonly string[]).includes(s ?? '')

/** Townships of a county (or villages of a township) as chips; below a picked township, its villages. */
function RegionChips({ root, value, onChange }: { root: string; value: string | null; onChange: (code: string | null) => void }) {
  const top = useRegionChildren(root)
  const township = value && regionLevel(root) === 'county' ? `${value.slice(0, 9)}000` : null
  const villages = useRegionChildren(township ?? '', !!township)
  const named = (items: typeof top.data) => (items ?? []).map((r) => ({ value: r.code, label: r.name.replace(/村委会|社区居委会/, '村') }))
  return (
    <View>
      <ChoiceChips id='ledger-region' label='地区' options={[{ value: 'all', label: '全辖区' }, ...named(top.data)]} value={township ?? value ?? 'all'} onChange={(c) => onChange(c === 'all' ? null : c)} />
      {township && villages.data && (
        <ChoiceChips id='ledger-region' options={named(villages.data)} value={value === township ? null : value} onChange={onChange} onClear={() => onChange(township)} />
      )}
    </View>
  )
}

/**
 * 结对台账: every pairing of my region, ended ones included — by state (with the count of each),
 * the stale ones (no confirmed visit for 60 days), a township or village, and one volunteer, child
 * or team (opened from a pairing). Rows open the pairing: its own page on a phone; on a desk a
 * sortable table with the pairing beside it (approve, pause or end without losing the list).
 */
export default function LedgerPage() {
  useRequireLogin()
  const { params } = useRouter()
  const me = useMe()
  const desk = useDesk()
  const [selected, select] = useDeskSelection(desk)
  const [sort, setSort] = useState<string | undefined>()
  const active = me.data?.activeRole
  const [state, setState] = useState<PairingState | null>(isState(params.state) ? params.state : null)
  const [stale, setStale] = useState(params.stale === 'true')
  const [region, setRegion] = useState<string | null>(null)
  const [focus, setFocus] = useState<Focus>(() => {
    const key = FOCUS_KEYS.find((k) => params[k])
    return key ? { key, id: params[key]! } : null
  })
  const [page, setPage] = useState(1)
  const query: LedgerQuery = {
    ...(state ? { state } : {}),
    ...(stale ? { stale: 'true' as const } : {}),
    ...(region ? { regionCode: region } : {}),
    ...(focus ? { [focus.key]: focus.id } : {}),
    page,
    pageSize: LEDGER_PAGE_SIZE,
  }
  const ledger = useLedger(query, !!active)
  useRefetchOnShow(ledger)
  const refilter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v)
    setPage(1)
  }

  const data = ledger.data
  const counts = data?.counts
  const all = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1
  const first = data?.items[0]
  const focusName = !focus || !first ? '' : focus.key === 'childId' ? first.child.name : focus.key === 'teamId' ? (first.volunteer.team?.name ?? '') : (first.volunteer.realName ?? '')
  const village = active ? regionLevel(active.regionCode) === 'village' : false

  const openRow = (p: PairingRow) => (desk ? select(p.id) : void Taro.navigateTo({ url: `${ROUTES.pairingDetail}?id=${encodeURIComponent(p.id)}` }))
  return (
    <DeskFrame current={ROUTES.pairingLedger}>
      <View className={`page ledger${desk && selected ? ' split' : ''}`}>
        <View className='split__list'>
          <Text id='ledger-title' className='page-title'>
            {village ? '本村结对台账' : '结对台账'}
          </Text>
          {active && <Text className='muted'>{active.regionName}</Text>}
          {focus && (
            <View id='ledger-filter' className='card ledger__filter'>
              <Text>只看：{focusName || '…'}的结对</Text>
              <Button id='ledger-filter-clear' size='normal' onClick={() => refilter(setFocus)(null)}>
                看全部
              </Button>
            </View>
          )}
          <ChoiceChips
            id='ledger-state'
            label='状态'
            options={[{ value: 'all', label: `全部（${all ?? '…'}）` }, ...PAIRING_STATES.map((s) => ({ value: s, label: `${PAIRING_STATE_LABELS[s]}（${counts ? counts[s] : '…'}）` }))]}
            value={state ?? 'all'}
            onChange={(s) => refilter(setState)(s === 'all' ? null : s)}
          />
          <ChoiceChips
            id='ledger'
            options={[{ value: 'stale', label: `60天未确认探访（${data ? data.staleCount : '…'}）` }]}
            value={stale ? 'stale' : null}
            tone={() => 'danger'}
            onChange={() => refilter(setStale)(true)}
            onClear={() => refilter(setStale)(false)}
          />
          {active && !village && <RegionChips root={active.regionCode} value={region} onChange={refilter(setRegion)} />}

          {ledger.isError && <ErrorState id='ledger-error' title='无法加载结对台账' message={ledger.error.message} onRetry={() => void ledger.refetch()} />}
          {ledger.isPending && <Text className='muted'>正在加载…</Text>}
          {data && (
            <Text id='ledger-total' className='muted'>
              共 {data.total} 个结对
            </Text>
          )}
          {data && data.items.length === 0 && (
            <Text id='ledger-empty' className='card muted'>
              没有符合条件的结对。
            </Text>
          )}
          {data && data.items.length > 0 && desk && (
            <DataTable
              id='ledger-list'
              caption='结对台账（列标题排序只排本页）'
              columns={COLUMNS}
              rows={sorted(data.items, sort)}
              rowId={(p) => `ledger-row-${p.id}`}
              sort={sort}
              onSort={setSort}
              selected={selected ? `ledger-row-${selected}` : null}
              onOpen={openRow}
              rowTone={(p) => (p.stale || p.resumeOverdue ? 'warn' : undefined)}
              page={{ page, pages, onPage: setPage, prefix: 'ledger' }}
            />
          )}
          {data && data.items.length > 0 && !desk && (
            <View id='ledger-list'>
              {data.items.map((p) => (
                <View key={p.id} id={`ledger-row-${p.id}`} className='card ledger__row' hoverClass='nav-row--pressed' onClick={() => openRow(p)}>
                  <View className='ledger__row-cell'>
                    <Text className='pairing__name'>{p.child.name}</Text>
                    <Text className='pairing__line'>{p.child.villageName}</Text>
                  </View>
                  <View className='ledger__row-cell'>
                    <Text className='pairing__line'>爱心家长：{p.volunteer.realName ?? '（未填写姓名）'}</Text>
                    {p.volunteer.team && <Text className='pairing__line'>{p.volunteer.team.name}</Text>}
                  </View>
                  <View className='ledger__row-cell'>
                    <Text id={`ledger-row-state-${p.id}`} className={STATE_CLASS[p.state]}>
                      {PAIRING_STATE_LABELS[p.state]}
                    </Text>
                  </View>
                  <View className='ledger__row-cell'>
                    <Text className='pairing__line'>{sinceLine(p)}</Text>
                    {p.endReason && <Text className='pairing__line'>{PAIRING_END_REASON_LABELS[p.endReason]}</Text>}
                    {p.stale && (
                      <Text id={`ledger-row-stale-${p.id}`} className='tag tag--warn'>
                        {p.daysWithoutContact} 天没有确认的探访
                      </Text>
                    )}
                    {p.resumeOverdue && <Text className='tag tag--warn'>已过预计恢复日期</Text>}
                  </View>
                </View>
              ))}
            </View>
          )}
          {!desk && <Pager id='ledger' page={page} pages={pages} onPage={setPage} />}
          </View>
        {desk && selected && (
          <View id='ledger-detail' className='split__detail'>
            <PairingPanel key={selected} id={selected} />
          </View>
        )}
      </View>
    </DeskFrame>
  )
}
