import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ReasonSchema, VETTING_DECISIONS, VOLUNTEER_STATUS_LABELS, canTransition, type VettingApplication, type VettingDecision } from '@qstx/shared'
import { isApiError } from '../../../../api/api-error'
import { useDecide } from '../../../../api/vetting'
import ConflictNotice from '../../../../components/ConflictNotice'
import TextArea from '../../../../components/TextArea'
import { DECISION_LABELS, DECISION_REASON } from '../../labels'

/** What still stands between this application and approval, in words (the server's rule, read from the recorded checks). */
function approvalBlockers(c: VettingApplication['checks']): string[] {
  const missing: string[] = []
  if (!c.identityVerified) missing.push('当面核验身份')
  if (c.criminalRecordResult === 'not_clear') return ['入职查询发现违法犯罪记录，不能批准']
  if (c.criminalRecordResult !== 'clear') missing.push('入职查询结果为“无违法犯罪记录”')
  if (!c.trainingCompletedOn) missing.push('岗前培训')
  return missing.length ? [`批准前须完成：${missing.join('、')}。记录后请先点“保存核查结果”。`] : []
}

/**
 * The decision — approve, ask for more, or reject — always with a reason the volunteer reads.
 * Approve stays disabled, with the reason why, until the three checks are recorded. If someone else
 * decided first (409), say so and offer a refresh instead of an error code.
 */
export default function DecisionForm({ application: a, onRefresh }: { application: VettingApplication; onRefresh: () => void }) {
  const decide = useDecide(a.id)
  const [decision, setDecision] = useState<VettingDecision | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>()
  const possible = VETTING_DECISIONS.filter((d) => canTransition(a.status, d))
  const blockers = approvalBlockers(a.checks)
  const conflict = decide.isError && isApiError(decide.error) && decide.error.status === 409

  if (decide.isSuccess) {
    return (
      <View id='decision-done' className='card'>
        <Text className='section-title'>已处理：{VOLUNTEER_STATUS_LABELS[a.status]}</Text>
        <Text className='vetting__line'>志愿者会收到通知，并能在“我的报名”里看到您写的原因。</Text>
      </View>
    )
  }
  if (possible.length === 0) return null

  const submit = async () => {
    if (!decision || decide.isPending) return
    const parsed = ReasonSchema.safeParse(reason)
    if (!parsed.success) return setReasonError(parsed.error.issues[0]?.message)
    setReasonError(undefined)
    // Nothing leaves "rejected": ask once more.
    if (decision === 'reject') {
      const { confirm } = await Taro.showModal({ title: '确定不予通过？', content: '不予通过后，这份报名就结束了，志愿者会看到您写的原因。', confirmText: '不予通过', cancelText: '再想想' })
      if (!confirm) return
    }
    decide.mutate({ decision, reason: parsed.data })
  }

  const serverReasonError = decide.isError && isApiError(decide.error) ? decide.error.fields.reason : undefined
  const generalError = decide.isError && !conflict && !serverReasonError ? [decide.error.message, ...Object.values(isApiError(decide.error) ? decide.error.fields : {})].join(' ') : null

  return (
    <View id='decision-form' className='card'>
      <Text className='section-title'>审核决定</Text>
      {conflict && (
        <ConflictNotice
          id='decision-conflict'
          refreshId='decision-refresh'
          onRefresh={() => {
            decide.reset()
            setDecision(null)
            onRefresh()
          }}
        />
      )}
      <View className='decision__options'>
        {possible.map((d) => {
          const disabled = d === 'approve' && blockers.length > 0
          return (
            <View key={d}>
              <Text
                id={`decision-${d}`}
                className={`decision__option${decision === d ? ' decision__option--on' : ''}${disabled ? ' decision__option--disabled' : ''}`}
                aria-disabled={disabled}
                aria-selected={decision === d}
                onClick={() => {
                  if (disabled) return
                  setDecision(d)
                  decide.reset()
                }}
              >
                {DECISION_LABELS[d]}
              </Text>
              {disabled && (
                <Text id='decision-approve-blocked' className='decision__blocked'>
                  {blockers[0]}
                </Text>
              )}
            </View>
          )
        })}
      </View>
      {decision && (
        <View>
          <TextArea
            id='decision-reason'
            label={DECISION_REASON[decision].label}
            hint={DECISION_REASON[decision].hint}
            value={reason}
            onChange={(v) => {
              setReason(v)
              setReasonError(undefined)
            }}
            error={reasonError ?? serverReasonError}
            maxlength={200}
          />
          {generalError && (
            <Text id='decision-error' className='form-error'>
              {generalError}
            </Text>
          )}
          <Button id='decision-submit' type={decision === 'reject' ? 'danger' : 'primary'} size='large' block loading={decide.isPending} onClick={() => void submit()}>
            {decision === 'approve' ? '批准' : decision === 'request_info' ? '请对方补充材料' : '不予通过'}
          </Button>
        </View>
      )}
    </View>
  )
}
