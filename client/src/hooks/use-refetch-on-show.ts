import { useDidShow } from '@tarojs/taro'

interface Refetchable {
  isFetched: boolean
  refetch(): unknown
}

/**
 * Asks again when the page comes back into view — a tab page that stayed mounted, or a page shown
 * again by navigateBack (e.g. after a decision or an edit elsewhere). Only queries that have
 * answered once: one still on its first fetch (the page's first show) or switched off (`false`)
 * is left alone, so nothing is asked twice — also for a component that appears only after
 * /api/me answers, whose first show event is already a return.
 */
export function useRefetchOnShow(...queries: Array<Refetchable | false | null | undefined>): void {
  useDidShow(() => {
    for (const q of queries) if (q && q.isFetched) void q.refetch()
  })
}
