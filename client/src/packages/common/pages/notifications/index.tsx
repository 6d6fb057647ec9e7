import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Notification } from '@qstx/shared'
import { useMarkNotificationRead, useNotifications } from '../../../../api/notifications'
import ErrorState from '../../../../components/ErrorState'
import { ROUTES } from '../../../../constants/routes'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { formatDateTime } from '../../../../utils/format'
import DeskFrame from '../../../../components/DeskFrame'
import './index.scss'

const TAB_PAGES: readonly string[] = [ROUTES.home, ROUTES.me]

/** Newest first, unread marked; tapping one marks it read and opens the page it is about. */
export default function NotificationsPage() {
  useRequireLogin()
  const notifications = useNotifications()
  const markRead = useMarkNotificationRead()
  useDidShow(() => void notifications.refetch())

  const open = (n: Notification) => {
    if (!n.read) markRead.mutate(n.id)
    if (!n.page) return
    const url = n.page.startsWith('/') ? n.page : `/${n.page}`
    // Tab pages can only be reached with switchTab (and take no query string).
    if (TAB_PAGES.includes(url.split('?')[0]!)) void Taro.switchTab({ url: url.split('?')[0]! })
    else void Taro.navigateTo({ url })
  }

  const items = notifications.data?.items ?? []
  return (
    <DeskFrame current={ROUTES.notifications}>
      <View className='page notifications'>
        <Text className='page-title'>通知</Text>
        {notifications.isPending && <Text className='muted'>正在加载…</Text>}
        {notifications.isError && (
          <ErrorState id='notifications-error' title='无法加载通知' message={notifications.error.message} onRetry={() => void notifications.refetch()} />
        )}
        {notifications.isSuccess && items.length === 0 && (
          <Text id='notifications-empty' className='card muted'>
            还没有通知。
          </Text>
        )}
        {items.length > 0 && (
          <View id='notifications-list'>
            {items.map((n) => (
              <View
                key={n.id}
                id={`notification-${n.id}`}
                className={`card notification${n.read ? '' : ' notification--unread'}`}
                hoverClass={n.page ? 'notification--pressed' : 'none'}
                onClick={() => open(n)}
              >
                <View className='notification__head'>
                  {!n.read && <Text className='notification__dot'>未读</Text>}
                  <Text className='notification__title'>{n.title}</Text>
                </View>
                <Text className='notification__body'>{n.body}</Text>
                <Text className='notification__time'>
                  {formatDateTime(n.createdAt)}
                  {n.page ? ' · 点击查看' : ''}
                </Text>
              </View>
            ))}
          </View>
        )}
      </View>
    </DeskFrame>
  )
}
