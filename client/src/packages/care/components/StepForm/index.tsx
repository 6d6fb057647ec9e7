import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import DateField from '../../../../components/DateField'
import TextArea from '../../../../components/TextArea'
import type { FieldErrors } from '../../../../utils/form-errors'
import { todayInChina } from '../../../../utils/format'

/** A dated note (a step taken, a handling of a concern): one date, what was done, one button. */
export default function StepForm({ idPrefix, label, placeholder, submitLabel, busy, errors, onSubmit, children }: {
  idPrefix: string; label: string; placeholder?: string; submitLabel: string; busy: boolean; errors: FieldErrors
  onSubmit: (v: { on: string; note: string }) => void; children?: React.ReactNode
}) {
  const [on, setOn] = useState(todayInChina)
  const [note, setNote] = useState('')
  return (
    <View className='care__form'>
      {children}
      <DateField id={`${idPrefix}-date`} label='日期' value={on} onChange={setOn} end={todayInChina()} error={errors.on} />
      <TextArea id={`${idPrefix}-note`} label={label} placeholder={placeholder} value={note} onChange={setNote} error={errors.note} maxlength={500} />
      <Button id={`${idPrefix}-submit`} type='primary' size='large' block loading={busy} onClick={() => onSubmit({ on, note })}>
        {submitLabel}
      </Button>
    </View>
  )
}
