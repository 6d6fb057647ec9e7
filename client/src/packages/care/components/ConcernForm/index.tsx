import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CONCERN_SIGNS, CONCERN_SIGN_LABELS, CreateConcernBodySchema, type ConcernSign } from '@qstx/shared'
import { useRecordConcern } from '../../../../api/care'
import ChoiceChips, { options } from '../../../../components/ChoiceChips'
import DateField from '../../../../components/DateField'
import TextArea from '../../../../components/TextArea'
import { ROUTES } from '../../../../constants/routes'
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../../../utils/form-errors'
import { todayInChina } from '../../../../utils/format'

/**
 * Recording a psychological or behavioural change. It says first what it is not: harm or danger
 * goes to 我担心这个孩子 (the mandatory report), with its hotlines.
 */
export default function ConcernForm({ childId, onSaved }: { childId: string; onSaved?: () => void }) {
  const record = useRecordConcern(childId)
  const [signs, setSigns] = useState<ConcernSign[]>([])
  const [noticedOn, setNoticedOn] = useState(todayInChina)
  const [description, setDescription] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const submit = () => {
    const parsed = CreateConcernBodySchema.safeParse({ signs, noticedOn, description })
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error))
    setErrors({})
    record.mutate(parsed.data, { onSuccess: () => onSaved?.(), onError: (e) => setErrors(serverFieldErrors(e)) })
  }
  if (record.isSuccess) {
    return (
      <View id='concern-saved' className='card'>
        <Text className='care__big care__ok'>已记录，儿童主任会跟进</Text>
        {record.data.attentionRaised && <Text className='care__line'>孩子已列为重点关注，儿童主任会更常去看望。</Text>}
      </View>
    )
  }
  return (
    <View className='card'>
      <Text className='care__warn'>
        这里记录孩子心理或行为上的变化。如果孩子受到伤害或正处于危险中，请用“我担心这个孩子”
        <Text id='concern-to-report' className='link' onClick={() => void Taro.navigateTo({ url: `${ROUTES.safeguarding}?childId=${childId}` })}>立即报告</Text>
      </Text>
      <ChoiceChips id='concern-sign' label='看到的情况（可多选）' options={options(CONCERN_SIGNS, CONCERN_SIGN_LABELS)} value={signs} multiple onChange={setSigns} error={errors.signs} />
      <DateField id='concern-noticed' label='发现日期' value={noticedOn} onChange={setNoticedOn} end={todayInChina()} error={errors.noticedOn} />
      <TextArea id='concern-description' label='具体情况' placeholder='如：这次去看她一直低着头，不愿意说话' value={description} onChange={setDescription} error={errors.description} maxlength={1000} />
      {record.isError && <Text id='concern-error' className='form-error'>{record.error.message}</Text>}
      <Button id='concern-submit' type='primary' size='large' block loading={record.isPending} onClick={submit}>
        提交
      </Button>
    </View>
  )
}
