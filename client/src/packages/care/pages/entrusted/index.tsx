import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import {
  CARE_QUALITY_LABELS, DUTY_STATUS_LABELS, ENTRUSTED_CARER_LABELS, ENTRUSTED_FOLLOW_UP_LABELS, ENTRUSTED_REASON_LABELS, PARENT_CONTACT_FREQUENCY_LABELS,
  PARENT_CONTACT_MODE_LABELS, roleCan, type EntrustedCare, type EntrustedStep,
} from '@qstx/shared'
import { useCarerChange, useEntrustedCare, useEntrustedStep } from '../../../../api/care'
import ErrorState from '../../../../components/ErrorState'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { serverFieldErrors } from '../../../../utils/form-errors'
import CarerForm from '../../components/CarerForm'
import EventList from '../../components/EventList'
import StepForm from '../../components/StepForm'
import './index.scss'

const STEP_TEXT: Record<EntrustedStep, { button: string; label: string; placeholder: string }> = {
  parents_notified: { button: '已告知父母或其他监护人', label: '怎样告知的，父母的意见', placeholder: '如：电话告知孩子母亲，她同意由孩子叔叔照顾' },
  carer_supported: { button: '已帮助、督促照护人履行职责', label: '采取了哪些帮助或督促', placeholder: '如：与奶奶约定每天接送，村医每周上门' },
}

function Arrangement({ a }: { a: NonNullable<EntrustedCare['arrangement']> }) {
  return (
    <View id='entrusted-arrangement' className='card'>
      <Text className='care__big'>
        {ENTRUSTED_CARER_LABELS[a.carer]}
        {a.carerName ? `：${a.carerName}` : ''}
      </Text>
      {a.reason && <Text className='care__line'>原因：{ENTRUSTED_REASON_LABELS[a.reason]}</Text>}
      <Text className='care__line'>开始照护：{a.since ?? '未填写'} · 委托监护确认书：{a.agreementOn ?? '未签订'}</Text>
      {a.parentContact && (
        <Text className='care__line'>
          父母联系：{PARENT_CONTACT_FREQUENCY_LABELS[a.parentContact.frequency]}（{a.parentContact.modes.map((m) => PARENT_CONTACT_MODE_LABELS[m]).join('、') || '—'}）
        </Text>
      )}
      <Text className='care__line'>
        委托照料情况：{a.quality ? CARE_QUALITY_LABELS[a.quality] : '未评估'} · 上次评估：{a.assessedOn ?? '—'}
      </Text>
    </View>
  )
}

/**
 * 委托照护 of one child (李主任 on a visit; the township and county read it): the arrangement, when
 * the yearly re-assessment falls due, and — after a finding — the steps the plans ask for in their
 * order: tell the parents, then a new carer chosen or the carer helped and urged.
 */
export default function EntrustedPage() {
  useRequireLogin()
  const { childId = '' } = useRouter().params
  const me = useMe()
  const records = !!me.data?.activeRole && roleCan(me.data.activeRole.role, 'entrusted.record')
  const care = useEntrustedCare(childId)
  const step = useEntrustedStep(childId)
  const change = useCarerChange(childId)
  const [open, setOpen] = useState<EntrustedStep | 'carer' | null>(null)
  const done = () => setOpen(null)
  const c = care.data

  if (care.isError) return <ErrorState id='entrusted-error' title='无法加载委托照护情况' message={care.error.message} onRetry={() => void care.refetch()} />
  if (!c) return <Text className='page muted'>正在加载…</Text>
  const steps: EntrustedStep[] = c.followUp === 'notify_parents' ? ['parents_notified'] : c.followUp === 'resolve' ? ['carer_supported'] : []
  return (
    <View className='page entrusted'>
      <Text className='page-title'>委托照护 · {c.name}</Text>
      {c.arrangement ? <Arrangement a={c.arrangement} /> : <Text className='card muted'>档案中没有登记委托照护人。</Text>}
      {c.review && (
        <Text id='entrusted-review' className='card'>
          年度评估：{c.review.dueOn} 前 · <Text className={c.review.status === 'overdue' ? 'care__bad' : 'care__ok'}>{DUTY_STATUS_LABELS[c.review.status]}</Text>
          {'\n'}（入户走访时在“记录联系或走访”里评估）
        </Text>
      )}
      {c.followUp && (
        <Text id='entrusted-follow-up' className='care__warn'>
          {ENTRUSTED_FOLLOW_UP_LABELS[c.followUp]}
        </Text>
      )}
      {records && (
        <View className='card'>
          {open === null && steps.map((s) => (
            <Button key={s} id={`entrusted-step-${s}`} type='primary' size='large' block onClick={() => setOpen(s)}>
              {STEP_TEXT[s].button}
            </Button>
          ))}
          {open === null && c.followUp !== 'notify_parents' && (
            <Button id='entrusted-change-carer' size='large' block onClick={() => setOpen('carer')}>
              {c.followUp === 'resolve' ? '父母已重新选择照护人' : '更换被委托照护人'}
            </Button>
          )}
          {open !== null && open !== 'carer' && (
            <StepForm idPrefix='entrusted-step' label={STEP_TEXT[open].label} placeholder={STEP_TEXT[open].placeholder} submitLabel='保存' busy={step.isPending} errors={serverFieldErrors(step.error)}
              onSubmit={(v) => step.mutate({ type: open, ...v }, { onSuccess: done })} />
          )}
          {open === 'carer' && <CarerForm busy={change.isPending} serverErrors={serverFieldErrors(change.error)} onSubmit={(body) => change.mutate(body, { onSuccess: done })} />}
          {(step.error ?? change.error) && <Text id='entrusted-form-error' className='form-error'>{(step.error ?? change.error)!.message}</Text>}
          {open !== null && <Text className='link' onClick={done}>取消</Text>}
        </View>
      )}
      <View className='card'>
        <Text className='section-title'>记录</Text>
        <EventList events={c.events} />
      </View>
    </View>
  )
}
