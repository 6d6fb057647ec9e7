import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, type Invitation } from '@qstx/shared'
import { useInvitations, useRevokeInvitation } from '../../../../api/invitations'
import ErrorState from '../../../../components/ErrorState'
import { ROUTES } from '../../../../constants/routes'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { formatDate } from '../../../../utils/format'
import { INVITATION_STATUS_LABELS } from '../../labels'
import DeskFrame from '../../../../components/DeskFrame'
import './index.scss'

/** The invitations of this region: who was invited to what, and whether it was used; new ones start here. */
export default function InvitationsPage() {
  useRequireLogin()
  const invitations = useInvitations()
  const revoke = useRevokeInvitation()

  const confirmRevoke = async (invitation: Invitation) => {
    const { confirm } = await Taro.showModal({
      title: '撤销邀请',
      content: `撤销后这个邀请码不能再使用（${ROLE_LABELS[invitation.role]}，${invitation.regionName}）。`,
      confirmText: '撤销',
      cancelText: '不撤销',
    })
    if (confirm) revoke.mutate(invitation.id)
  }

  return (
    <DeskFrame current={ROUTES.invitations}>
      <View className='page invitations'>
        <Text className='page-title'>邀请工作人员</Text>
        <Button
          id='invitation-new'
          className='invitations__new'
          type='primary'
          size='large'
          block
          onClick={() => void Taro.navigateTo({ url: ROUTES.invitationNew })}
        >
          新建邀请
        </Button>
        {revoke.isError && <Text className='form-error'>{revoke.error.message}</Text>}

        {invitations.isPending && <Text className='muted'>正在加载…</Text>}
        {invitations.isError && (
          <ErrorState id='invitations-error' title='无法加载邀请' message={invitations.error.message} onRetry={() => void invitations.refetch()} />
        )}
        {invitations.isSuccess && invitations.data.length === 0 && (
          <Text id='invitations-empty' className='card muted'>
            还没有邀请。
          </Text>
        )}
        {invitations.isSuccess && invitations.data.length > 0 && (
          <View id='invitations-list'>
            {invitations.data.map((invitation) => (
              <View key={invitation.id} id={`invitation-${invitation.id}`} className='card'>
                <Text className='item__title'>{ROLE_LABELS[invitation.role]}</Text>
                <Text className='item__line'>{invitation.regionName}</Text>
                {invitation.note && <Text className='item__line'>备注：{invitation.note}</Text>}
                <Text className='item__line'>
                  {formatDate(invitation.createdAt)} 创建，{formatDate(invitation.expiresAt)} 前有效
                </Text>
                <Text id={`invitation-status-${invitation.id}`} className={`status status--${invitation.status}`}>
                  {INVITATION_STATUS_LABELS[invitation.status]}
                </Text>
                {invitation.status === 'pending' && (
                  <Button
                    id={`invitation-revoke-${invitation.id}`}
                    className='invitations__revoke'
                    size='normal'
                    block
                    loading={revoke.isPending && revoke.variables === invitation.id}
                    onClick={() => void confirmRevoke(invitation)}
                  >
                    撤销邀请
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
