import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import {
  AddReportEventBodySchema, REFERRAL_LABELS, REFERRAL_TARGETS, REPORT_KIND_LABELS, REPORT_STATUS_LABELS, ROLE_LABELS, URGENCY_LABELS,
  type HandlerEventType, type ReferralTarget,
} from '@qstx/shared'
import { isApiError } from '../../../../api/api-error'
import { useAddReportEvent, useReport } from '../../../../api/safeguarding'
import ChoiceChips, { options } from '../../../../components/ChoiceChips'
import ErrorState from '../../../../components/ErrorState'
import TextArea from '../../../../components/TextArea'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { zodFieldErrors, type FieldErrors } from '../../../../utils/form-errors'
import { formatDateTime } from '../../../../utils/format'
import { ESCALATION_BADGES, EVENT_LABELS, STATUS_CLASS } from '../../labels'
import './index.scss'

/** The steps a handler records, in the order they usually come. */
const STEPS: ReadonlyArray<{ type: HandlerEventType; label: string; hint: string }> = [
  { type: 'acknowledged', label: '确认接收', hint: '告诉大家这份报告有人在处理（选填说明）' },
  { type: 'assessed', label: '评估', hint: '核实了什么，孩子现在的情况' },
  { type: 'referred', label: '转介', hint: '转给哪个部门，对方联系人或回执（选填）' },
  { type: 'measure', label: '采取措施', hint: '做了什么：送医、临时照料、联系监护人……' },
  { type: 'note', label: '补充说明', hint: '其他需要记录的情况' },
  { type: 'closed', label: '办结', hint: '结果和后续安排' },
]

/**
 * One report for the people who handle it (the notification of a new report opens this page):
 * what was seen, who reported it, the handling log, and a button for each step. Every step is
 * appended to the log with who and when; nothing is edited or removed.
 */
export default function ReportPage() {
  useRequireLogin()
  const { id = '' } = useRouter().params
  const report = useReport(id)
  const add = useAddReportEvent(id)
  const [step, setStep] = useState<HandlerEventType | null>(null)
  const [target, setTarget] = useState<ReferralTarget | null>(null)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [actionError, setActionError] = useState<string | null>(null)

  if (report.isError) {
    return (
      <View className='page'>
        <ErrorState id='report-error' title='无法打开报告' message={report.error.message} onRetry={() => void report.refetch()} />
      </View>
    )
  }
  if (!report.data) {
    return (
      <View className='page'>
        <Text className='muted'>正在加载…</Text>
      </View>
    )
  }

  const r = report.data
  const closed = r.status === 'closed'
  const escalation = ESCALATION_BADGES[r.escalationLevel]
  const available = STEPS.filter((s) => (closed ? s.type === 'note' : s.type !== 'acknowledged' || !r.acknowledged))
  const chosen = STEPS.find((s) => s.type === step)

  const choose = (type: HandlerEventType) => {
    setStep(type === step ? null : type)
    setErrors({})
    setActionError(null)
  }

  const submit = () => {
    if (!step || add.isPending) return
    const parsed = AddReportEventBodySchema.safeParse({ type: step, ...(step === 'referred' && target ? { referredTo: target } : {}), ...(note.trim() ? { note } : {}) })
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error))
    setErrors({})
    add.mutate(parsed.data, {
      onSuccess: () => {
        void Taro.showToast({ title: `已记录：${chosen?.label ?? ''}`, icon: 'none' })
        setStep(null)
        setTarget(null)
        setNote('')
        setActionError(null)
      },
      onError: (error) => {
        // Two handlers at once: the other one's acknowledgement stands; show the log as it is now.
        if (isApiError(error) && error.code === 'CONFLICT' && step === 'acknowledged') {
          setActionError('已有人确认接收')
          setStep(null)
        } else setActionError(error.message)
        void report.refetch()
      },
    })
  }

  return (
    <View className='page report'>
      <View id='report-detail' className={`card report__head${r.urgency === 'immediate' && !closed ? ' report__head--immediate' : ''}`}>
        <Text className='report__child'>{r.childName}</Text>
        <Text className='item__line'>{r.regionName}</Text>
        <Text className='item__title report__kind'>{REPORT_KIND_LABELS[r.kind]}</Text>
        <View>
          <Text className={r.urgency === 'immediate' ? 'badge-danger' : 'badge-warn'}>{URGENCY_LABELS[r.urgency]}</Text>
          {escalation && (
            <Text id='report-escalation' className='badge-danger'>
              {escalation}
            </Text>
          )}
          {!r.acknowledged && !closed && <Text className='badge-warn'>待确认接收</Text>}
          <Text id='report-status' className={STATUS_CLASS[r.status]}>
            {REPORT_STATUS_LABELS[r.status]}
          </Text>
        </View>
      </View>

      <View className='card'>
        <Text className='report__label'>看到或听到的情况</Text>
        <Text id='report-seen-text' className='report__seen'>
          {r.seen}
        </Text>
        <Text className='report__label'>时间</Text>
        <Text className='report__value'>{formatDateTime(r.seenAt)}</Text>
        {r.place && (
          <View>
            <Text className='report__label'>地点</Text>
            <Text className='report__value'>{r.place}</Text>
          </View>
        )}
        <Text className='report__label'>报告人</Text>
        <Text id='report-reporter' className='report__value'>
          {r.reporter.name}
          {r.reporter.role ? `（${ROLE_LABELS[r.reporter.role]}）` : ''} · {formatDateTime(r.createdAt)} 提交
        </Text>
      </View>

      <View className='card'>
        <Text className='section-title'>处理</Text>
        <View className='report__steps'>
          {available.map((s) => (
            <Text
              key={s.type}
              id={`report-action-${s.type}`}
              className={`report__step${step === s.type ? ' report__step--chosen' : ''}${s.type === 'acknowledged' ? ' report__step--primary' : ''}`}
              onClick={() => choose(s.type)}
            >
              {s.label}
            </Text>
          ))}
        </View>
        {actionError && (
          <Text id='report-action-error' className='form-error'>
            {actionError}
          </Text>
        )}
        {chosen && (
          <View className='report__panel'>
            {chosen.type === 'referred' && (
              <ChoiceChips id='report-refer' label='转介给' options={options(REFERRAL_TARGETS, REFERRAL_LABELS)} value={target} onChange={setTarget} error={errors.referredTo} />
            )}
            <TextArea id='report-note' label={chosen.type === 'acknowledged' || chosen.type === 'referred' ? '说明（选填）' : '说明'} hint={chosen.hint} value={note} onChange={setNote} error={errors.note} />
            <Button id='report-event-submit' type='primary' size='large' block loading={add.isPending} onClick={submit}>
              记录“{chosen.label}”
            </Button>
          </View>
        )}
      </View>

      <View className='card'>
        <Text className='section-title'>处理记录</Text>
        <View id='report-events' className='timeline'>
          {r.events.map((e) => (
            <View key={e.id} className={`timeline__item timeline__item--${e.type}`}>
              <Text className='timeline__title'>
                {EVENT_LABELS[e.type]}
                {e.referredTo ? `：${REFERRAL_LABELS[e.referredTo]}` : ''}
              </Text>
              <Text className='timeline__meta'>
                {formatDateTime(e.at)}
                {e.actorName ? ` · ${e.actorName}` : ''}
                {e.actorRole ? `（${ROLE_LABELS[e.actorRole]}）` : ''}
              </Text>
              {e.note && <Text className='timeline__note'>{e.note}</Text>}
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}
