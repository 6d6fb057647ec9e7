import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PAIRING_END_REASON_LABELS, PAIRING_STATE_LABELS } from '@qstx/shared'
import { useMyPairings } from '../../../../api/pairings'
import { ROUTES } from '../../../../constants/routes'
import { useRefetchOnShow } from '../../../../hooks/use-refetch-on-show'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { formatDate } from '../../../../utils/format'
import LoadState from '../../components/LoadState'
import { STATE_CLASS } from '../../labels'
import DeskFrame from '../../../../components/DeskFrame'
import './index.scss'

/**
 * 王阿姨's pairings (JOURNEYS step 4): the children she is paired with — active and paused first,
 * ended ones as history — each with one big button to the child's card. Only the name the director
 * chose for her and the village: the card has the rest, and only while the pairing is active.
 */
export default function MyPairingsPage() {
  useRequireLogin()
  const mine = useMyPairings()
  useRefetchOnShow(mine)

  if (!mine.data) return <LoadState query={mine} id='mine-error' title='无法加载我的结对' />

  const items = mine.data.items
  return (
    <DeskFrame current={ROUTES.myPairings}>
      <View className='page mine'>
        <Text className='page-title'>我的结对</Text>
        {items.length === 0 && (
          <Text id='mine-empty' className='card muted'>
            您还没有结对的孩子。妇联协调员为您安排结对后，会通过微信通知您。
          </Text>
        )}
        {items.length > 0 && (
          <View id='mine-list'>
            {items.map((p) => (
              <View key={p.id} id={`mine-${p.id}`} className='card mine__card'>
                <Text className='mine__child'>{p.child.displayName}</Text>
                <Text className='pairing__line'>{p.child.villageName}</Text>
                <Text id={`mine-state-${p.id}`} className={STATE_CLASS[p.state]}>
                  {PAIRING_STATE_LABELS[p.state]}
                </Text>
                {p.startDate && p.state !== 'ended' && <Text className='pairing__line'>{p.startDate} 起结对</Text>}
                {p.state === 'paused' && p.expectedResumeDate && <Text className='pairing__line'>预计 {p.expectedResumeDate} 恢复</Text>}
                {p.state === 'ended' && (
                  <Text className='pairing__line'>
                    {p.endedAt ? `${formatDate(p.endedAt)} 结束` : '已结束'}
                    {p.endReason ? `：${PAIRING_END_REASON_LABELS[p.endReason]}` : ''}
                  </Text>
                )}
                {p.cardAvailable && (
                  <Button
                    id={`mine-card-${p.id}`}
                    type='primary'
                    size='large'
                    block
                    onClick={() => void Taro.navigateTo({ url: `${ROUTES.childCard}?id=${encodeURIComponent(p.child.id)}` })}
                  >
                    查看{p.child.displayName}的情况
                  </Button>
                )}
              </View>
            ))}
          </View>
        )}
      </View>
    </DeskFrame>
  )
}
