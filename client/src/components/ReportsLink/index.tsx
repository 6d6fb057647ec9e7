import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { roleCan, type Role } from '@qstx/shared'
import { ROUTES } from '../../constants/routes'
import NavRow from '../NavRow'

/** 工作统计 on home, for the roles that see dashboards (coordinators, supervisors, civil affairs). */
export default function ReportsLink({ role }: { role: Role }) {
  if (!roleCan(role, 'dashboard.read')) return null
  return (
    <View id='home-reports-section'>
      <Text className='section-title'>统计与台账</Text>
      <NavRow
        id='home-dashboard-link'
        title='工作统计'
        description={roleCan(role, 'report.annual') ? '辖区数据、逐级查看、导出台账和年度工作进展情况' : '辖区数据与台账导出'}
        onClick={() => void Taro.navigateTo({ url: ROUTES.dashboard })}
      />
    </View>
  )
}
