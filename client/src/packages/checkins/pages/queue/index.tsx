import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ReasonSchema } from '@qstx/shared'
import { useCheckinQueue, useDecideCheckin } from '../../../../api/checkins'
import ErrorState from '../../../../components/ErrorState'
import TextArea from '../../../../components/TextArea'
import { useRefetchOnShow } from '../../../../hooks/use-refetch-on-show'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import CheckinCard from '../../components/CheckinCard'
import DeskFrame from '../../../../components/DeskFrame'
import { ROUTES } from '../../../../constants/routes'
import './index.scss'

/**
 * 李主任's queue (JOURNEYS step 3): the love parents' check-ins in her village, oldest first. She
 * knows whether the visit happened: 确认 counts it for the volunteer's hours and points; 有异议
 * needs a reason, which the volunteer is told.
 */
export default function CheckinQueuePage() {
  useRequireLogin()
  const queue = useCheckinQueue(1)
  const decide = useDecideCheckin()
  const [disputing, setDisputing] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>()
  useRefetchOnShow(queue)

  const done = (title: string) => () => {
    setDisputing(null)
    setReason('')
    void Taro.showToast({ title, icon: 'success' })
  }
  const confirm = (id: string) => decide.mutate({ id, kind: 'confirm' }, { onSuccess: done('已确认') })
  const dispute = (id: string) => {
    if (disputing !== id) {
      setDisputing(id)
      setReason('')
      setReasonError(undefined)
      return
    }
    const parsed = ReasonSchema.safeParse(reason)
    if (!parsed.success) return setReasonError(parsed.error.issues[0]?.message)
    setReasonError(undefined)
    decide.mutate({ id, kind: 'dispute', reason: parsed.data }, { onSuccess: done('已提出疑问') })
  }
  const data = queue.data

  return (
    <DeskFrame current={ROUTES.checkinQueue}>
      <View className='page checkin-queue'>
        <Text className='page-title'>走访待确认</Text>
        {queue.isError && <ErrorState id='queue-error' title='无法加载待确认的走访' message={queue.error.message} onRetry={() => void queue.refetch()} />}
        {queue.isPending && <Text className='muted'>正在加载…</Text>}
        {data && (
          <Text id='queue-total' className='muted checkin-queue__total'>
            {data.total === 0 ? '' : `共 ${data.total} 条，先处理最早的。`}
          </Text>
        )}
        {data?.items.length === 0 && (
          <Text id='queue-empty' className='card muted'>
            没有待确认的走访。
          </Text>
        )}
        {data && data.items.length > 0 && (
          <View id='queue-list'>
            {data.items.map((item) => {
              const busy = decide.isPending && decide.variables?.id === item.id
              const failed = decide.isError && decide.variables?.id === item.id
              return (
                <CheckinCard key={item.id} id={`queue-item-${item.id}`} item={item}>
                  {disputing === item.id && (
                    <View className='checkin-queue__reason'>
                      <TextArea id={`queue-reason-${item.id}`} label='有什么疑问' hint='志愿者会看到，请写清楚' value={reason} onChange={setReason} error={reasonError} maxlength={200} />
                    </View>
                  )}
                  {failed && (
                    <Text id={`queue-error-${item.id}`} className='form-error'>
                      {decide.error.message}
                    </Text>
                  )}
                  <View className='button-row'>
                    {disputing === item.id ? (
                      <Button size='large' disabled={busy} onClick={() => setDisputing(null)}>
                        取消
                      </Button>
                    ) : (
                      <Button id={`queue-confirm-${item.id}`} type='primary' size='large' loading={busy && decide.variables?.kind === 'confirm'} disabled={busy} onClick={() => confirm(item.id)}>
                        确认属实
                      </Button>
                    )}
                    <Button
                      id={disputing === item.id ? `queue-dispute-send-${item.id}` : `queue-dispute-${item.id}`}
                      size='large'
                      loading={busy && decide.variables?.kind === 'dispute'}
                      disabled={busy}
                      onClick={() => dispute(item.id)}
                    >
                      {disputing === item.id ? '提交疑问' : '有异议'}
                    </Button>
                  </View>
                </CheckinCard>
              )
            })}
          </View>
        )}
      </View>
    </DeskFrame>
  )
}
