import { Picker, Text, View } from '@tarojs/components'
import Field from '../Field'
import './index.scss'

interface Props {
  id: string
  label: string
  value: string | null
  onChange: (value: string) => void
  /** Earliest date allowed (YYYY-MM-DD), e.g. tomorrow for an expected resume date. */
  start?: string
  /** Latest date allowed (YYYY-MM-DD), e.g. today. */
  end?: string
  hint?: string
  error?: string | undefined
}

/** A date chosen with the phone's own date wheel (Taro Picker), never typed; in the same frame as TextField. */
export default function DateField({ id, label, value, onChange, start, end, hint, error }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Picker mode='date' value={value ?? end ?? '2020-01-01'} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View id={id} className='field__box date-field__value'>
          <Text>{value || '请选择日期'}</Text>
          <Text className='date-field__change'>选择</Text>
        </View>
      </Picker>
    </Field>
  )
}
