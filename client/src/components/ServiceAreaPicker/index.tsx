import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { REGION_LEVEL_LABELS, REGION_LEVELS, regionAncestry, regionLevel } from '@qstx/shared'
import { useRegion, useRegionChildren } from '../../api/regions'
import NavRow from '../NavRow'
import './index.scss'

export interface Area {
  code: string
  name: string
}

interface Props {
  /** The area chosen so far (a county or a township), if any. */
  value: Area | null
  /** Where the walk starts: the county of this code (the saved area, the team's, or the programme's). */
  start: string
  onPick: (area: Area) => void
  error?: string | undefined
}

/** The county a code lies in (itself when it is a county, or above). */
function countyOf(code: string): string {
  const chain = regionAncestry(code)
  return chain[Math.min(2, chain.length - 1)]!
}

/**
 * Where a volunteer or a team serves: a county or one of its townships (the server accepts only
 * those two levels). Opens on the county with its townships listed — one tap picks one — and walks
 * up to the city and province for someone from another county. Nothing to type.
 */
export default function ServiceAreaPicker({ value, start, onPick, error }: Props) {
  const [at, setAt] = useState(() => countyOf(start))
  const level = regionLevel(at)
  const current = useRegion(at)
  const children = useRegionChildren(at)
  const chain = regionAncestry(at)
  const parent = chain.length > 1 ? chain[chain.length - 2]! : null
  const nextLevel = REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1]
  const atCounty = level === 'county'
  const name = current.data?.name ?? ''

  return (
    <View className={`area-picker${error ? ' area-picker--invalid' : ''}`}>
      {value && (
        <Text id='area-picked' className='area-picker__picked'>
          ✓ 已选择：{value.name}
        </Text>
      )}
      <Text className='area-picker__level muted'>{REGION_LEVEL_LABELS[level]}</Text>
      <Text id='area-current' className='area-picker__current'>
        {name || '正在加载…'}
      </Text>
      {atCounty && name && (
        <Button
          id='area-pick-county'
          className='area-picker__county'
          type={value?.code === at ? 'primary' : 'default'}
          size='large'
          block
          onClick={() => onPick({ code: at, name })}
        >
          {value?.code === at ? `✓ 全县都可以` : '全县都可以（不限乡镇）'}
        </Button>
      )}
      {nextLevel && <Text className='area-picker__prompt'>{atCounty ? '或者选择一个乡镇（街道）：' : `请选择${REGION_LEVEL_LABELS[nextLevel]}：`}</Text>}
      {children.isPending && <Text className='muted'>正在加载…</Text>}
      {children.isError && <Text className='form-error'>{children.error.message}</Text>}
      {children.isSuccess && (
        <View className='area-picker__list'>
          {children.data.map((child) => {
            const picked = value?.code === child.code
            return (
              <NavRow
                key={child.code}
                id={`area-${child.code}`}
                title={child.name}
                extra={atCounty ? (picked ? '✓ 已选' : '选择') : '›'}
                onClick={() => (atCounty ? onPick({ code: child.code, name: child.name }) : setAt(child.code))}
              />
            )
          })}
        </View>
      )}
      {error && (
        <Text id='area-error' className='area-picker__error'>
          {error}
        </Text>
      )}
      {parent && (
        <Button id='area-up' size='large' block onClick={() => setAt(parent)}>
          {atCounty ? `不在${name}？返回上一级` : '返回上一级'}
        </Button>
      )}
    </View>
  )
}
