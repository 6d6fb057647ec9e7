import { Picker, Text, View } from '@tarojs/components'
import { todayInChina } from '../../../utils/format'

/** A date (YYYY-MM-DD, China time) chosen with the platform's date picker; never later than today. */
export default function DateField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (day: string) => void }) {
  return (
    <View className='vetting__date'>
      <Text>{label}</Text>
      <Picker mode='date' value={value} end={todayInChina()} onChange={(e) => onChange(String(e.detail.value))}>
        <Text id={id} className='vetting__date-value'>
          {value} ▾
        </Text>
      </Picker>
    </View>
  )
}
