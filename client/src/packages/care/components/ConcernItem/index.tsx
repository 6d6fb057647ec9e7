import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import {
  CONCERN_EVENT_LABELS, CONCERN_EVENT_TYPES, CONCERN_REFERRALS, CONCERN_REFERRAL_LABELS, CONCERN_SIGN_LABELS,
  type Concern, type ConcernEventType, type ConcernReferral,
} from '@qstx/shared'
import { useConcernEvent } from '../../../../api/care'
import ChoiceChips, { options } from '../../../../components/ChoiceChips'
import { serverFieldErrors } from '../../../../utils/form-errors'
import StepForm from '../StepForm'

const STATUS = { open: '待跟进', referred: '已转介', closed: '已结束' } as const

/** One concern with its handling; the director adds a step (told the guardians, referred, outcome, closed). */
export default function ConcernItem({ c, handles }: { c: Concern; handles: boolean }) {
  const add = useConcernEvent()
  const [type, setType] = useState<ConcernEventType | null>(null)
  const [referredTo, setReferredTo] = useState<ConcernReferral | null>(null)
  const [keep, setKeep] = useState<'yes' | 'no' | null>(null)
  const errors = serverFieldErrors(add.error)
  return (
    <View id={`concern-${c.id}`} className='card'>
      <Text className='care__big'>
        {c.noticedOn} · {c.signs.map((s) => CONCERN_SIGN_LABELS[s]).join('、')}
      </Text>
      <Text id={`concern-status-${c.id}`} className={c.status === 'closed' ? 'care__ok' : 'care__bad'}>{STATUS[c.status]}</Text>
      <Text className='care__line'>{c.description}</Text>
      <Text className='care__line'>记录人：{c.recordedByName}{c.recordedByRole === 'volunteer' ? '（爱心家长）' : ''}</Text>
      {c.events.map((e) => (
        <Text key={e.id} className='care__item'>
          {e.on} · {CONCERN_EVENT_LABELS[e.type]}{e.referredTo ? `：${CONCERN_REFERRAL_LABELS[e.referredTo]}` : ''} — {e.note}（{e.byName}）
        </Text>
      ))}
      {handles && c.status !== 'closed' && (
        <View>
          <ChoiceChips id={`concern-action-${c.id}`} label='记录跟进' options={options(CONCERN_EVENT_TYPES, CONCERN_EVENT_LABELS)} value={type} onChange={setType} />
          {type && (
            <StepForm idPrefix='concern-event' label='说明' submitLabel='保存跟进' busy={add.isPending} errors={errors}
              onSubmit={(v) => add.mutate(
                { id: c.id, body: { type, ...v, ...(type === 'referred' && referredTo ? { referredTo } : {}), ...(type === 'closed' && keep ? { keepAttention: keep === 'yes' } : {}) } },
                { onSuccess: () => setType(null) },
              )}>
              {type === 'referred' && <ChoiceChips id='concern-referral' label='转介到' options={options(CONCERN_REFERRALS, CONCERN_REFERRAL_LABELS)} value={referredTo} onChange={setReferredTo} error={errors.referredTo} />}
              {type === 'closed' && <ChoiceChips id='concern-keep' label='之后是否继续重点关注（加大走访频次）' options={[{ value: 'yes', label: '继续重点关注' }, { value: 'no', label: '恢复正常走访' }]} value={keep} onChange={setKeep} error={errors.keepAttention} />}
            </StepForm>
          )}
          {add.isError && <Text className='form-error'>{add.error.message}</Text>}
          {type && <Button size='large' block onClick={() => setType(null)}>取消</Button>}
        </View>
      )}
    </View>
  )
}
