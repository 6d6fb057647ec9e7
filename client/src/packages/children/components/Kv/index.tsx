import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

/** One labelled value of a file; empty values say 未填写 (the field exists for this role, it is just empty). */
export default function Kv({ k, v, id }: { k: string; v: ReactNode; id?: string }) {
  const empty = v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
  return (
    <View className='kv'>
      <Text className='kv__key'>{k}</Text>
      <View className='kv__value'>{empty ? <Text className='muted'>未填写</Text> : typeof v === 'string' ? <Text id={id}>{v}</Text> : v}</View>
    </View>
  )
}
