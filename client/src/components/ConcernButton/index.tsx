import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ROUTES } from '../../constants/routes'
import './index.scss'

interface Props {
  id: string
  /** From a child's file or card: the report names that child. */
  childId?: string
}

/**
 * 我担心这个孩子 — the way into mandatory reporting, on every page a person starts from. It opens
 * the numbers to call first; the written report comes after (JOURNEYS: 王阿姨 step 6).
 */
export default function ConcernButton({ id, childId }: Props) {
  const url = childId ? `${ROUTES.safeguarding}?childId=${encodeURIComponent(childId)}` : ROUTES.safeguarding
  return (
    <View id={id} className='concern-button' hoverClass='concern-button--pressed' onClick={() => void Taro.navigateTo({ url })}>
      <Text className='concern-button__title'>我担心这个孩子</Text>
      <Text className='concern-button__line'>孩子受到伤害或处于危险？先打电话，再报告</Text>
    </View>
  )
}
