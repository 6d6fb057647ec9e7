import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PAIRING_END_REASON_LABELS, PAIRING_EVENT_LABELS, PAIRING_EVENT_OF, type PairingDetail, type PairingEndReason, type PairingTransition, type Role } from '@qstx/shared'
import { isApiError } from '../../../../api/api-error'
import { usePairingStep, type PairingStep } from '../../../../api/pairings'
import ChoiceChips from '../../../../components/ChoiceChips'
import ConflictNotice from '../../../../components/ConflictNotice'
import TextArea from '../../../../components/TextArea'
import { formatDate, todayInChina } from '../../../../utils/format'
import { CHOSEN_END_REASONS } from '../../labels'
import DateField from '../../../../components/DateField'
import { STEPS, addDays, possibleSteps } from './steps'
import './index.scss'

/** The body the step sends, from what was entered (checked with the step's shared schema before sending). */
function bodyOf(step: PairingTransition, f: { note: string; reason: string; endReason: PairingEndReason | null; startDate: string; resumeDate: string }) {
  const note = f.note.trim() || null
  switch (step) {
    case 'acknowledge':
    case 'resume': return { note }
    case 'approve': return { startDate: f.startDate, note }
    case 'decline': return { reason: f.reason }
    case 'pause': return { reason: f.reason, expectedResumeDate: f.resumeDate }
    case 'end': return { reason: f.endReason ?? undefined, note }
  }
}

/** Field errors of a step by input: the end reason arrives as `reason` but is the chips, the note is the text box. */
function inputOf(step: PairingTransition, field: string): 'note' | 'reason' | 'endReason' | 'startDate' | 'resumeDate' {
  if (step === 'end') return field === 'reason' ? 'endReason' : 'note'
  if (field === 'expectedResumeDate') return 'resumeDate'
  return field as 'note' | 'reason' | 'startDate'
}

/**
 * What this person may do with the pairing now, by role (shared matrix) and state (shared state
 * machine): the director acknowledges or declines for the family; the coordinator approves from a
 * start date, declines, pauses with a reason and an expected resume date, resumes, or ends with a
 * reason. Two people deciding at once: the second gets 409, shown as “已被他人处理，请刷新”.
 */
export default function PairingActions({ pairing: p, role, onRefresh }: { pairing: PairingDetail; role: Role | undefined; onRefresh: () => void }) {
  const run = usePairingStep(p.id)
  const today = todayInChina()
  const [step, setStep] = useState<PairingTransition | null>(null)
  const [note, setNote] = useState('')
  const [reason, setReason] = useState('')
  const [endReason, setEndReason] = useState<PairingEndReason | null>(null)
  const [startDate, setStartDate] = useState(today)
  const [resumeDate, setResumeDate] = useState(() => addDays(today, 30))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [done, setDone] = useState<PairingTransition | null>(null)
  const steps = possibleSteps(p.state, role)
  const conflict = run.isError && isApiError(run.error) && run.error.code === 'PAIRING_STATE_CONFLICT'

  const choose = (s: PairingTransition) => {
    setStep(s)
    setErrors({})
    setDone(null)
    run.reset()
  }

  const submit = async () => {
    if (!step || run.isPending) return
    const spec = STEPS[step]
    if (step === 'end' && !endReason) return setErrors({ endReason: '请选择结束原因' })
    const parsed = spec.schema.safeParse(bodyOf(step, { note, reason, endReason, startDate, resumeDate }))
    if (!parsed.success) {
      return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [inputOf(step, String(i.path[0] ?? 'note')), i.message])))
    }
    setErrors({})
    if (spec.confirm) {
      const { confirm } = await Taro.showModal({ title: `确定${spec.label}？`, content: spec.confirm, confirmText: spec.button, cancelText: '再想想' })
      if (!confirm) return
    }
    run.mutate({ step, body: parsed.data } as PairingStep, {
      onSuccess: () => {
        setDone(step)
        setStep(null)
        setNote('')
        setReason('')
      },
    })
  }

  const serverFields = run.isError && isApiError(run.error) && step ? Object.fromEntries(Object.entries(run.error.fields).map(([k, v]) => [inputOf(step, k), v])) : {}
  const shown = { ...serverFields, ...errors }
  const generalError = run.isError && !conflict && Object.keys(serverFields).length === 0 ? run.error.message : null

  if (steps.length === 0 && !done && !conflict) return null
  const spec = step ? STEPS[step] : null
  const text = spec?.reason ?? spec?.note
  return (
    <View id='pairing-actions' className='card'>
      <Text className='section-title'>办理</Text>
      {done && (
        <Text id='pairing-done' className='pairing-actions__done'>
          已办理：{PAIRING_EVENT_LABELS[PAIRING_EVENT_OF[done]]}
        </Text>
      )}
      {conflict && (
        <ConflictNotice
          id='pairing-conflict'
          refreshId='pairing-refresh'
          onRefresh={() => {
            run.reset()
            setStep(null)
            onRefresh()
          }}
        />
      )}
      <View className='pairing-actions__options'>
        {steps.map((s) => (
          <Text
            key={s}
            id={`pairing-action-${s}`}
            className={`pairing-actions__option${step === s ? ' pairing-actions__option--on' : ''}${STEPS[s].danger ? ' pairing-actions__option--danger' : ''}`}
            aria-selected={step === s}
            onClick={() => choose(s)}
          >
            {STEPS[s].label}
          </Text>
        ))}
      </View>
      {step && spec && (
        <View>
          {step === 'approve' && (
            <DateField id='pairing-start-date' label='结对开始日期' value={startDate} onChange={setStartDate} start={formatDate(p.proposedAt)} end={addDays(today, 90)} error={shown.startDate} />
          )}
          {step === 'pause' && (
            <DateField id='pairing-resume-date' label='预计恢复日期' value={resumeDate} onChange={setResumeDate} start={addDays(today, 1)} end={addDays(today, 366)} error={shown.resumeDate} />
          )}
          {step === 'end' && (
            <ChoiceChips
              id='pairing-end-reason'
              label='结束原因'
              options={CHOSEN_END_REASONS.map((r) => ({ value: r, label: PAIRING_END_REASON_LABELS[r] }))}
              value={endReason}
              onChange={setEndReason}
              error={shown.endReason}
            />
          )}
          {text && (
            <TextArea
              id={spec.reason ? 'pairing-reason' : 'pairing-note'}
              label={text.label}
              hint={text.hint}
              value={spec.reason ? reason : note}
              onChange={spec.reason ? setReason : setNote}
              error={spec.reason ? shown.reason : shown.note}
              maxlength={200}
            />
          )}
          {generalError && (
            <Text id='pairing-error' className='form-error'>
              {generalError}
            </Text>
          )}
          <Button id='pairing-submit' type={spec.danger ? 'danger' : 'primary'} size='large' block loading={run.isPending} onClick={() => void submit()}>
            {spec.button}
          </Button>
        </View>
      )}
    </View>
  )
}
