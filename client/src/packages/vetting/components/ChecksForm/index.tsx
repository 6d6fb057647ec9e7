import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import {
  CRIMINAL_RECORD_RESULT_LABELS, CRIMINAL_RECORD_RESULTS, RecordChecksBodySchema, type CriminalRecordResult, type RecordChecksBody,
  type VettingApplication,
} from '@qstx/shared'
import { useRecordChecks } from '../../../../api/vetting'
import ChoiceChips, { options } from '../../../../components/ChoiceChips'
import TextArea from '../../../../components/TextArea'
import TextField from '../../../../components/TextField'
import Tick from '../../../../components/Tick'
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../../../utils/form-errors'
import { todayInChina } from '../../../../utils/format'
import DateField from '../DateField'

type Checks = VettingApplication['checks']

/** Only what changed against the recorded checks: each save is one history entry of what happened. */
function changes(c: Checks, f: { identity: boolean; identityOn: string; criminal: CriminalRecordResult | null; criminalOn: string; training: boolean; trainingOn: string; course: string; note: string }): RecordChecksBody {
  const body: RecordChecksBody = {}
  if (f.identity !== c.identityVerified || (f.identity && f.identityOn !== c.identityVerifiedOn)) {
    body.identityVerified = f.identity
    if (f.identity) body.identityVerifiedOn = f.identityOn
  }
  const dated = f.criminal === 'clear' || f.criminal === 'not_clear'
  if (f.criminal && (f.criminal !== c.criminalRecordResult || (dated && f.criminalOn !== c.criminalRecordCheckedOn))) {
    body.criminalRecordResult = f.criminal
    if (dated) body.criminalRecordCheckedOn = f.criminalOn
  }
  if (f.training && (f.trainingOn !== c.trainingCompletedOn || f.course.trim() !== (c.trainingCourse ?? ''))) {
    body.trainingCompletedOn = f.trainingOn
    body.trainingCourse = f.course.trim()
  }
  if (f.note.trim() !== (c.interviewNote ?? '')) body.interviewNote = f.note.trim()
  return body
}

/**
 * The three checks approval needs, recorded as they happen (an interview today, the criminal-record
 * query's answer weeks later): identity seen in person, the 入职查询 result, training; plus a note.
 * Dates default to today and open the date picker when tapped.
 */
export default function ChecksForm({ application }: { application: VettingApplication }) {
  const c = application.checks
  const today = todayInChina()
  const record = useRecordChecks(application.id)
  const [identity, setIdentity] = useState(c.identityVerified)
  const [identityOn, setIdentityOn] = useState(c.identityVerifiedOn ?? today)
  const [criminal, setCriminal] = useState<CriminalRecordResult | null>(c.criminalRecordResult)
  const [criminalOn, setCriminalOn] = useState(c.criminalRecordCheckedOn ?? today)
  const [training, setTraining] = useState(c.trainingCompletedOn !== null)
  const [trainingOn, setTrainingOn] = useState(c.trainingCompletedOn ?? today)
  const [course, setCourse] = useState(c.trainingCourse ?? '')
  const [note, setNote] = useState(c.interviewNote ?? '')
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const [saved, setSaved] = useState(false)
  const errors: FieldErrors = { ...(record.isError ? serverFieldErrors(record.error) : {}), ...clientErrors }

  /** A setter that also clears the last save's message and errors. */
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value)
      setSaved(false)
      setClientErrors({})
    }
  const save = () => {
    if (record.isPending) return
    const body = changes(c, { identity, identityOn, criminal, criminalOn, training, trainingOn, course, note })
    const parsed = RecordChecksBodySchema.safeParse(body)
    if (!parsed.success) return setClientErrors({ form: '没有需要保存的修改', ...zodFieldErrors(parsed.error) })
    record.mutate(parsed.data, { onSuccess: () => setSaved(true) })
  }
  const fieldError = (...keys: string[]) => keys.map((k) => errors[k]).find(Boolean)
  const formError = errors.form ?? (record.isError && Object.keys(serverFieldErrors(record.error)).length === 0 ? record.error.message : undefined)

  return (
    <View id='checks-form' className='card'>
      <Text className='section-title'>核查记录</Text>
      <View className='vetting__check'>
        <Text className='vetting__check-title'>1. 当面核验身份</Text>
        <Tick id='check-identity' tone='success' on={identity} label='已当面查看身份证原件，与本人一致' onToggle={() => edit(setIdentity)(!identity)} />
        {identity && <DateField id='check-identity-date' label='核验日期' value={identityOn} onChange={edit(setIdentityOn)} />}
        {fieldError('identityVerified', 'identityVerifiedOn') && <Text className='vetting__field-error'>{fieldError('identityVerified', 'identityVerifiedOn')}</Text>}
      </View>
      <View className='vetting__check'>
        <Text className='vetting__check-title'>2. 入职查询（违法犯罪记录）</Text>
        <ChoiceChips
          id='check-criminal'
          options={options(CRIMINAL_RECORD_RESULTS, CRIMINAL_RECORD_RESULT_LABELS)}
          tone={(v) => (v === 'not_clear' ? 'danger' : undefined)}
          value={criminal}
          onChange={edit(setCriminal)}
          error={fieldError('criminalRecordResult')}
        />
        {(criminal === 'clear' || criminal === 'not_clear') && (
          <DateField id='check-criminal-date' label='收到结果日期' value={criminalOn} onChange={edit(setCriminalOn)} />
        )}
        {fieldError('criminalRecordCheckedOn') && <Text className='vetting__field-error'>{fieldError('criminalRecordCheckedOn')}</Text>}
      </View>
      <View className='vetting__check'>
        <Text className='vetting__check-title'>3. 岗前培训</Text>
        <Tick
          id='check-training'
          tone='success'
          on={training}
          label='已完成岗前培训'
          // A recorded training stays recorded (the server keeps it); its date and course can be corrected.
          onToggle={() => {
            if (c.trainingCompletedOn === null) edit(setTraining)(!training)
          }}
        />
        {training && (
          <View>
            <DateField id='check-training-date' label='完成日期' value={trainingOn} onChange={edit(setTrainingOn)} />
            <TextField
              id='check-training-course'
              label='培训课程'
              hint='例如：牵手童行爱心家长岗前培训（县妇联）'
              value={course}
              onChange={edit(setCourse)}
              error={fieldError('trainingCourse', 'trainingCompletedOn')}
              maxlength={60}
            />
          </View>
        )}
      </View>
      <TextArea id='check-interview' label='面谈记录（选填）' value={note} onChange={edit(setNote)} error={fieldError('interviewNote')} maxlength={500} />
      {formError && (
        <Text id='checks-error' className='form-error'>
          {formError}
        </Text>
      )}
      {saved && (
        <Text id='checks-saved' className='vetting__saved'>
          ✓ 核查结果已保存
        </Text>
      )}
      <Button id='checks-save' type='primary' size='large' block loading={record.isPending} onClick={save}>
        保存核查结果
      </Button>
    </View>
  )
}
