import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { RecordTrainingBodySchema, type Staffing } from '@qstx/shared'
import { useRecordTraining } from '../../../../api/care'
import ChoiceChips from '../../../../components/ChoiceChips'
import DateField from '../../../../components/DateField'
import TextField from '../../../../components/TextField'
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../../../utils/form-errors'
import { todayInChina } from '../../../../utils/format'

/** 培训档案: one training and the directors who attended (the not-yet-trained ones preselected). */
export default function TrainingForm({ directors }: { directors: Staffing['directors'] }) {
  const record = useRecordTraining()
  const [picked, setPicked] = useState<string[]>(() => directors.filter((d) => !d.trainedThisYear).map((d) => d.userId))
  const [f, setF] = useState({ trainedOn: todayInChina(), course: '', organiser: '', hours: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v })
  const submit = () => {
    const parsed = RecordTrainingBodySchema.safeParse({ userIds: picked, trainedOn: f.trainedOn, course: f.course, organiser: f.organiser, hours: Number(f.hours || 'x') })
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error))
    setErrors({})
    record.mutate(parsed.data, { onError: (e) => setErrors(serverFieldErrors(e)) })
  }
  return (
    <View id='training-form' className='card'>
      <Text className='section-title'>记录一次培训</Text>
      <ChoiceChips id='training-director' label='参加培训的儿童主任' multiple options={directors.map((d) => ({ value: d.userId, label: `${d.name}（${d.villageName}）` }))} value={picked} onChange={setPicked} error={errors.userIds} />
      <DateField id='training-date' label='培训日期' value={f.trainedOn} onChange={set('trainedOn')} end={todayInChina()} error={errors.trainedOn} />
      <TextField id='training-course' label='培训名称' value={f.course} onChange={set('course')} error={errors.course} maxlength={60} />
      <TextField id='training-organiser' label='组织单位' value={f.organiser} onChange={set('organiser')} error={errors.organiser} maxlength={60} />
      <TextField id='training-hours' label='学时（小时）' type='digit' value={f.hours} onChange={set('hours')} error={errors.hours} />
      {record.isSuccess && <Text id='training-saved' className='care__ok'>已记入 {record.data.recorded} 名儿童主任的培训档案</Text>}
      {record.isError && <Text className='form-error'>{record.error.message}</Text>}
      <Button id='training-submit' type='primary' size='large' block loading={record.isPending} onClick={submit}>保存培训记录</Button>
    </View>
  )
}
