import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { SIGN_UP_FIELD_PROMPTS } from '@qstx/shared'
import ServiceAreaPicker, { type Area } from '../../../../components/ServiceAreaPicker'
import { PROGRAMME_COUNTY } from '../../../../constants/programme'
import StepButton from './StepButton'
import type { StepProps } from './types'

/** The county or township she can reach: children are matched to volunteers nearby. */
export default function RegionStep({ profile, onNext, serverErrors, saving, next }: StepProps) {
  const [area, setArea] = useState<Area | null>(
    profile?.serviceRegionCode ? { code: profile.serviceRegionCode, name: profile.serviceRegionName ?? profile.serviceRegionCode } : null,
  )
  const [error, setError] = useState<string | undefined>()

  const go = () => {
    if (!area) return setError(SIGN_UP_FIELD_PROMPTS.serviceRegionCode)
    onNext(area.code !== profile?.serviceRegionCode ? { serviceRegionCode: area.code } : null)
  }

  return (
    <View>
      <Text className='signup__question'>选您方便去的乡镇，妇联会优先为您匹配附近的孩子。</Text>
      <View className='card'>
        <ServiceAreaPicker
          value={area}
          start={profile?.serviceRegionCode ?? PROGRAMME_COUNTY}
          onPick={(picked) => {
            setArea(picked)
            setError(undefined)
          }}
          error={error ?? serverErrors.serviceRegionCode}
        />
      </View>
      <StepButton id={next.id} label={next.label} loading={saving} onClick={go} />
    </View>
  )
}
