import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { roleCan, type Role } from '@qstx/shared'
import { PRIORITY_PAGE_SIZE, ledgerHomeQuery, useLedger, usePriorityChildren } from '../../api/pairings'
import { ROUTES } from '../../constants/routes'
import { useRefetchOnShow } from '../../hooks/use-refetch-on-show'
import NavRow from '../NavRow'

const go = (url: string) => () => void Taro.navigateTo({ url })

/**
 * The pairing work on home, by the shared matrix: the coordinator's priority children without a
 * love parent (with the count) and the ledger; the director's proposals waiting for the family's
 * answer (count) and the village's ledger; supervisors and civil affairs the ledger; a volunteer
 * their own pairings. The queries are home's work section's own (api/pairings ledgerHomeQuery): no second request.
 */
export default function PairingLinks({ role }: { role: Role }) {
  const matches = roleCan(role, 'pairing.propose')
  const acknowledges = roleCan(role, 'pairing.acknowledge')
  const reads = roleCan(role, 'pairing.list')
  const mine = roleCan(role, 'pairing.mine')
  const priority = usePriorityChildren(1, PRIORITY_PAGE_SIZE, matches)
  const ledger = useLedger(ledgerHomeQuery(role), reads)
  // Home is a tab page that stays mounted: look again whenever it comes back into view.
  useRefetchOnShow(matches && priority, reads && ledger)
  if (!reads && !mine) return null

  const waiting = ledger.data?.counts.proposed
  const stale = ledger.data?.staleCount
  return (
    <View id='home-pairings'>
      <Text className='section-title'>结对</Text>
      <View>
        {matches && (
          <NavRow
            id='home-pairing-priority-link'
            title={`结对工作（${priority.data?.total ?? '…'}）`}
            description='重点儿童未结对：查看推荐的爱心家长，提出结对'
            onClick={go(ROUTES.pairingPriority)}
          />
        )}
        {acknowledges && (
          <NavRow
            id='home-pairing-pending-link'
            title={`待确认的结对（${waiting ?? '…'}）`}
            description='征得孩子家庭同意后确认，或说明原因不结对'
            onClick={go(`${ROUTES.pairingLedger}?state=proposed`)}
          />
        )}
        {reads && (
          <NavRow
            id='home-pairing-ledger-link'
            title={acknowledges ? '本村结对台账' : '结对台账'}
            description={stale ? `${stale} 个结对超过60天没有确认的探访` : '谁与谁结对、从何时起、如何结束'}
            onClick={go(ROUTES.pairingLedger)}
          />
        )}
        {mine && <NavRow id='home-my-pairings-link' title='我的结对' description='结对的孩子和孩子的情况卡片' onClick={go(ROUTES.myPairings)} />}
      </View>
    </View>
  )
}
