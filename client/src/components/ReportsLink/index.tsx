import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { roleCan, type Role } from '@qstx/shared'
import { ROUTES } from '../../constants/routes'
import NavRow from '../NavRow'

/**
 * 工作统计 on home, for the roles that see dashboards (coordinators, supervisors, civil affairs);
 * 台账导出 for those who only export (village child directors: their village's ledgers).
 */
export default function ReportsLink({ role }: { role: Role }) {
  if (!roleCan(role, 'dashboard.read')) {
    if (!roleCan(role, 'export.child_ledger')) return null
    return (
      <View id='home-reports-section'>
        <Text className='section-title'>台账</Text>
        <NavRow
          id='home-exports-link'
          title='台账导出'
          description='本村儿童个人信息台账（Excel / 打印用 PDF）和结对台账'
          onClick={() => void Taro.navigateTo({ url: ROUTES.exports })}
        />
      </View>
    )
  }
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
