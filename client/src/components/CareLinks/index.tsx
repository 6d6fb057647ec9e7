import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { roleCan, type Role } from '@qstx/shared'
import { ROUTES } from '../../constants/routes'
import NavRow from '../NavRow'

/** Issue #17 on home: care activities, and directors' staffing and training (a director: the village's own). */
export default function CareLinks({ role }: { role: Role }) {
  const activities = roleCan(role, 'activity.read')
  const staffing = roleCan(role, 'staffing.read')
  if (!activities && !staffing) return null
  return (
    <View id='home-care-section'>
      <Text className='section-title'>关爱服务</Text>
      {activities && (
        <NavRow id='home-activities-link' title='关爱活动' description='安全知识进村、节假日和儿童之家活动；志愿者服务时长' onClick={() => void Taro.navigateTo({ url: ROUTES.careActivities })} />
      )}
      {staffing && (
        <NavRow
          id='home-staffing-link'
          title={role === 'child_director' ? '本村儿童主任与分工' : '儿童主任配备与培训'}
          description={role === 'child_director' ? '几位儿童主任分别负责哪些儿童' : '需增配儿童主任的村、今年未培训的儿童主任'}
          onClick={() => void Taro.navigateTo({ url: ROUTES.careStaffing })}
        />
      )}
    </View>
  )
}
