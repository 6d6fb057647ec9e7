import { Text, View } from '@tarojs/components'
import { useUnconfirmedCheckins } from '../../../../api/checkins'
import ErrorState from '../../../../components/ErrorState'
import { useRefetchOnShow } from '../../../../hooks/use-refetch-on-show'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import CheckinCard from '../../components/CheckinCard'
import './index.scss'

/**
 * For coordinators and supervisors: love parents' check-ins in the region that no director has
 * confirmed or disputed within 14 days — the villages where confirmation has fallen behind.
 */
export default function UnconfirmedCheckinsPage() {
  useRequireLogin()
  const list = useUnconfirmedCheckins(1)
  useRefetchOnShow(list)
  const data = list.data

  return (
    <View className='page unconfirmed'>
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
          <View id='unconfirmed-list'>
            {data.items.map((item) => (
              <CheckinCard key={item.id} id={`unconfirmed-item-${item.id}`} item={item} />
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
