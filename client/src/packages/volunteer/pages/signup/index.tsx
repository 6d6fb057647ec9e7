import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { DRAFT_STATUSES, type VolunteerFieldsBody } from '@qstx/shared'
import { isApiError } from '../../../../api/api-error'
import { useMyVolunteer, useSaveVolunteer, useSubmitVolunteer } from '../../../../api/volunteers'
import ErrorState from '../../../../components/ErrorState'
import { ROUTES } from '../../../../constants/routes'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { serverFieldErrors, type FieldErrors } from '../../../../utils/form-errors'
import AcceptanceStep from '../../components/steps/AcceptanceStep'
import { ContactStep, SkillsStep, TimeStep } from '../../components/steps/ChoiceSteps'
import IdentityStep from '../../components/steps/IdentityStep'
import KindStep from '../../components/steps/KindStep'
import PhoneStep from '../../components/steps/PhoneStep'
import RegionStep from '../../components/steps/RegionStep'
import ReviewStep from '../../components/steps/ReviewStep'
import type { StepProps } from '../../components/steps/types'
import { STEPS, isStepKey, resumeIndex, stepIndex, type StepKey } from '../../steps'
import './index.scss'

function StepBody({ stepKey, ...props }: StepProps & { stepKey: Exclude<StepKey, 'review'> }) {
  switch (stepKey) {
    case 'privacy':
      return <AcceptanceStep doc='privacy' {...props} />
    case 'pledge':
      return <AcceptanceStep doc='pledge' {...props} />
    case 'criminal':
      return <AcceptanceStep doc='criminal_record' {...props} />
    case 'identity':
      return <IdentityStep {...props} />
    case 'phone':
      return <PhoneStep {...props} />
    case 'kind':
      return <KindStep {...props} />
    case 'region':
      return <RegionStep {...props} />
    case 'skills':
      return <SkillsStep {...props} />
    case 'time':
      return <TimeStep {...props} />
    case 'contact':
      return <ContactStep {...props} />
  }
}

/**
 * The sign-up wizard: one topic per screen, big text, 第N步，共M步. Every 下一步 saves to the server
 * (PUT /api/volunteers/me/draft), so leaving is safe: coming back opens the first step with
 * something missing. `?edit=<step>` shows one section of a submitted or approved profile with 保存.
 */
export default function SignupPage() {
  useRequireLogin()
  const { params } = useRouter()
  const editKey = isStepKey(params.edit) && params.edit !== 'review' ? params.edit : null
  const profile = useMyVolunteer()
  const save = useSaveVolunteer()
  const submit = useSubmitVolunteer()
  const [index, setIndex] = useState<number | null>(null)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [generalError, setGeneralError] = useState<string | null>(null)
  const [missing, setMissing] = useState<Record<string, string> | null>(null)

  const data = profile.data
  const inWizard = data === null || (data !== undefined && DRAFT_STATUSES.includes(data.status))
  // The draft endpoint while the application is a draft or waits for information; PATCH after that.
  const mode = inWizard ? 'draft' : 'edit'

  useEffect(() => {
    if (!profile.isSuccess || index !== null) return
    // A submitted (or decided) application is no wizard any more: its page is the status page.
    if (!editKey && !inWizard) void Taro.redirectTo({ url: ROUTES.volunteerStatus })
    else setIndex(editKey ? stepIndex(editKey) : resumeIndex(profile.data))
  }, [profile.isSuccess, profile.data, index, editKey, inWizard])

  if (profile.isError) {
    return (
      <View className='page signup'>
        <ErrorState id='signup-load-error' title='无法加载您的报名' message={profile.error.message} onRetry={() => void profile.refetch()} />
      </View>
    )
  }
  if (index === null || data === undefined) {
    return (
      <View className='page signup'>
        <Text className='muted'>正在加载…</Text>
      </View>
    )
  }

  const step = STEPS[index]!
  const goTo = (next: number) => {
    setServerErrors({})
    setGeneralError(null)
    setIndex(next)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }
  const done = () => {
    if (!editKey) return goTo(index + 1)
    void Taro.showToast({ title: '已保存', icon: 'success' })
    void Taro.navigateBack()
  }

  const onNext = (body: VolunteerFieldsBody | null) => {
    if (!body) return done()
    setServerErrors({})
    setGeneralError(null)
    save.mutate(
      { mode, body },
      {
        onSuccess: done,
        onError: (error) => {
          const fields = serverFieldErrors(error)
          setServerErrors(fields)
          // Field problems show at their fields; anything else (no connection, a conflict) above the button.
          if (!step.fields.some((f) => fields[f])) setGeneralError(error.message)
        },
      },
    )
  }

  const onSubmit = () => {
    setMissing(null)
    setGeneralError(null)
    submit.mutate(undefined, {
      onSuccess: () => void Taro.redirectTo({ url: ROUTES.volunteerStatus }),
      onError: (error) => {
        if (isApiError(error) && error.code === 'VOLUNTEER_INCOMPLETE') setMissing({ ...error.fields })
        else setGeneralError(error.message)
      },
    })
  }

  const total = STEPS.length
  return (
    <View className='page signup'>
      {editKey ? (
        <Text id='signup-progress' className='signup__progress'>
          修改资料
        </Text>
      ) : (
        <View className='signup__progress-wrap'>
          <Text id='signup-progress' className='signup__progress'>
            第{index + 1}步，共{total}步
          </Text>
          <View className='signup__bar'>
            <View className='signup__bar-fill' style={{ width: `${((index + 1) / total) * 100}%` }} />
          </View>
        </View>
      )}
      {data?.team && !editKey && (
        <Text id='signup-team' className='signup__team'>
          所在团队：{data.team.name}
        </Text>
      )}
      <Text id='signup-step-title' className='signup__title'>
        {step.title}
      </Text>
      <View id={`signup-step-${step.key}`} key={step.key}>
        {step.key === 'review' ? (
          data && <ReviewStep profile={data} missing={missing} submitting={submit.isPending} onSubmit={onSubmit} onGoTo={(key) => goTo(stepIndex(key))} />
        ) : (
          <StepBody
            stepKey={step.key}
            profile={data}
            onNext={onNext}
            serverErrors={serverErrors}
            saving={save.isPending}
            next={editKey ? { id: 'signup-save', label: '保存' } : { id: 'signup-next', label: '下一步' }}
            editing={!!editKey && !inWizard}
          />
        )}
      </View>
      {generalError && (
        <Text id='signup-error' className='form-error signup__general-error'>
          {generalError}
        </Text>
      )}
      {editKey ? (
        <Button id='signup-cancel' className='signup__back' size='large' block onClick={() => void Taro.navigateBack()}>
          取消
        </Button>
      ) : (
        index > 0 && (
          <Button id='signup-back' className='signup__back' size='large' block onClick={() => goTo(index - 1)}>
            上一步
          </Button>
        )
      )}
      {!editKey && step.key !== 'review' && (
        <Text id='signup-saved' className='muted signup__note'>
          {data ? '每一步都会自动保存，可以随时离开，下次从这里接着填。' : '填好后点“下一步”就会保存，可以随时离开，下次接着填。'}
        </Text>
      )}
    </View>
  )
}
