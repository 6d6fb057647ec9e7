import { useState } from 'react'
import { View } from '@tarojs/components'
import { SIGN_UP_FIELD_PROMPTS, VOLUNTEER_KIND_LABELS, VOLUNTEER_KINDS, type VolunteerKind } from '@qstx/shared'
import ChoiceChips, { options } from '../../../../components/ChoiceChips'
import TextField from '../../../../components/TextField'
import StepButton from './StepButton'
import type { StepProps } from './types'

/** Which kind of volunteer, and the work unit or organisation (individuals may leave it empty). */
export default function KindStep({ profile, onNext, serverErrors, saving, next }: StepProps) {
  const [kind, setKind] = useState<VolunteerKind | null>(profile?.kind ?? null)
  const [workUnit, setWorkUnit] = useState(profile?.workUnit ?? '')
  const [errors, setErrors] = useState<{ kind?: string; workUnit?: string }>({})
  const individual = kind === 'individual'

  const go = () => {
    const unit = workUnit.trim()
    const found = {
      kind: kind ? undefined : SIGN_UP_FIELD_PROMPTS.kind,
      workUnit: !unit && !individual ? SIGN_UP_FIELD_PROMPTS.workUnit : undefined,
    }
    setErrors(found)
    if (found.kind || found.workUnit || !kind) return
    const body = {
      ...(kind !== profile?.kind ? { kind } : {}),
      ...(unit && unit !== profile?.workUnit ? { workUnit: unit } : {}),
    }
    onNext(Object.keys(body).length ? body : null)
  }

  return (
    <View>
      <View className='card'>
        <ChoiceChips
          id='kind'
          big
          options={options(VOLUNTEER_KINDS, VOLUNTEER_KIND_LABELS)}
          value={kind}
          onChange={(v) => {
            setKind(v)
            setErrors({})
          }}
          error={errors.kind ?? serverErrors.kind}
        />
        <TextField
          id='signup-work-unit'
          label={individual ? '工作单位或所在组织（选填）' : '工作单位或所在组织'}
          hint={individual ? '退休或没有单位可以不填' : '例如：和睦镇妇联、融水县第二中学'}
          value={workUnit}
          onChange={(v) => {
            setWorkUnit(v)
            setErrors((e) => ({ ...e, workUnit: undefined }))
          }}
          error={errors.workUnit ?? serverErrors.workUnit}
          maxlength={60}
        />
      </View>
      <StepButton id={next.id} label={next.label} loading={saving} onClick={go} />
    </View>
  )
}
