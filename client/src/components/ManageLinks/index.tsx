import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { roleCan, type Action, type Role } from '@qstx/shared'
import { ROUTES, type Route } from '../../constants/routes'
import NavRow from '../NavRow'

interface Entry {
  id: string
  title: string
  description: string
  route: Route
  /** Shown only to roles the server would let through (shared ROLE_ACTIONS). */
  action: Action
}

const ENTRIES: readonly Entry[] = [
  { id: 'home-invitations-link', title: '邀请工作人员', description: '生成邀请码，查看和撤销邀请', route: ROUTES.invitations, action: 'invitation.list' },
  { id: 'home-staff-link', title: '工作人员', description: '本辖区的工作人员和角色', route: ROUTES.staff, action: 'role.revoke' },
  { id: 'home-audit-link', title: '审计记录', description: '谁在什么时候做了什么', route: ROUTES.audit, action: 'audit.read' },
]

/** The management pages (admin subpackage) this role may use; nothing at all for the others. */
export default function ManageLinks({ role }: { role: Role }) {
  const entries = ENTRIES.filter((entry) => roleCan(role, entry.action))
  if (entries.length === 0) return null
  return (
    <View id='home-manage'>
      <Text className='section-title'>管理</Text>
      <View>
        {entries.map((entry) => (
          <NavRow
            key={entry.id}
            id={entry.id}
            title={entry.title}
            description={entry.description}
            onClick={() => void Taro.navigateTo({ url: entry.route })}
          />
        ))}
      </View>
    </View>
  )
}
