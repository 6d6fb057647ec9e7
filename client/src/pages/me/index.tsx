import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { ROLE_LABELS } from '@qstx/shared'
import { ROUTES } from '../../constants/routes'
import { useLogout, useMe } from '../../hooks/use-auth'
import { useRequireLogin } from '../../hooks/use-require-login'
import './index.scss'

/** 我的: the account's role and region, the privacy notice, and signing out. */
export default function MePage() {
  useRequireLogin()
  const me = useMe()
  const logout = useLogout()
  const role = me.data?.activeRole

  return (
    <View className='page me'>
      <CellGroup>
        <Cell title='姓名' extra={<Text id='me-name'>{me.data?.displayName ?? '—'}</Text>} />
        <Cell title='角色' extra={<Text id='me-role'>{role ? ROLE_LABELS[role.role] : '未分配'}</Text>} />
        <Cell title='地区' extra={<Text id='me-region'>{role?.regionName ?? '—'}</Text>} />
      </CellGroup>
      {me.isError && <Text className='card me__error'>{me.error.message}</Text>}
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
  )
}
