import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { roleCan } from '@qstx/shared'
import { useActivity } from '../../../../api/care'
import ErrorState from '../../../../components/ErrorState'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import ActivityDetail from '../../components/ActivityDetail'
import ActivityForm from '../../components/ActivityForm'
import './index.scss'

/** No id: record an activity (then its page, where photos are added); ?id=: one activity. */
export default function ActivityPage() {
  useRequireLogin()
  const { id = '' } = useRouter().params
  const me = useMe()
  const active = me.data?.activeRole
  const activity = useActivity(id)
  if (!active) return <Text className='page muted'>正在加载…</Text>
  return (
    <View className='page activity'>
      <Text className='page-title'>{id ? '关爱活动' : '记录关爱活动'}</Text>
      {!id && <ActivityForm region={active.regionCode} onCreated={(created) => void Taro.redirectTo({ url: `${ROUTES.careActivity}?id=${created}` })} />}
      {id && activity.isError && <ErrorState id='activity-load-error' title='无法加载活动' message={activity.error.message} onRetry={() => void activity.refetch()} />}
      {activity.data && <ActivityDetail a={activity.data} confirms={roleCan(active.role, 'activity.confirm')} records={roleCan(active.role, 'activity.record')} />}
    </View>
  )
}
