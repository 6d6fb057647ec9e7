import { Text, View } from '@tarojs/components'
import type { UseQueryResult } from '@tanstack/react-query'
import { isApiError } from '../../../../api/api-error'
import ErrorState from '../../../../components/ErrorState'

interface Props {
  query: Pick<UseQueryResult, 'isError' | 'error' | 'refetch'>
  id: string
  title: string
  /** A 404 is not retried: it says what it means (outside the region, no such pairing) instead. */
  notFound?: { title: string; message: string }
}

/** A page before its data: the failure in words with a retry, or 正在加载. */
export default function LoadState({ query, id, title, notFound }: Props) {
  if (!query.isError) {
    return (
      <View className='page'>
        <Text className='muted'>正在加载…</Text>
      </View>
    )
  }
  const missing = notFound && isApiError(query.error) && query.error.status === 404 ? notFound : null
  return (
    <View className='page'>
      <ErrorState id={id} title={missing?.title ?? title} message={missing?.message ?? query.error?.message ?? ''} onRetry={missing ? undefined : () => void query.refetch()} />
    </View>
  )
}
