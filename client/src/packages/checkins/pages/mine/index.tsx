import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CHECKIN_STATUS_LABELS, PAIRING_HEALTH_LABELS } from '@qstx/shared'
import { useMyCheckins } from '../../../../api/checkins'
import ErrorState from '../../../../components/ErrorState'
import NavRow from '../../../../components/NavRow'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useRefetchOnShow } from '../../../../hooks/use-refetch-on-show'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { discardOutboxItem, flushOutbox, useOutbox, type OutboxView } from '../../../../offline/sync'
import { formatDateTime } from '../../../../utils/format'
import { STATUS_CLASS, durationText, howText } from '../../labels'
import DeskFrame from '../../../../components/DeskFrame'
import './index.scss'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** What waits on this phone: 待发送, 正在发送, or 未能发送 with the server's reason. Needs no network. */
function Outbox({ outbox }: { outbox: OutboxView }) {
  if (outbox.items.length === 0) return null
  return (
    <View id='outbox' className='card mine__outbox'>
      <Text id='outbox-count' className='item__title'>
        待发送 {outbox.pending} 条{outbox.failed > 0 ? `，未能发送 ${outbox.failed} 条` : ''}
      </Text>
      <Text className='item__line'>保存在这部手机上，有网络时自动发送，不会重复。</Text>
      {outbox.items.map((item) => {
        const state = item.status === 'failed' ? '未能发送' : outbox.isSending(item.key) ? '正在发送…' : '待发送'
        return (
          <View key={item.key} id={`outbox-item-${item.key}`} className='mine__outbox-item'>
            <Text className='item__line'>
              {item.label} · {formatDateTime(item.createdAt)} 记录
            </Text>
            <Text id={`outbox-state-${item.key}`} className={item.status === 'failed' ? 'status status--disputed' : 'status status--waiting'}>
              {state}
            </Text>
            {item.lastError && <Text className='item__line'>{item.status === 'failed' ? `原因：${item.lastError}` : `上次尝试：${item.lastError}`}</Text>}
            {item.status === 'failed' && (
              <Text id={`outbox-discard-${item.key}`} className='link' onClick={() => discardOutboxItem(item.key)}>
                知道了，删除这条
              </Text>
            )}
          </View>
        )
      })}
      {outbox.pending > 0 && (
        <Button id='outbox-send' size='large' block onClick={() => void flushOutbox()}>
          现在发送
        </Button>
      )}
    </View>
  )
}

/**
 * The love parent's record (王阿姨: "her hours and points go up"): platform-recorded hours and
 * points from confirmed check-ins, each pairing's next due contact, the check-ins with their
 * status — and what is still waiting on the phone to be sent.
 */
export default function MyCheckinsPage() {
  useRequireLogin()
  const me = useMe()
  const mine = useMyCheckins()
  const outbox = useOutbox(me.data?.userId)
  useRefetchOnShow(mine)
  // Someone looking at what waits is a good moment to try sending it.
  useDidShow(() => void flushOutbox())

  const data = mine.data
  return (
    <DeskFrame current={ROUTES.checkinMine}>
      <View className='page mine'>
        <Text className='page-title'>我的服务记录</Text>
        <Outbox outbox={outbox} />
        {mine.isError && <ErrorState id='mine-error' title='无法加载服务记录' message={mine.error.message} onRetry={() => void mine.refetch()} />}
        {mine.isPending && <Text className='muted'>正在加载…</Text>}
        {data && (
          <View>
            <View id='mine-totals' className='card mine__totals'>
              <View className='mine__figures'>
                <View className='mine__figure'>
                  <Text id='mine-hours' className='mine__value'>{data.totals.hours}</Text>
                  <Text className='mine__unit'>{data.hoursLabel}（小时）</Text>
                </View>
                <View className='mine__figure'>
                  <Text id='mine-points' className='mine__value'>{data.totals.points}</Text>
                  <Text className='mine__unit'>志愿积分</Text>
                </View>
              </View>
              <Text className='item__line'>
                已确认 <Text id='mine-confirmed'>{data.totals.confirmed}</Text> 次 · 待确认 <Text id='mine-pending'>{data.totals.pending}</Text> 次 · 有异议{' '}
                <Text id='mine-disputed'>{data.totals.disputed}</Text> 次
              </Text>
              {data.activities.confirmed + data.activities.pending > 0 && (
                <Text id='mine-activity-hours' className='item__line'>
                  其中关爱活动 {data.activities.hours} 小时（已确认 {data.activities.confirmed} 次，待确认 {data.activities.pending} 次）
                </Text>
              )}
              <Text id='mine-hours-note' className='mine__note'>
                {data.hoursNote}。只有儿童主任确认的走访和活动才计入时长和积分。
              </Text>
            </View>
            {data.pairings.map((p) => (
              <View key={p.pairingId} id={`mine-pairing-${p.pairingId}`} className='card'>
                <Text className='item__title'>{p.childDisplayName}</Text>
                <Text className='item__line'>
                  下次联系：{p.cadence.nextDueOn}（{PAIRING_HEALTH_LABELS[p.cadence.health]}）
                </Text>
                {p.waterSafety && (
                  <Text id={`mine-water-${p.pairingId}`} className='item__line'>
                    {p.waterSafety.done ? `✓ ${p.waterSafety.label}已记录` : `${p.waterSafety.label}：请在 ${p.waterSafety.dueOn} 前给孩子讲一次，记录走访时选“防溺水安全教育”`}
                  </Text>
                )}
                {p.cadence.phase === 'first_month' && (
                  <Text className='item__line'>
                    结对第一个月：已联系 {p.cadence.firstMonthContacts} / {p.cadence.firstMonthRequired} 次
                  </Text>
                )}
                <Button id={`mine-record-${p.pairingId}`} className='mine__record' type='primary' size='large' block onClick={go(`${ROUTES.checkinCreate}?pairingId=${p.pairingId}`)}>
                  记录走访
                </Button>
              </View>
            ))}
            <Text className='section-title'>走访记录</Text>
            {data.items.length === 0 ? (
              <Text id='mine-empty' className='card muted'>
                还没有走访记录。
              </Text>
            ) : (
              <View id='mine-list'>
                {data.items.map((c) => (
                  <View key={c.id} id={`mine-checkin-${c.id}`} className='card'>
                    <Text className='item__title'>{c.child.displayName}</Text>
                    <Text className='item__line'>
                      {formatDateTime(c.startedAt)} · {durationText(c.durationMinutes)}
                    </Text>
                    <Text className='item__line'>{howText(c)}</Text>
                    <Text id={`mine-status-${c.id}`} className={STATUS_CLASS[c.status]}>
                      {CHECKIN_STATUS_LABELS[c.status]}
                      {c.status === 'confirmed' && c.points !== null ? ` · +${c.points} 积分` : ''}
                    </Text>
                    {c.decisionNote && (
                      <Text id={`mine-note-${c.id}`} className='item__text'>
                        <Text className='item__label'>{c.status === 'disputed' ? '儿童主任的疑问：' : '儿童主任的备注：'}</Text>
                        {c.decisionNote}
                      </Text>
                    )}
                  </View>
                ))}
              </View>
            )}
          </View>
        )}
        <NavRow id='mine-honour-link' title='好人榜' description='本乡镇、本县的爱心家长，由您决定是否上榜' onClick={go(ROUTES.honourBoard)} />
      </View>
    </DeskFrame>
  )
}
