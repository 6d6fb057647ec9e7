import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { roleCan } from '@qstx/shared'
import { useConcerns } from '../../../../api/care'
import ErrorState from '../../../../components/ErrorState'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import ConcernForm from '../../components/ConcernForm'
import ConcernItem from '../../components/ConcernItem'
import './index.scss'

/**
 * 心理关爱 for one child. A love parent records what they noticed (and sees no more); the director
 * records too, and handles each concern to its end; the township and county read them.
 */
export default function ConcernPage() {
  useRequireLogin()
  const { childId = '' } = useRouter().params
  const me = useMe()
  const role = me.data?.activeRole?.role
  const reads = !!role && roleCan(role, 'concern.read')
  const records = !!role && roleCan(role, 'concern.record')
  const concerns = useConcerns(childId, reads)
  const [adding, setAdding] = useState(!reads)
  return (
    <View className='page concern'>
      <Text className='page-title'>心理和行为关注{concerns.data ? ` · ${concerns.data.name}` : ''}</Text>
      {records && (adding ? <ConcernForm childId={childId} /> : <Button id='concern-new' type='primary' size='large' block onClick={() => setAdding(true)}>记录新的关注</Button>)}
      {reads && concerns.isError && <ErrorState id='concern-load-error' title='无法加载' message={concerns.error.message} onRetry={() => void concerns.refetch()} />}
      {concerns.data && (
        <View id='concern-list'>
          {concerns.data.items.length === 0 && <Text className='card muted'>还没有记录。</Text>}
          {concerns.data.items.map((c) => <ConcernItem key={c.id} c={c} handles={!!role && roleCan(role, 'concern.handle')} />)}
        </View>
      )}
    </View>
  )
}
