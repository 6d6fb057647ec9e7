import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { roleCan, type Role } from '@qstx/shared'
import { useReports } from '../../api/safeguarding'
import { ROUTES } from '../../constants/routes'
import NavRow from '../NavRow'

/**
 * The daily work this role does in the app (children's files, handling reports), shown on home
 * by the shared ROLE_ACTIONS — the same matrix the server enforces.
 */
export default function WorkLinks({ role }: { role: Role }) {
  const files = roleCan(role, 'child.list')
  const handles = roleCan(role, 'safeguarding.handle')
  const reports = useReports(handles)
  useDidShow(() => void (handles && reports.refetch()))
  if (!files && !handles) return null
  const open = reports.data?.filter((r) => r.status !== 'closed') ?? []
  const waiting = open.filter((r) => !r.acknowledged).length
  return (
    <View id='home-work-links'>
      <Text className='section-title'>工作</Text>
      <View>
        {files && (
          <NavRow
            id='home-children-link'
            title='儿童档案'
            description={roleCan(role, 'child.create') ? '一人一档：登记、完善、移交' : '查看辖区内儿童档案'}
            onClick={() => void Taro.navigateTo({ url: ROUTES.children })}
          />
        )}
        {handles && (
          <NavRow
            id='home-reports-link'
            title='强制报告处理'
            description={open.length === 0 ? '没有未办结的报告' : `${open.length} 件未办结${waiting > 0 ? `，${waiting} 件待确认接收` : ''}`}
            onClick={() => void Taro.navigateTo({ url: ROUTES.reports })}
          />
        )}
      </View>
    </View>
  )
}
