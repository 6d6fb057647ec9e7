import { useQuery } from '@tanstack/react-query'
import { SubscribeTemplatesResponseSchema } from '@qstx/shared'
import { request } from './http'
import { queryKeys } from './query-keys'

/**
 * The subscribe-message template ids, loaded before the button is shown: WeChat accepts
 * requestSubscribeMessage only straight from a tap, with no request in between.
 */
export const useSubscribeTemplates = (enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.subscribeTemplates,
    queryFn: async () => (await request('/api/notifications/templates', SubscribeTemplatesResponseSchema)).templateIds,
    enabled,
    staleTime: Infinity,
  })
