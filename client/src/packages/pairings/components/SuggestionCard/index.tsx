import { Text, View } from '@tarojs/components'
import { CONTACT_MODE_LABELS, SKILL_LABELS, VOLUNTEER_KIND_LABELS, type Suggestions } from '@qstx/shared'
import './index.scss'

type Suggestion = Suggestions['items'][number]

/**
 * One suggested volunteer: who, where they serve, how many children they already have, the score
 * and — first and largest — why they are suggested (nearness, skills for the child's needs,
 * contact mode, free capacity). The whole card is the tap target that picks them.
 */
export default function SuggestionCard({ s, rank, picked, onPick }: { s: Suggestion; rank: number; picked: boolean; onPick: () => void }) {
  return (
    <View
      id={`suggestion-${s.volunteerId}`}
      className={`card suggestion${picked ? ' suggestion--picked' : ''}`}
      aria-selected={picked}
      onClick={onPick}
    >
      <View className='suggestion__head'>
        <Text className='suggestion__rank'>{rank}</Text>
        <Text className='pairing__name suggestion__name'>{s.realName ?? '（未填写姓名）'}</Text>
        <Text className='suggestion__score'>{s.score} 分</Text>
      </View>
      <Text className='pairing__line'>
        {[s.kind ? VOLUNTEER_KIND_LABELS[s.kind] : null, `服务地区：${s.serviceRegionName}`, s.team?.name].filter(Boolean).join(' · ')}
      </Text>
      <View id={`suggestion-reasons-${s.volunteerId}`} className='suggestion__reasons'>
        {s.reasons.map((r) => (
          <Text key={r} className='suggestion__reason'>
            ✓ {r}
          </Text>
        ))}
      </View>
      <Text className='pairing__line'>擅长：{s.skills.map((k) => SKILL_LABELS[k]).join('、') || '未填写'}</Text>
      <Text className='pairing__line'>联系方式：{s.contactModes.map((m) => CONTACT_MODE_LABELS[m]).join('、') || '未填写'}</Text>
      <Text className='pairing__line'>
        已结对 {s.livePairings} 名 / 最多 {s.capacity} 名
      </Text>
      {picked && <Text className='suggestion__picked'>已选择这位爱心家长</Text>}
    </View>
  )
}
