import { Text, View } from '@tarojs/components'
import { CARER_CAPACITY_LABELS, CARE_QUALITY_LABELS, ENTRUSTED_CARER_LABELS, ENTRUSTED_EVENT_LABELS, type EntrustedEvent } from '@qstx/shared'

const carer = (c: EntrustedEvent['to']) => (c ? `${ENTRUSTED_CARER_LABELS[c.carer]}${c.name ? `（${c.name}）` : ''}` : '—')

/** The entrusted-care log, newest first: assessments with their finding, the steps, each change of carer. */
export default function EventList({ events }: { events: EntrustedEvent[] }) {
  if (events.length === 0) return <Text className='muted'>还没有记录。</Text>
  return (
    <View id='entrusted-events'>
      {events.map((e, i) => (
        <View key={e.id} id={`entrusted-event-${i}`} className='care__item'>
          <Text className='care__big'>
            {e.on} · {ENTRUSTED_EVENT_LABELS[e.type]}
          </Text>
          {e.capacity && (
            <Text className={e.capacity === 'capable' ? 'care__ok' : 'care__bad'}>
              {CARER_CAPACITY_LABELS[e.capacity]}
              {e.quality ? ` · 照料${CARE_QUALITY_LABELS[e.quality]}` : ''}
            </Text>
          )}
          {e.type === 'carer_changed' && <Text className='care__line'>{carer(e.from)} → {carer(e.to)}</Text>}
          {e.note && <Text className='care__line'>{e.note}</Text>}
          <Text className='care__line'>记录人：{e.byName}</Text>
        </View>
      ))}
    </View>
  )
}
