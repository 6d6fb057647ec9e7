import { Picker, Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  id: string
  label: string
  value: string
  onChange: (day: string) => void
  /** The allowed range (YYYY-MM-DD), as the server checks it. */
  start?: string
  end?: string
  error?: string | undefined
}

/** A day (YYYY-MM-DD) from the phone's own date wheel: a start date, an expected resume date. */
export default function DateField({ id, label, value, onChange, start, end, error }: Props) {
  return (
    <View className='pairing-date'>
      <Text className='pairing-date__label'>{label}</Text>
      <Picker mode='date' value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <Text id={id} className={`pairing-date__value${error ? ' pairing-date__value--invalid' : ''}`}>
          {value} ▾
        </Text>
      </Picker>
      {error && (
        <Text id={`${id}-error`} className='pairing-date__error'>
          {error}
        </Text>
      )}
    </View>
  )
}
