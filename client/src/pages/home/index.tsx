import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROLE_LABELS } from '@qstx/shared'
import ErrorState from '../../components/ErrorState'
import CareLinks from '../../components/CareLinks'
import CheckinLinks from '../../components/CheckinLinks'
import ConcernButton from '../../components/ConcernButton'
import DeskFrame from '../../components/DeskFrame'
import ManageLinks from '../../components/ManageLinks'
import ReportsLink from '../../components/ReportsLink'
import NotificationsRow from '../../components/NotificationsRow'
import PairingLinks from '../../components/PairingLinks'
import VolunteerLinks from '../../components/VolunteerLinks'
import WorkLinks from '../../components/WorkLinks'
import { ROUTES } from '../../constants/routes'
import { useMe } from '../../hooks/use-auth'
import { useRequireLogin } from '../../hooks/use-require-login'
import DutiesLink from './DutiesLink'
import HomeWork from './work'
import './index.scss'

/**
 * Home opens on the day's work of the active role (./work), from the same queries as the lists it
 * leads to; below it the notifications, 我的职责 (folded), and every page this role may use. Without
 * a role: where the application stands, and the invitation code for staff.
 */
export default function HomePage() {
  useRequireLogin()
  const me = useMe()

  // With a remembered session, a failed refresh (no signal) keeps home usable on what was known.
  if (me.isError && !me.data) {
    return (
      <View className='page'>
        <ErrorState id='home-error' title='无法加载您的信息' message={me.error.message} retryId='home-retry' onRetry={() => void me.refetch()} />
      </View>
    )
  }
  if (!me.data) {
    return (
      <View className='page'>
        <Text className='muted'>正在加载…</Text>
      </View>
    )
  }

  const { displayName, activeRole } = me.data
  return (
    <DeskFrame current={ROUTES.home}>
      <View className='page home'>
        <View className='home__head'>
          <Text id='home-greeting' className='home__greeting'>
            {displayName}，您好
          </Text>
          {activeRole && (
            <Text className='home__who'>
              <Text id='home-role' className='home__role'>
                {ROLE_LABELS[activeRole.role]}
              </Text>
              {' · '}
              <Text id='home-region'>{activeRole.regionName}</Text>
            </Text>
          )}
        </View>
        <ConcernButton id='home-report-concern' />
        <HomeWork me={me.data} />
        <NotificationsRow id='home-notifications' />
        {activeRole ? (
          <View className='home__links'>
            <DutiesLink role={activeRole.role} />
            <CheckinLinks role={activeRole.role} />
            <WorkLinks role={activeRole.role} />
            <PairingLinks role={activeRole.role} />
            <ReportsLink role={activeRole.role} />
            <CareLinks role={activeRole.role} />
            <VolunteerLinks role={activeRole.role} />
            {activeRole.role !== 'admin' && <ManageLinks role={activeRole.role} />}
          </View>
        ) : (
          <View className='home__links'>
            {/* Most people without a role are volunteers-to-be: signing up comes first. */}
            <VolunteerLinks role={null} />
            <View id='home-no-role' className='card'>
              <Text className='home__no-role-text'>您的账号还没有角色。如果您是工作人员，请输入邀请人给您的邀请码。</Text>
              <Button id='home-invite-link' type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: ROUTES.invite })}>
                输入邀请码
              </Button>
            </View>
          </View>
        )}
      </View>
    </DeskFrame>
  )
}
