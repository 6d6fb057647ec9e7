import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  ID_NUMBER_PROBLEM_MESSAGES, RealNameSchema, SIGN_UP_FIELD_PROMPTS, VOLUNTEER_MIN_AGE, ageOn, chinaDate, parseIdNumber,
} from '@qstx/shared'
import TextField from '../../../../components/TextField'
import StepButton from './StepButton'
import type { StepProps } from './types'

const SEX = { male: '男', female: '女' } as const

/** Only what can be an ID number: digits, and X as the 18th character; lower-case x is fine. */
const normalizeId = (value: string) => value.toUpperCase().replace(/[^0-9X]/g, '').slice(0, 18)

type IdCheck = { state: 'empty' } | { state: 'typing'; left: number } | { state: 'bad'; message: string } | { state: 'ok'; birthDate: string; sex: 'male' | 'female' }

/**
 * Checked at every keystroke with the shared rules (GB 11643 check character, a real birth date)
 * and the programme's adult rule, so a mistyped digit shows at once, not after a round trip.
 */
export function checkIdNumber(raw: string, today = chinaDate(new Date())): IdCheck {
  const id = raw.trim().toUpperCase()
  if (id === '') return { state: 'empty' }
  if (/X./.test(id)) return { state: 'bad', message: '只有最后一位可以是X' }
  if (id.length < 18) return { state: 'typing', left: 18 - id.length }
  const parsed = parseIdNumber(id)
  if (!parsed.ok) return { state: 'bad', message: ID_NUMBER_PROBLEM_MESSAGES[parsed.problem] }
  if (ageOn(parsed.value.birthDate, today) < VOLUNTEER_MIN_AGE) return { state: 'bad', message: `爱心家长须年满${VOLUNTEER_MIN_AGE}周岁` }
  return { state: 'ok', birthDate: parsed.value.birthDate, sex: parsed.value.sex }
}

/** Real name and ID number; the gender is read from the ID number instead of being asked. */
export default function IdentityStep({ profile, onNext, serverErrors, saving, next, editing }: StepProps) {
  const [name, setName] = useState(profile?.realName ?? '')
  const [idNumber, setIdNumber] = useState('')
  const [errors, setErrors] = useState<{ name?: string; id?: string }>({})
  const check = checkIdNumber(idNumber)
  const saved = profile?.idNumberMasked ?? null

  const idError = errors.id ?? (check.state === 'bad' ? check.message : undefined) ?? serverErrors.idNumber ?? serverErrors.gender
  const idHint =
    check.state === 'typing' ? `还差 ${check.left} 位` : saved ? '已保存的号码不会显示全部；只有要更改时才需要重新填写' : '18位，最后一位可能是X'

  const go = () => {
    const found: typeof errors = {}
    const parsedName = RealNameSchema.safeParse(name)
    if (!parsedName.success) found.name = parsedName.error.issues[0]?.message
    if (check.state === 'empty' && !saved) found.id = SIGN_UP_FIELD_PROMPTS.idNumber
    if (check.state === 'typing') found.id = ID_NUMBER_PROBLEM_MESSAGES.format
    setErrors(found)
    if (found.name || found.id || check.state === 'bad' || !parsedName.success) return
    const body = {
      ...(parsedName.data !== profile?.realName ? { realName: parsedName.data } : {}),
      ...(check.state === 'ok' ? { idNumber: idNumber.trim().toUpperCase(), gender: check.sex } : {}),
    }
    onNext(Object.keys(body).length ? body : null)
  }

  return (
    <View>
      {editing && (
        <Text id='signup-edit-warning' className='signup__warning'>
          修改姓名或身份证号后，需要妇联重新核验身份{profile?.status === 'approved' ? '；核验通过前不会为您安排新的结对' : ''}。
        </Text>
      )}
      <View className='card'>
        <TextField
          id='signup-name'
          label='真实姓名'
          hint='和身份证上的一样'
          value={name}
          onChange={(v) => {
            setName(v)
            setErrors((e) => ({ ...e, name: undefined }))
          }}
          error={errors.name ?? serverErrors.realName}
          maxlength={30}
        />
        {saved && (
          <Text id='signup-id-saved' className='signup__saved'>
            已保存：{saved}
          </Text>
        )}
        <TextField
          id='signup-id'
          label={saved ? '更改身份证号（选填）' : '身份证号'}
          hint={idHint}
          type='idcard'
          value={idNumber}
          onChange={(v) => {
            setIdNumber(normalizeId(v))
            setErrors((e) => ({ ...e, id: undefined }))
          }}
          error={idError}
          maxlength={18}
        />
        {check.state === 'ok' && (
          <Text id='signup-id-ok' className='signup__ok'>
            ✓ 号码正确：{check.birthDate.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`)}出生，{SEX[check.sex]}
          </Text>
        )}
      </View>
      <StepButton id={next.id} label={next.label} loading={saving} onClick={go} />
    </View>
  )
}
