import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { REGION_LEVELS, REGION_LEVEL_LABELS, ROLE_REGION_LEVELS, regionLevel, type Role } from '@qstx/shared'
import { useRegionChildren } from '../../../../api/regions'
import NavRow from '../../../../components/NavRow'
import './index.scss'

export interface RegionStep {
  code: string
  name: string
}

interface Props {
  role: Role
  /** From the inviter's own region (first) down to the region on screen (last). */
  path: readonly RegionStep[]
  onPathChange: (path: RegionStep[]) => void
}

/** Whether a role can be bound to this region, and whether a deeper level still could be. */
export function regionFit(role: Role, code: string) {
  const allowed = ROLE_REGION_LEVELS[role]
  const depth = REGION_LEVELS.indexOf(regionLevel(code))
  const deepest = Math.max(...allowed.map((level) => REGION_LEVELS.indexOf(level)))
  return { fits: allowed.includes(regionLevel(code)), canGoDeeper: depth < deepest }
}

/**
 * A cascading region picker that walks down from the inviter's region, one level per tap, until the
 * level fits the role (a coordinator: county or township; a child director: a village). Inviting
 * outside one's own region is impossible by construction — the walk never goes above its start.
 */
export default function RegionWalker({ role, path, onPathChange }: Props) {
  const current = path[path.length - 1]!
  const { fits, canGoDeeper } = regionFit(role, current.code)
  // Where the region on screen already fits, the (long) list of the next level stays folded away
  // until asked for, so the button that creates the invitation is not pushed off the screen.
  const [unfoldedAt, setUnfoldedAt] = useState<string | null>(null)
  const showChildren = canGoDeeper && (!fits || unfoldedAt === current.code)
  const children = useRegionChildren(current.code, showChildren)
  const nextLevel = REGION_LEVELS[REGION_LEVELS.indexOf(regionLevel(current.code)) + 1]
  const nextLabel = nextLevel ? REGION_LEVEL_LABELS[nextLevel] : '下一级地区'

  return (
    <View className='region-walker'>
      {path.length > 1 && (
        <Text className='region-walker__path muted'>{path.map((step) => step.name).join(' › ')}</Text>
      )}
      <Text id='region-current' className='region-walker__current'>
        {current.name}
      </Text>
      {fits ? (
        <Text id='region-fits' className='region-walker__fits'>
          ✓ 可以邀请到这里
        </Text>
      ) : (
        <Text className='region-walker__prompt'>请选择{nextLabel}：</Text>
      )}
      <View className='region-walker__actions'>
        {path.length > 1 && (
          <Button id='region-up' size='normal' onClick={() => onPathChange(path.slice(0, -1))}>
            返回上一级
          </Button>
        )}
        {canGoDeeper && fits && !showChildren && (
          <Button id='region-deeper' size='normal' onClick={() => setUnfoldedAt(current.code)}>
            改为邀请到下一级{nextLabel}
          </Button>
        )}
      </View>
      {showChildren && (
        <View className='region-walker__children'>
          {children.isPending && <Text className='muted'>正在加载下一级地区…</Text>}
          {children.isError && <Text className='form-error'>{children.error.message}</Text>}
          {children.isSuccess && children.data.length === 0 && <Text className='muted'>没有下一级地区</Text>}
          {children.isSuccess && children.data.length > 0 && (
            <View className='region-walker__list'>
              {children.data.map((child) => (
                <NavRow
                  key={child.code}
                  id={`region-${child.code}`}
                  title={child.name}
                  onClick={() => onPathChange([...path, { code: child.code, name: child.name }])}
                />
              ))}
            </View>
          )}
        </View>
      )}
    </View>
  )
}
