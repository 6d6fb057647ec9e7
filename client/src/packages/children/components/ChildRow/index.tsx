import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PRIORITY_REASON_LABELS, RISK_LEVEL_LABELS, type ChildListResponseSchema } from '@qstx/shared'
import type { z } from 'zod'
import { ROUTES } from '../../../../constants/routes'
import { RISK_CLASS } from '../../labels'
import './index.scss'

type Row = z.infer<typeof ChildListResponseSchema>['items'][number]

const CATEGORY_SHORT = { left_behind: '留守', in_difficulty: '困境' } as const

/**
 * One child in the list, the whole row one big tap target: name, age, village, category tags, the
 * risk colour and flags. A coordinator's row has fewer fields: only what the server sent is shown.
 */
export default function ChildRow({ row }: { row: Row }) {
  const desk = row.view === 'desk' ? row : null
  return (
    <View
      id={`child-row-${row.id}`}
      className={`card child-row${desk?.riskLevel ? ` child-row--${desk.riskLevel}` : ''}`}
      hoverClass='child-row--pressed'
      onClick={() => void Taro.navigateTo({ url: `${ROUTES.childFile}?id=${encodeURIComponent(row.id)}` })}
    >
      <View className='child-row__head'>
        <Text className='child-row__name'>{row.name}</Text>
        <Text className='child-row__age'>
          {row.gender === 'male' ? '男' : '女'} · {row.age}岁
        </Text>
        {desk?.riskLevel && <Text className={RISK_CLASS[desk.riskLevel]}>{RISK_LEVEL_LABELS[desk.riskLevel]}</Text>}
      </View>
      <Text className='item__line'>{row.villageName}</Text>
      <View className='tags'>
        {row.categories.map((c) => (
          <Text key={c} className='tag'>
            {CATEGORY_SHORT[c]}
          </Text>
        ))}
        {desk?.nearWater && <Text className='tag tag--flag'>临水</Text>}
        {desk && desk.specialAttention.length > 0 && <Text className='tag tag--flag'>重点关注</Text>}
        {row.priorityReasons.map((p) => (
          <Text key={p} className='tag tag--flag'>
            优先：{PRIORITY_REASON_LABELS[p]}
          </Text>
        ))}
        {desk && desk.agingOut.length > 0 && <Text className='tag tag--warn'>已到年龄上限</Text>}
        {!row.consentOnFile && <Text className='tag tag--warn'>未记录监护人同意</Text>}
        <Text className='tag'>{row.pairingStatus === 'paired' ? '已结对' : '未结对'}</Text>
        {row.status === 'closed' && <Text className='tag'>已结案</Text>}
      </View>
    </View>
  )
}
