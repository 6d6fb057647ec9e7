import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, type StaffEntrySchema } from '@qstx/shared'
import type { z } from 'zod'
import { useRemoveRole, useStaff } from '../../../../api/staff'
import ErrorState from '../../../../components/ErrorState'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { formatDate } from '../../../../utils/format'
import DeskFrame from '../../../../components/DeskFrame'
import { ROUTES } from '../../../../constants/routes'
import './index.scss'

type StaffEntry = z.infer<typeof StaffEntrySchema>

/** Staff roles in this region, and removing one (it takes effect on that person's next request). */
export default function StaffPage() {
  useRequireLogin()
  const staff = useStaff()
  const me = useMe()
  const remove = useRemoveRole()
  const own = new Set(me.data?.roles.map((r) => r.id) ?? [])

  const confirmRemove = async (entry: StaffEntry) => {
    const { confirm } = await Taro.showModal({
      title: '移除角色',
      content: `确定移除${entry.displayName}的“${ROLE_LABELS[entry.role]}”角色（${entry.regionName}）吗？移除后立即生效。`,
      confirmText: '移除',
      confirmColor: '#b91c1c',
      cancelText: '不移除',
    })
    if (confirm) remove.mutate(entry.id)
  }

  return (
    <DeskFrame current={ROUTES.staff}>
      <View className='page staff'>
        <Text className='page-title'>工作人员</Text>
        {remove.isError && <Text className='form-error'>{remove.error.message}</Text>}
        {staff.isPending && <Text className='muted'>正在加载…</Text>}
        {staff.isError && <ErrorState id='staff-error' title='无法加载工作人员' message={staff.error.message} onRetry={() => void staff.refetch()} />}
        {staff.isSuccess && (
          <View id='staff-list'>
            {staff.data.length === 0 && <Text className='card muted'>本辖区还没有工作人员。</Text>}
            {staff.data.map((entry) => (
              <View key={entry.id} id={`staff-${entry.id}`} className='card'>
                <Text className='item__title'>{entry.displayName}</Text>
                <Text className='item__line'>
                  {ROLE_LABELS[entry.role]} · {entry.regionName}
                </Text>
                <Text className='item__line'>
                  {formatDate(entry.since)} 起{entry.disabled ? ' · 账号已停用' : ''}
                </Text>
                {own.has(entry.id) ? (
                  <Text className='status'>这是您自己的角色</Text>
                ) : (
                  <Button
                    id={`staff-remove-${entry.id}`}
                    className='staff__remove'
                    size='normal'
                    block
                    loading={remove.isPending && remove.variables === entry.id}
                    onClick={() => void confirmRemove(entry)}
                  >
                    移除角色
                  </Button>
                )}
              </View>
            ))}
          </View>
        )}
      </View>
    </DeskFrame>
  )
}
