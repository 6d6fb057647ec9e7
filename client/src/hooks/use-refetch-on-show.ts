import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/**
 * Asks again when the page comes back into view — a tab page that stayed mounted, or a page shown
 * again by navigateBack (e.g. after a decision or an edit elsewhere). Not on the first show: the
 * queries' own first fetch covers it, and a refetch then would cancel and repeat that request.
 */
export function useRefetchOnShow(...refetches: Array<() => unknown>): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) for (const refetch of refetches) void refetch()
    shown.current = true
  })
}
