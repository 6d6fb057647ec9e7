import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { DeclineTransferBodySchema, RequestTransferBodySchema, TRANSFER_STATUS_LABELS, roleCan, type Transfer } from '@qstx/shared'
import { useDecideTransfer, useRequestTransfer, useTransfers } from '../../../../api/children'
import ErrorState from '../../../../components/ErrorState'
import TextField from '../../../../components/TextField'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { zodFieldErrors, type FieldErrors } from '../../../../utils/form-errors'
import { formatDate } from '../../../../utils/format'
import { idNumberProblem } from '../../form/sections-a'
import './index.scss'

/**
 * Files moving between villages: ask for the file of a child who moved in (by ID number — the
 * director has the child in front of them), and decide on requests for this village's files.
 */
export default function TransfersPage() {
  useRequireLogin()
  const me = useMe()
  const role = me.data?.activeRole?.role
  const transfers = useTransfers()
  const ask = useRequestTransfer()
  const decide = useDecideTransfer()
  const [idNumber, setIdNumber] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [declining, setDeclining] = useState<string | null>(null)
  const [declineReason, setDeclineReason] = useState('')
  const [declineError, setDeclineError] = useState<string | undefined>()
  useDidShow(() => void transfers.refetch())

  const send = () => {
    const parsed = RequestTransferBodySchema.safeParse({ idNumber, reason })
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error))
    setErrors({})
    ask.mutate(parsed.data, {
      onSuccess: () => {
        setIdNumber('')
        setReason('')
        void Taro.showToast({ title: '已发出转移申请', icon: 'none' })
      },
    })
  }

  const decline = (t: Transfer) => {
    const parsed = DeclineTransferBodySchema.safeParse({ reason: declineReason })
    if (!parsed.success) return setDeclineError(zodFieldErrors(parsed.error).reason)
    setDeclineError(undefined)
    decide.mutate({ id: t.id, decision: 'decline', reason: parsed.data.reason }, { onSuccess: () => setDeclining(null) })
  }

  const accept = async (t: Transfer) => {
    const { confirm } = await Taro.showModal({
      title: '同意转移',
      content: `${t.child?.name ?? '该儿童'}的档案将连同历史记录转到${t.toVillageName}，本村不再保管。确定吗？`,
      confirmText: '同意转移',
      cancelText: '取消',
    })
    if (confirm) decide.mutate({ id: t.id, decision: 'accept' })
  }

  return (
    <View className='page transfers'>
      <Text className='page-title'>档案转移</Text>
      {role && roleCan(role, 'child.transfer.request') && (
        <View className='card'>
          <Text className='section-title'>申请转入档案</Text>
          <Text className='item__line transfers__lead'>儿童从别的村迁入本村：输入孩子的身份证号，原村儿童主任同意后，档案连同历史记录转入。</Text>
          <TextField id='transfer-id-number' label='儿童身份证号' value={idNumber} onChange={(v) => setIdNumber(v.toUpperCase())} error={idNumberProblem(idNumber) ?? errors.idNumber} maxlength={18} />
          <TextField id='transfer-reason' label='转移原因' hint='例如：随父母迁入本村居住' value={reason} onChange={setReason} error={errors.reason} maxlength={200} />
          {ask.isError && <Text className='form-error'>{ask.error.message}</Text>}
          <Button id='transfer-send' type='primary' size='large' block loading={ask.isPending} onClick={send}>
            发出申请
          </Button>
        </View>
      )}
      {decide.isError && <Text className='form-error'>{decide.error.message}</Text>}
      {transfers.isPending && <Text className='muted'>正在加载…</Text>}
      {transfers.isError && <ErrorState id='transfers-error' title='无法加载转移申请' message={transfers.error.message} onRetry={() => void transfers.refetch()} />}
      {transfers.data?.length === 0 && (
        <Text id='transfers-empty' className='card muted'>
          没有转移申请。
        </Text>
      )}
      {transfers.data && transfers.data.length > 0 && (
        <View id='transfers-list'>
          {transfers.data.map((t) => (
            <View key={t.id} id={`transfer-${t.id}`} className='card'>
              <Text className='item__title'>
                {t.yourPart === 'holder' ? '请求转出' : t.yourPart === 'requester' ? '本村申请转入' : '转移'}：{t.child?.name ?? `身份证尾号 ${t.idNumberLast4 ?? '—'}`}
              </Text>
              <Text className='item__line'>
                {t.fromVillageName ?? '原村'} → {t.toVillageName}
              </Text>
              <Text className='item__line'>原因：{t.reason}</Text>
              <Text className='item__line'>
                {formatDate(t.requestedAt)} · {t.requestedByName ?? ''}申请
              </Text>
              <Text className={`transfers__status transfers__status--${t.status}`}>{TRANSFER_STATUS_LABELS[t.status]}</Text>
              {t.declineReason && <Text className='item__line'>拒绝原因：{t.declineReason}</Text>}
              {declining === t.id && (
                <View className='transfers__decline'>
                  <TextField id='transfer-decline-reason' label='拒绝原因' value={declineReason} onChange={setDeclineReason} error={declineError} maxlength={200} />
                </View>
              )}
              {t.status === 'pending' && t.yourPart === 'holder' && role && roleCan(role, 'child.transfer.decide') && (
                <View className='button-row'>
                  <Button
                    id={`transfer-decline-${t.id}`}
                    size='large'
                    onClick={() => {
                      if (declining === t.id) decline(t)
                      else {
                        setDeclining(t.id)
                        setDeclineReason('')
                      }
                    }}
                  >
                    {declining === t.id ? '确定拒绝' : '拒绝'}
                  </Button>
                  <Button id={`transfer-accept-${t.id}`} type='primary' size='large' onClick={() => void accept(t)}>
                    同意转出
                  </Button>
                </View>
              )}
              {t.status === 'pending' && t.yourPart === 'requester' && (
                <Button id={`transfer-cancel-${t.id}`} size='normal' block onClick={() => decide.mutate({ id: t.id, decision: 'cancel' })}>
                  撤回申请
                </Button>
              )}
              {t.status === 'accepted' && t.child && t.yourPart === 'requester' && (
                <Text className='link' onClick={() => void Taro.navigateTo({ url: `${ROUTES.childFile}?id=${encodeURIComponent(t.child!.id)}` })}>
                  查看档案
                </Text>
              )}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
