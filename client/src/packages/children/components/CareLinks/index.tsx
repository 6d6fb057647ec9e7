import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { roleCan, type Role } from '@qstx/shared'
import NavRow from '../../../../components/NavRow'
import { ROUTES } from '../../../../constants/routes'

/**
 * From a child's file to its entrusted care and psychological concerns (issue #17); from a love
 * parent's card, to noting a change in the child (a concern, not a report of harm).
 */
export default function CareLinks({ childId, role, card = false }: { childId: string; role: Role; card?: boolean }) {
  const open = (route: string) => () => void Taro.navigateTo({ url: `${route}?childId=${encodeURIComponent(childId)}` })
  if (card) {
    if (!roleCan(role, 'concern.record')) return null
    return <NavRow id='child-card-concern' title='孩子情绪或行为有变化' description='记录下来，儿童主任会跟进（不是强制报告）' onClick={open(ROUTES.careConcern)} />
  }
  return (
    <View className='card'>
      {roleCan(role, 'entrusted.read') && <NavRow id='child-entrusted-link' title='委托照护' description='照护人、年度评估、告知父母与更换照护人' onClick={open(ROUTES.careEntrusted)} />}
      {roleCan(role, 'concern.read') && <NavRow id='child-concerns-link' title='心理和行为关注' description='记录、转介和跟进' onClick={open(ROUTES.careConcern)} />}
    </View>
  )
}
