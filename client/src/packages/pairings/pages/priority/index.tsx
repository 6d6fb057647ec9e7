import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PRIORITY_REASON_LABELS, RISK_LEVEL_LABELS } from '@qstx/shared'
import { PRIORITY_PAGE_SIZE, usePriorityChildren } from '../../../../api/pairings'
import ErrorState from '../../../../components/ErrorState'
import NavRow from '../../../../components/NavRow'
import { ROUTES } from '../../../../constants/routes'
import { useRefetchOnShow } from '../../../../hooks/use-refetch-on-show'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { formatDate } from '../../../../utils/format'
import Pager from '../../../../components/Pager'
import DeskFrame from '../../../../components/DeskFrame'
import './index.scss'


/**
 * 陈姐's matching work (JOURNEYS step 2): the priority children of her region without a love
 * parent, highest guardianship risk and longest waiting first, each with why it is a priority.
 * A child opens the suggestions and the proposal.
 */
export default function PriorityPage() {
  useRequireLogin()
  const [page, setPage] = useState(1)
  const list = usePriorityChildren(page, PRIORITY_PAGE_SIZE)
  // Back from a proposal: that child has left the list.
  useRefetchOnShow(list)
  const data = list.data
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1

  return (
    <DeskFrame current={ROUTES.pairingPriority}>
      <View className='page priority'>
        <View className='priority__head'>
          <Text className='page-title'>重点儿童未结对</Text>
          {data && (
            <Text id='priority-total' className='muted'>
              共 {data.total} 名
            </Text>
          )}
        </View>
        <NavRow id='priority-ledger-link' title='结对台账' description='全部结对：按状态、地区查看，长期未探访的结对' onClick={() => void Taro.navigateTo({ url: ROUTES.pairingLedger })} />
        {list.isError && <ErrorState id='priority-error' title='无法加载重点儿童' message={list.error.message} onRetry={() => void list.refetch()} />}
        {list.isPending && <Text className='muted'>正在加载…</Text>}
        {data && data.items.length === 0 && (
          <Text id='priority-empty' className='card muted'>
            辖区内的重点儿童都已有爱心家长（或正在结对中）。
          </Text>
        )}
        {data && data.items.length > 0 && (
          <View id='priority-list' className='priority__list'>
            {data.items.map((c) => (
              <View
                key={c.id}
                id={`priority-child-${c.id}`}
                className='card'
                hoverClass='nav-row--pressed'
                onClick={() => void Taro.navigateTo({ url: `${ROUTES.pairingPropose}?childId=${encodeURIComponent(c.id)}` })}
              >
                <Text className='pairing__name'>{c.name}</Text>
                <Text className='pairing__line'>
                  {c.gender === 'male' ? '男' : '女'} · {c.age}岁 · {c.villageName}
                </Text>
                <View id={`priority-reasons-${c.id}`} className='tags'>
                  {c.priorityReasons.map((r) => (
                    <Text key={r} className='tag tag--flag'>
                      {PRIORITY_REASON_LABELS[r]}
                    </Text>
                  ))}
                  {c.riskLevel && <Text className={`tag${c.riskLevel === 'high' || c.riskLevel === 'critical' ? ' tag--warn' : ''}`}>监护风险：{RISK_LEVEL_LABELS[c.riskLevel]}</Text>}
                  {!c.consentOnFile && <Text className='tag tag--warn'>未登记监护人同意</Text>}
                </View>
                {c.needs.length > 0 && <Text className='pairing__line'>需要：{c.needs.join('、')}</Text>}
                <Text className='pairing__line'>{formatDate(c.registeredAt)} 建档 · 点击查看推荐的爱心家长</Text>
              </View>
            ))}
          </View>
        )}
        <Pager id='priority' page={page} pages={pages} onPage={setPage} />
      </View>
    </DeskFrame>
  )
}
