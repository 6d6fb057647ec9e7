import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ReasonSchema, type StaffCheckin } from '@qstx/shared'
import { useDecideCheckin } from '../../../api/checkins'
import ChoiceChips from '../../../components/ChoiceChips'
import TextArea from '../../../components/TextArea'
import { formatDateTime } from '../../../utils/format'

/** The reasons a director gives most; any of them returns the check-in with that tap. */
const REASONS = ['没有这次走访', '时间或时长不对', '内容与实际不符'] as const
const OTHER = '其他原因'

/**
 * One check-in waiting for 李主任, decided from home: 确认属实 in one tap; 退回 asks why (one tap
 * on a usual reason, or her own words), and the volunteer is told. The same mutation as the queue.
 */
export default function CheckinDecision({ item }: { item: StaffCheckin }) {
  const decide = useDecideCheckin()
  const [returning, setReturning] = useState(false)
  const [other, setOther] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | undefined>()
  const busy = decide.isPending
  const done = (title: string) => () => void Taro.showToast({ title, icon: 'success' })
  const send = (text: string) => {
    const parsed = ReasonSchema.safeParse(text)
    if (!parsed.success) return setError(parsed.error.issues[0]?.message)
    decide.mutate({ id: item.id, kind: 'dispute', reason: parsed.data }, { onSuccess: done('已退回') })
  }
  const id = item.id
  return (
    <View id={`home-decide-${id}`} className='work-decision'>
      <Text className='work-line__title'>
        {item.volunteer.realName ?? '爱心家长'} → {item.child.name}
      </Text>
      <Text className='work-line__detail'>
        {formatDateTime(item.startedAt)} · {item.durationMinutes} 分钟{item.waitingDays > 0 ? ` · 已等待 ${item.waitingDays} 天` : ''}
      </Text>
      <Text className='work-decision__summary'>{item.summary}</Text>
      {item.worried && <Text className='badge-danger'>志愿者担心这个孩子</Text>}
      {returning && (
        <ChoiceChips
          id={`home-return-reason-${id}`}
          label='为什么退回（志愿者会看到）'
          options={[...REASONS, OTHER].map((r) => ({ value: r, label: r }))}
          value={other ? OTHER : null}
          onChange={(r) => (r === OTHER ? setOther(true) : send(r))}
        />
      )}
      {returning && other && (
        <TextArea id={`home-return-text-${id}`} label='退回原因' value={reason} onChange={setReason} error={error} maxlength={200} />
      )}
      {decide.isError && (
        <Text id={`home-decide-error-${id}`} className='form-error'>
          {decide.error.message}
        </Text>
      )}
      <View className='button-row'>
        {returning ? (
          <Button size='large' disabled={busy} onClick={() => {
            setReturning(false)
            setOther(false)
          }}>
            取消
          </Button>
        ) : (
          <Button id={`home-confirm-${id}`} type='primary' size='large' loading={busy && decide.variables?.kind === 'confirm'} disabled={busy} onClick={() => decide.mutate({ id, kind: 'confirm' }, { onSuccess: done('已确认') })}>
            确认属实
          </Button>
        )}
        {returning && other ? (
          <Button id={`home-return-send-${id}`} size='large' loading={busy} disabled={busy} onClick={() => send(reason)}>
            提交退回
          </Button>
        ) : (
          !returning && (
            <Button id={`home-return-${id}`} size='large' disabled={busy} onClick={() => setReturning(true)}>
              退回
            </Button>
          )
        )}
      </View>
    </View>
  )
}
