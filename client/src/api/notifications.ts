import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { NotificationListResponseSchema } from '@qstx/shared'
import { getToken } from './session'
import { request, requestNoContent } from './http'
import { queryKeys } from './query-keys'

/** My notifications, newest first, with the unread count (home and 我的 show the count). */
export const useNotifications = () =>
  useQuery({
    queryKey: queryKeys.notifications,
    queryFn: () => request('/api/notifications', NotificationListResponseSchema),
    enabled: getToken() !== null,
    // A report at night must show up without the person pulling to refresh.
    staleTime: 0,
  })

export function useMarkNotificationRead() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => requestNoContent(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  })
}
