import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ACTIVITY_KIND_LABELS, roleCan } from '@qstx/shared'
import { useActivities } from '../../../../api/care'
import ChoiceChips from '../../../../components/ChoiceChips'
import ErrorState from '../../../../components/ErrorState'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useRefetchOnShow } from '../../../../hooks/use-refetch-on-show'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { todayInChina } from '../../../../utils/format'
import './index.scss'

/**
 * 关爱活动 of my region: safety-knowledge visits (每年至少一次), holiday and 儿童之家 activities,
 * newest first, with the volunteers' hours still waiting for the village director.
 */
export default function ActivitiesPage() {
  useRequireLogin()
  const me = useMe()
  const role = me.data?.activeRole?.role
  const thisYear = Number(todayInChina().slice(0, 4))
  const [year, setYear] = useState(String(thisYear))
  const list = useActivities({ year: Number(year), page: 1, pageSize: 100 })
  useRefetchOnShow(list)
  return (
    <View className='page activities'>
      <Text className='page-title'>关爱活动</Text>
      {role && roleCan(role, 'activity.record') && (
        <Button id='activities-new' type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: ROUTES.careActivity })}>
          记录一次活动
        </Button>
      )}
      <ChoiceChips id='activities-year' options={[thisYear, thisYear - 1].map((y) => ({ value: String(y), label: `${y}年` }))} value={year} onChange={setYear} />
      {list.isError && <ErrorState id='activities-error' title='无法加载活动' message={list.error.message} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Text id='activities-empty' className='card muted'>这一年还没有记录活动。</Text>}
      <View id='activities-list'>
        {list.data?.items.map((a) => (
          <View key={a.id} id={`activity-row-${a.id}`} className='card' hoverClass='nav-row--pressed' onClick={() => void Taro.navigateTo({ url: `${ROUTES.careActivity}?id=${a.id}` })}>
            <Text className='care__big'>{a.title}</Text>
            <Text className='care__line'>{a.heldOn} · {ACTIVITY_KIND_LABELS[a.kind]} · {a.villageName}</Text>
            <Text className='care__line'>儿童 {a.childrenReached} 人 · 志愿者 {a.volunteers} 人</Text>
            {a.pendingServices > 0 && <Text className='care__warn'>{a.pendingServices} 名志愿者的服务时长待儿童主任确认</Text>}
          </View>
        ))}
      </View>
    </View>
  )
}
