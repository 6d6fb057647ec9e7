import { Text, View } from '@tarojs/components'
import { PAIRING_END_REASON_LABELS, PAIRING_EVENT_LABELS, ROLE_LABELS, type PairingDetail } from '@qstx/shared'
import { formatDateTime } from '../../../../utils/format'
import './index.scss'

type PairingEvent = PairingDetail['events'][number]

/** The facts an event carries, in words: the start date, the expected resume, why it ended or was declined. */
function details(e: PairingEvent): string[] {
  const lines: string[] = []
  if (e.startDate) lines.push(`开始日期：${e.startDate}`)
  if (e.expectedResumeDate) lines.push(`预计恢复：${e.expectedResumeDate}`)
  if (e.endReason) lines.push(`结束原因：${PAIRING_END_REASON_LABELS[e.endReason]}`)
  if (e.reason) lines.push(`${e.type === 'declined' || e.type === 'paused' ? '原因' : '说明'}：${e.reason}`)
  return lines
}

/** The pairing's ledger, oldest first: who did what, when and why. Nothing is ever removed from it. */
export default function EventHistory({ events }: { events: PairingDetail['events'] }) {
  return (
    <View className='card'>
      <Text className='section-title'>结对记录</Text>
      <View id='pairing-events'>
        {events.map((e, i) => (
          <View key={`${e.at}-${i}`} id={`pairing-event-${i}`} className='pairing-event'>
            <Text className='pairing-event__what'>{PAIRING_EVENT_LABELS[e.type]}</Text>
            <Text className='pairing-event__who'>
              {formatDateTime(e.at)} · {e.actorName ?? '系统'}
              {e.actorRole ? `（${ROLE_LABELS[e.actorRole]}）` : ''}
            </Text>
            {details(e).map((line) => (
              <Text key={line} className='pairing__line'>
                {line}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
