import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { ROLE_LABELS } from '@qstx/shared'
import ConcernButton from '../../components/ConcernButton'
import NavRow from '../../components/NavRow'
import NotificationsRow from '../../components/NotificationsRow'
import { ROUTES } from '../../constants/routes'
import { useLogout, useMe, useSwitchRole } from '../../hooks/use-auth'
import { useRequireLogin } from '../../hooks/use-require-login'
import DeskFrame from '../../components/DeskFrame'
import './index.scss'

/** 我的: the account's role and region, switching between roles, the privacy notice, and signing out. */
export default function MePage() {
  useRequireLogin()
  const me = useMe()
  const logout = useLogout()
  const switchRole = useSwitchRole()
  const role = me.data?.activeRole
  const roles = me.data?.roles ?? []

  return (
    <DeskFrame current={ROUTES.me}>
      <View className='page me'>
        <CellGroup>
          <Cell title='姓名' extra={<Text id='me-name'>{me.data?.displayName ?? '—'}</Text>} />
          <Cell title='角色' extra={<Text id='me-role'>{role ? ROLE_LABELS[role.role] : '未分配'}</Text>} />
          <Cell title='地区' extra={<Text id='me-region'>{role?.regionName ?? '—'}</Text>} />
        </CellGroup>
        {me.isError && <Text className='card me__error'>{me.error.message}</Text>}
        <View className='me__safety'>
          <ConcernButton id='me-report-concern' />
          <NotificationsRow id='me-notifications' />
          <View>
            <NavRow id='me-my-reports' title='我的报告' description='我提交的报告处理到哪一步了' onClick={() => void Taro.navigateTo({ url: ROUTES.myReports })} />
          </View>
        </View>
        {roles.length > 1 && (
          <View id='me-roles'>
            <Text className='section-title me__roles-title'>切换角色</Text>
            {switchRole.isError && <Text className='form-error'>{switchRole.error.message}</Text>}
            <View>
              {roles.map((option) => {
                const active = option.id === role?.id
                return (
                  <NavRow
                    key={option.id}
                    id={`role-option-${option.id}`}
                    title={ROLE_LABELS[option.role]}
                    description={option.regionName}
                    extra={active ? '当前' : switchRole.isPending && switchRole.variables === option.id ? '正在切换…' : '切换'}
                    onClick={active ? undefined : () => !switchRole.isPending && switchRole.mutate(option.id)}
                  />
                )
              })}
            </View>
          </View>
        )}
        <CellGroup>
          <Cell
            title={<Text id='me-privacy-link'>用户隐私保护指引</Text>}
            extra='查看'
            clickable
            onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}
          />
        </CellGroup>
        <Button id='logout-button' size='large' block loading={logout.isPending} onClick={() => logout.mutate()}>
          退出登录
        </Button>
      </View>
    </DeskFrame>
  )
}
