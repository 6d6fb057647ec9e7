import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { REGION_LEVEL_LABELS, regionLevel } from '@qstx/shared'
import { useRegionChildren } from '../../../../api/regions'
import NavRow from '../../../../components/NavRow'
import './index.scss'

export interface Place {
  code: string
  name: string
}

interface Props {
  /** Where the walk starts: the reporter's own region (never above it). */
  root: Place
  value: Place | null
  onChange: (place: Place | null) => void
  /** A village name to pick by itself once its level is listed (e.g. from the child's card). */
  preferName?: string | undefined
  error?: string | undefined
}

/**
 * Which village the child is in: walks down from the reporter's region one level per tap until a
 * village (村/社区) is chosen. A director's own village is chosen already.
 */
export default function VillagePicker({ root, value, onChange, preferName, error }: Props) {
  const [path, setPath] = useState<Place[]>([root])
  const current = path[path.length - 1]!
  const atVillage = regionLevel(root.code) === 'village'
  const list = useRegionChildren(current.code, !value && !atVillage)

  useEffect(() => {
    if (atVillage && !value) onChange(root)
  }, [atVillage, value, root, onChange])

  useEffect(() => {
    if (!preferName || value || !list.data) return
    const match = list.data.find((r) => r.name === preferName && r.level === 'village')
    if (match) onChange({ code: match.code, name: match.name })
  }, [preferName, value, list.data, onChange])

  if (value) {
    return (
      <View className='village-picker'>
        <Text className='village-picker__label'>孩子所在的村（社区）</Text>
        <View className='village-picker__chosen'>
          <Text id='report-village-current' className='village-picker__current'>
            {value.name}
          </Text>
          {!atVillage && (
            <Button id='report-village-change' size='normal' onClick={() => onChange(null)}>
              改选
            </Button>
          )}
        </View>
      </View>
    )
  }

  const nextLevel = list.data?.[0]?.level
  return (
    <View className={`village-picker${error ? ' village-picker--invalid' : ''}`}>
      <Text className='village-picker__label'>孩子所在的村（社区）</Text>
      <Text className='village-picker__path muted'>{path.map((p) => p.name).join(' › ')}</Text>
      <Text className='village-picker__prompt'>请选择{nextLevel ? REGION_LEVEL_LABELS[nextLevel] : '下一级地区'}：</Text>
      {path.length > 1 && (
        <Button id='report-village-up' size='normal' onClick={() => setPath(path.slice(0, -1))}>
          返回上一级
        </Button>
      )}
      {list.isPending && <Text className='muted'>正在加载…</Text>}
      {list.isError && <Text className='form-error'>{list.error.message}</Text>}
      {list.data && (
        <View className='village-picker__list'>
          {list.data.map((r) => (
            <NavRow
              key={r.code}
              id={`report-village-${r.code}`}
              title={r.name}
              extra={r.level === 'village' ? '选择' : '›'}
              onClick={() => (r.level === 'village' ? onChange({ code: r.code, name: r.name }) : setPath([...path, { code: r.code, name: r.name }]))}
            />
          ))}
        </View>
      )}
      {error && (
        <Text id='report-village-error' className='form-error'>
          {error}
        </Text>
      )}
    </View>
  )
}
