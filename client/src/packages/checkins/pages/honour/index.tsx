import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { HOURS_NOTE, REGION_LEVEL_LABELS, regionAncestry, regionLevel, roleCan } from '@qstx/shared'
import { useHonourBoard, useHonourSetting, useSetHonourSetting } from '../../../../api/checkins'
import ChoiceChips from '../../../../components/ChoiceChips'
import ErrorState from '../../../../components/ErrorState'
import Tick from '../../../../components/Tick'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { todayInChina } from '../../../../utils/format'
import './index.scss'

/** The volunteer's own choice: on the board or not, and under which name (consent, DOMAIN.md). */
function MySetting() {
  const setting = useHonourSetting()
  const save = useSetHonourSetting()
  const s = setting.data
  if (!s) return null
  return (
    <View id='honour-setting' className='card'>
      <Tick
        id='honour-opt-in'
        label='在好人榜上显示我'
        hint='只显示称呼、服务时长和积分，不会出现任何孩子的信息'
        on={s.optIn}
        onToggle={() => !save.isPending && save.mutate({ optIn: !s.optIn, showFullName: !s.optIn && s.showFullName })}
      />
      {s.optIn && (
        <Tick
          id='honour-full-name'
          label='显示我的全名'
          hint='不勾选时按孩子们的叫法显示，例如“王阿姨”'
          on={s.showFullName}
          onToggle={() => !save.isPending && save.mutate({ optIn: true, showFullName: !s.showFullName })}
        />
      )}
      <Text id='honour-name' className='item__line'>
        {s.optIn ? `上榜称呼：${s.displayName}` : '您现在不在好人榜上'}
      </Text>
      {save.isError && <Text className='form-error'>{save.error.message}</Text>}
    </View>
  )
}

/**
 * 好人榜: the volunteers of a region who chose to appear, by points from confirmed check-ins —
 * never a child. Regions from the county down to the person's own; all time or this year.
 */
export default function HonourBoardPage() {
  useRequireLogin()
  const me = useMe()
  const role = me.data?.activeRole
  // County and below (where volunteers serve); a province- or city-wide role sees its own region.
  const local = role ? regionAncestry(role.regionCode).filter((c) => ['county', 'township', 'village'].includes(regionLevel(c))) : []
  const regions = role && local.length === 0 ? [role.regionCode] : local
  const [picked, setPicked] = useState<string | null>(null)
  const [period, setPeriod] = useState<'all' | 'this'>('all')
  const regionCode = picked ?? regions[0]
  const year = period === 'this' ? Number(todayInChina().slice(0, 4)) : null
  const board = useHonourBoard(regionCode, year)

  return (
    <View className='page honour'>
      <Text className='page-title'>好人榜</Text>
      {role && roleCan(role.role, 'honour.opt_in') && <MySetting />}
      {regions.length > 1 && (
        <ChoiceChips
          id='honour-region'
          options={regions.map((c) => ({ value: c, label: `本${REGION_LEVEL_LABELS[regionLevel(c)].replace(/（.*）/, '')}` }))}
          value={regionCode ?? null}
          onChange={setPicked}
        />
      )}
      <ChoiceChips id='honour-year' options={[{ value: 'all', label: '全部' }, { value: 'this', label: '今年' }]} value={period} onChange={setPeriod} />
      {board.isError && <ErrorState id='honour-error' title='无法加载好人榜' message={board.error.message} onRetry={() => void board.refetch()} />}
      {board.data && (
        <View className='card'>
          <Text className='item__title'>{board.data.regionName}</Text>
          <Text className='item__line honour__caption'>按志愿积分排列。{HOURS_NOTE}</Text>
          {board.data.items.length === 0 ? (
            <Text id='honour-empty' className='muted'>
              还没有上榜的爱心家长。
            </Text>
          ) : (
            <View id='honour-list'>
              {board.data.items.map((row) => (
                <View key={row.rank} id={`honour-row-${row.rank}`} className='honour__row'>
                  <Text className='honour__rank'>{row.rank}</Text>
                  <View className='honour__who'>
                    <Text className='honour__name'>{row.name}</Text>
                    <Text className='item__line'>
                      {row.hours} 小时 · 走访 {row.checkins} 次
                    </Text>
                  </View>
                  <Text className='honour__points'>{row.points} 分</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      )}
    </View>
  )
}
