import { Text, View } from '@tarojs/components'
import { useChildHistory } from '../../../../api/children'
import { formatDateTime } from '../../../../utils/format'
import { FIELD_LABELS, HISTORY_KIND_LABELS } from '../../labels'

/** A value from the history in a few words; objects (a guardian, a school) are named, not dumped. */
function short(v: unknown): string {
  if (v === null || v === undefined || v === '') return '空'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'string' || typeof v === 'number') return String(v)
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.length ? v.join('、') : '空'
  return ''
}

/** The file's timeline (read is audited by the server): who changed what and when, transfers, closing, years. */
export default function HistoryList({ childId }: { childId: string }) {
  const history = useChildHistory(childId, true)
  if (history.isPending) return <Text className='muted'>正在加载…</Text>
  if (history.isError) return <Text className='form-error'>{history.error.message}</Text>
  return (
    <View id='child-history' className='history'>
      {history.data.map((h) => (
        <View key={h.id} className='history__item'>
          <Text className='history__title'>
            {HISTORY_KIND_LABELS[h.kind]}
            {h.year ? `（${h.year}年度）` : ''}
          </Text>
          <Text className='history__meta'>
            {formatDateTime(h.at)}
            {h.actorName ? ` · ${h.actorName}` : ''}
          </Text>
          {h.kind === 'transferred' && (
            <Text className='history__line'>
              {h.fromVillageName ?? ''} → {h.toVillageName ?? ''}
            </Text>
          )}
          {h.changes.map((c) => {
            const from = short(c.from)
            const to = short(c.to)
            const label = FIELD_LABELS[c.field] ?? c.field
            return (
              <Text key={c.field} className='history__line'>
                {from || to ? `${label}：${from} → ${to}` : `修改了${label}`}
              </Text>
            )
          })}
          {h.note && <Text className='history__line'>{h.note}</Text>}
        </View>
      ))}
    </View>
  )
}
