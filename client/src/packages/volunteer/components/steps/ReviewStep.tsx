import { Text, View } from '@tarojs/components'
import { SIGN_UP_FIELD_PROMPTS, type SignUpField, type VolunteerProfile } from '@qstx/shared'
import ProfileSummary from '../ProfileSummary'
import { EDITABLE_SECTIONS, STEPS, stepOfField, type StepKey } from '../../steps'
import StepButton from './StepButton'

interface Props {
  profile: VolunteerProfile
  /** What the server said is still missing after a submit (field → sentence), else the profile's own list. */
  missing: Readonly<Record<string, string>> | null
  submitting: boolean
  onSubmit: () => void
  onGoTo: (key: StepKey) => void
}

const prompt = (field: string) => SIGN_UP_FIELD_PROMPTS[field as SignUpField] ?? field

/**
 * Everything once more, each section with 修改, and the submit button. What is still missing is
 * listed in words with a button to the step that fills it — from the server's answer after a
 * submit, so the list is the server's rule, not a copy of it.
 */
export default function ReviewStep({ profile, missing, submitting, onSubmit, onGoTo }: Props) {
  const gaps = missing ?? Object.fromEntries(profile.missing.map((f) => [f, prompt(f)]))
  const entries = Object.entries(gaps)
  const accepted = STEPS.filter((s) => s.key === 'privacy' || s.key === 'pledge' || s.key === 'criminal')
  return (
    <View>
      {profile.status === 'info_requested' && profile.lastDecision && (
        <View className='card signup__request'>
          <Text className='signup__question'>审核人员请您补充：</Text>
          <Text id='signup-request-reason' className='signup__big-value'>
            {profile.lastDecision.reason}
          </Text>
        </View>
      )}
      {entries.length > 0 && (
        <View id='signup-missing' className='card signup__missing'>
          <Text className='signup__question'>还需要填写：</Text>
          {entries.map(([field, sentence]) => {
            const step = stepOfField(field)
            return (
              <View key={field} id={`signup-missing-${field.replace(/\./g, '-')}`} className='signup__missing-row'>
                <Text className='signup__missing-text'>{sentence}</Text>
                {step && (
                  <Text className='profile-summary__edit' onClick={() => onGoTo(step)}>
                    去填写
                  </Text>
                )}
              </View>
            )
          })}
        </View>
      )}
      <View className='card'>
        <ProfileSummary profile={profile} idPrefix='review' editable={EDITABLE_SECTIONS} onEdit={onGoTo} />
        <View className='profile-summary__section'>
          <View className='profile-summary__body'>
            <Text className='profile-summary__title'>已阅读并同意</Text>
            {accepted.map((s) => (
              <Text key={s.key} className='profile-summary__line'>
                {(profile.acceptances[s.key === 'criminal' ? 'criminal_record' : s.key]?.current ? '✓ ' : '✗ ') + s.title}
              </Text>
            ))}
          </View>
        </View>
      </View>
      <Text className='muted signup__note'>提交后由妇联审核：当面核验身份、依法进行入职查询，并参加岗前培训。</Text>
      <StepButton id='signup-submit' label={profile.status === 'info_requested' ? '重新提交' : '提交报名'} loading={submitting} onClick={onSubmit} />
    </View>
  )
}
