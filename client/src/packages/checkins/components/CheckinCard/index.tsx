import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import { SEC_CHECK_LABELS, type StaffCheckin } from '@qstx/shared'
import { formatDateTime } from '../../../../utils/format'
import { durationText, howText } from '../../labels'

interface Props {
  id: string
  item: StaffCheckin
}

/**
 * One check-in as staff read it (the director deciding, the coordinator following up): who visited
 * whom, when, how long, what was done, how the child seemed, what was found and suggested — and the
 * flags that need a second look. Actions come as children.
 */
export default function CheckinCard({ id, item, children }: PropsWithChildren<Props>) {
  const flagged = item.secCheck === 'review' || item.secCheck === 'unchecked'
  return (
    <View id={id} className='card'>
      <Text className='item__title'>
        {item.volunteer.realName ?? '爱心家长'} → {item.child.name}
      </Text>
      <Text className='item__line'>{item.child.villageName}</Text>
      <Text className='item__line'>
        {formatDateTime(item.startedAt)} 起 · {durationText(item.durationMinutes)}
      </Text>
      <Text className='item__line'>{howText(item)}</Text>
      <Text className='item__text'>{item.summary}</Text>
      {item.childMood && (
        <Text className='item__text'>
          <Text className='item__label'>孩子的状态：</Text>
          {item.childMood}
        </Text>
      )}
      {item.problemsFound && (
        <Text className='item__text'>
          <Text className='item__label'>发现的问题：</Text>
          {item.problemsFound}
        </Text>
      )}
      {item.measuresSuggested && (
        <Text className='item__text'>
          <Text className='item__label'>建议的措施：</Text>
          {item.measuresSuggested}
        </Text>
      )}
      <View>
        {item.worried && <Text className='badge-danger'>志愿者担心这个孩子</Text>}
        {flagged && <Text className='badge-warn'>{SEC_CHECK_LABELS[item.secCheck]}</Text>}
        {item.status === 'pending' && <Text className='status status--waiting'>{item.waitingDays > 0 ? `已等待 ${item.waitingDays} 天` : '今天提交'}</Text>}
      </View>
      {children}
    </View>
  )
}
