import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { regionLevel } from '@qstx/shared'
import { useRegionChildren } from '../../../../api/regions'
import ChoiceChips from '../../../../components/ChoiceChips'

/** Walks down from the recorder's region to the village (村/社区) where the activity was held. */
export default function VillagePick({ root, value, onChange, error }: { root: string; value: string | null; onChange: (code: string | null) => void; error?: string | undefined }) {
  const [at, setAt] = useState(root)
  const down = useRegionChildren(at, regionLevel(at) !== 'village')
  if (regionLevel(root) === 'village') return null
  const levelOf = new Map((down.data ?? []).map((r) => [r.code, r.level]))
  return (
    <View>
      <ChoiceChips
        id='activity-village'
        label={at === root ? '活动所在的乡镇、村（社区）' : '活动所在的村（社区）'}
        options={(down.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        value={value}
        onChange={(code) => (levelOf.get(code) === 'village' ? onChange(code) : setAt(code))}
        error={error}
      />
      {at !== root && <Text id='activity-village-up' className='link' onClick={() => { setAt(root); onChange(null) }}>重新选择乡镇</Text>}
    </View>
  )
}
