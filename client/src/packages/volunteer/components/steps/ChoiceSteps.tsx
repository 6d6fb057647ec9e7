import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  AVAILABILITY_SLOT_LABELS, AVAILABILITY_SLOTS, CONTACT_MODE_LABELS, CONTACT_MODES, SIGN_UP_FIELD_PROMPTS, SKILL_LABELS, SKILLS,
  VOLUNTEER_MAX_CHILDREN, type AvailabilitySlot, type ContactMode, type Skill,
} from '@qstx/shared'
import ChoiceChips, { options } from '../../../../components/ChoiceChips'
import TextField from '../../../../components/TextField'
import StepButton from './StepButton'
import type { StepProps } from './types'

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x))

/** What she is good at: several may apply; at least one. */
export function SkillsStep({ profile, onNext, serverErrors, saving, next }: StepProps) {
  const [skills, setSkills] = useState<Skill[]>([...(profile?.skills ?? [])])
  const [error, setError] = useState<string | undefined>()
  const go = () => {
    if (!skills.length) return setError(SIGN_UP_FIELD_PROMPTS.skills)
    onNext(same(skills, profile?.skills ?? []) ? null : { skills })
  }
  return (
    <View>
      <View className='card'>
        <ChoiceChips
          id='skill'
          hint='可以选多项，至少选一项'
          multiple
          options={options(SKILLS, SKILL_LABELS)}
          value={skills}
          onChange={(v) => {
            setSkills(v)
            setError(undefined)
          }}
          error={error ?? serverErrors.skills}
        />
      </View>
      <StepButton id={next.id} label={next.label} loading={saving} onClick={go} />
    </View>
  )
}

/** When she is free, with an optional note in her own words. */
export function TimeStep({ profile, onNext, serverErrors, saving, next }: StepProps) {
  const [slots, setSlots] = useState<AvailabilitySlot[]>([...(profile?.availability ?? [])])
  const [note, setNote] = useState(profile?.availabilityNote ?? '')
  const [error, setError] = useState<string | undefined>()
  const go = () => {
    if (!slots.length) return setError(SIGN_UP_FIELD_PROMPTS.availability)
    const trimmed = note.trim()
    const body = {
      ...(same(slots, profile?.availability ?? []) ? {} : { availability: slots }),
      ...(trimmed !== (profile?.availabilityNote ?? '') ? { availabilityNote: trimmed } : {}),
    }
    onNext(Object.keys(body).length ? body : null)
  }
  return (
    <View>
      <View className='card'>
        <ChoiceChips
          id='slot'
          hint='可以选多项'
          multiple
          big
          options={options(AVAILABILITY_SLOTS, AVAILABILITY_SLOT_LABELS)}
          value={slots}
          onChange={(v) => {
            setSlots(v)
            setError(undefined)
          }}
          error={error ?? serverErrors.availability}
        />
        <TextField
          id='signup-availability-note'
          label='补充说明（选填）'
          hint='例如：周六上午比较方便'
          value={note}
          onChange={setNote}
          error={serverErrors.availabilityNote}
          maxlength={100}
        />
      </View>
      <StepButton id={next.id} label={next.label} loading={saving} onClick={go} />
    </View>
  )
}

const CAPACITIES = Array.from({ length: VOLUNTEER_MAX_CHILDREN }, (_, i) => i + 1)

/** How she will keep in touch, and with how many children at most (1–3, three big buttons). */
export function ContactStep({ profile, onNext, serverErrors, saving, next }: StepProps) {
  const [modes, setModes] = useState<ContactMode[]>([...(profile?.contactModes ?? [])])
  const [capacity, setCapacity] = useState(profile?.capacity ?? 1)
  const [error, setError] = useState<string | undefined>()
  const go = () => {
    if (!modes.length) return setError(SIGN_UP_FIELD_PROMPTS.contactModes)
    const body = {
      ...(same(modes, profile?.contactModes ?? []) ? {} : { contactModes: modes }),
      ...(capacity !== profile?.capacity ? { capacity } : {}),
    }
    onNext(Object.keys(body).length ? body : null)
  }
  return (
    <View>
      <View className='card'>
        <ChoiceChips
          id='contact'
          label='您愿意怎样和孩子联系？'
          hint='可以选多项'
          multiple
          big
          options={options(CONTACT_MODES, CONTACT_MODE_LABELS)}
          value={modes}
          onChange={(v) => {
            setModes(v)
            setError(undefined)
          }}
          error={error ?? serverErrors.contactModes}
        />
      </View>
      <View className='card'>
        <Text className='signup__question'>最多愿意结对几名孩子？</Text>
        <View className='capacity'>
          {CAPACITIES.map((n) => (
            <Text
              key={n}
              id={`capacity-${n}`}
              className={`capacity__option${capacity === n ? ' capacity__option--on' : ''}`}
              aria-selected={capacity === n}
              onClick={() => setCapacity(n)}
            >
              {n}名
            </Text>
          ))}
        </View>
        {serverErrors.capacity && <Text className='form-error'>{serverErrors.capacity}</Text>}
      </View>
      <StepButton id={next.id} label={next.label} loading={saving} onClick={go} />
    </View>
  )
}
