import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useNotifications } from '../../api/notifications'
import { ROUTES } from '../../constants/routes'
import './index.scss'

/** 通知 with the unread count; the row's id is `id`, the count `#<id>-unread`. */
export default function NotificationsRow({ id }: { id: string }) {
  const notifications = useNotifications()
  const unread = notifications.data?.unread ?? 0
  // Home and 我的 are tab pages that stay mounted: look again each time they come back into view.
  useDidShow(() => void notifications.refetch())
  return (
    <View id={id} className='notifications-row' hoverClass='notifications-row--pressed' onClick={() => void Taro.navigateTo({ url: ROUTES.notifications })}>
      <View className='notifications-row__body'>
        <Text className='notifications-row__title'>通知</Text>
        <Text className='notifications-row__line'>{unread > 0 ? `有 ${unread} 条未读` : '没有未读通知'}</Text>
      </View>
      {unread > 0 && (
        <Text id={`${id}-unread`} className='notifications-row__badge'>
          {unread > 99 ? '99+' : unread}
        </Text>
      )}
      <Text className='notifications-row__arrow'>›</Text>
    </View>
  )
}
