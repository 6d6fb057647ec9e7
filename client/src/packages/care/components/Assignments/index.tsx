import { Text, View } from '@tarojs/components'
import type { Staffing } from '@qstx/shared'
import { useAssignDirector } from '../../../../api/care'
import ChoiceChips from '../../../../components/ChoiceChips'

/** A village with several directors shares its children out: each child, and who keeps it (each director's calendar follows). */
export default function Assignments({ s }: { s: Staffing }) {
  const assign = useAssignDirector()
  const mine = s.directors.filter((d) => d.villageCode === s.regionCode)
  if (!s.assignments || mine.length < 2) return null
  return (
    <View id='staffing-assignments' className='card'>
      <Text className='section-title'>儿童分工（每位儿童主任的走访任务按此分开）</Text>
      {s.assignments.map((a) => (
        <ChoiceChips key={a.childId} id={`assign-${a.childId}`} label={a.name} options={mine.map((d) => ({ value: d.userId, label: d.name }))} value={a.directorUserId}
          onChange={(directorUserId) => assign.mutate({ childId: a.childId, directorUserId })} onClear={() => assign.mutate({ childId: a.childId, directorUserId: null })} />
      ))}
      {assign.isError && <Text className='form-error'>{assign.error.message}</Text>}
    </View>
  )
}
