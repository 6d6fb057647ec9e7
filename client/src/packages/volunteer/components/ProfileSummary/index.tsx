import { Text, View } from '@tarojs/components'
import {
  AVAILABILITY_SLOT_LABELS, CONTACT_MODE_LABELS, SKILL_LABELS, VOLUNTEER_KIND_LABELS, type VolunteerProfile,
} from '@qstx/shared'
import { STEPS, type StepKey } from '../../steps'
import './index.scss'

const GENDER = { male: '男', female: '女' } as const
const none = '未填写'

function sectionLines(p: VolunteerProfile): Partial<Record<StepKey, Array<{ id?: string; text: string }>>> {
  const list = (items: readonly string[]) => (items.length ? items.join('、') : none)
  return {
    identity: [
      { text: `${p.realName ?? none}${p.gender ? `（${GENDER[p.gender]}）` : ''}` },
      { id: 'id', text: `身份证号 ${p.idNumberMasked ?? none}` },
    ],
    phone: [{ text: p.phoneMasked ?? none }],
    kind: [{ text: p.kind ? VOLUNTEER_KIND_LABELS[p.kind] : none }, ...(p.workUnit ? [{ text: p.workUnit }] : [])],
    region: [{ text: p.serviceRegionName ?? none }],
    skills: [{ text: list(p.skills.map((s) => SKILL_LABELS[s])) }],
    time: [{ text: list(p.availability.map((s) => AVAILABILITY_SLOT_LABELS[s])) }, ...(p.availabilityNote ? [{ text: p.availabilityNote }] : [])],
    contact: [{ text: list(p.contactModes.map((m) => CONTACT_MODE_LABELS[m])) }, { text: `最多结对 ${p.capacity} 名儿童` }],
  }
}

interface Props {
  profile: VolunteerProfile
  /** Ids: the section `#<prefix>-<step key>`, the ID line `#<prefix>-id`, its button `#<prefix>-edit-<step key>`. */
  idPrefix: string
  /** Sections with a 修改 button. */
  editable?: readonly StepKey[]
  onEdit?: (key: StepKey) => void
}

/**
 * The application as the volunteer reads it back: one short section per step, ID number and phone
 * masked exactly as the server sent them (the full values never reach the phone).
 */
export default function ProfileSummary({ profile, idPrefix, editable = [], onEdit }: Props) {
  const lines = sectionLines(profile)
  return (
    <View className='profile-summary'>
      {STEPS.filter((s) => lines[s.key]).map((step) => (
        <View key={step.key} id={`${idPrefix}-${step.key}`} className='profile-summary__section'>
          <View className='profile-summary__body'>
            <Text className='profile-summary__title'>{step.title}</Text>
            {lines[step.key]!.map((line) => (
              <Text key={line.text} id={line.id ? `${idPrefix}-${line.id}` : undefined} className='profile-summary__line'>
                {line.text}
              </Text>
            ))}
          </View>
          {onEdit && editable.includes(step.key) && (
            <Text id={`${idPrefix}-edit-${step.key}`} className='profile-summary__edit' onClick={() => onEdit(step.key)}>
              修改
            </Text>
          )}
        </View>
      ))}
    </View>
  )
}
