import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { VOLUNTEER_STATUS_LABELS, isStaffRole, roleCan, type Role, type VolunteerProfile } from '@qstx/shared'
import { queueQuery, useVettingQueue } from '../../api/vetting'
import { useMyVolunteer } from '../../api/volunteers'
import { ROUTES } from '../../constants/routes'
import { useRefetchOnShow } from '../../hooks/use-refetch-on-show'
import NavRow from '../NavRow'

const go = (url: string) => () => void Taro.navigateTo({ url })

function SignUpRow({ profile }: { profile: VolunteerProfile | null }) {
  if (profile === null || profile.status === 'draft') {
    const left = profile?.missing.length ?? 0
    return (
      <NavRow
        id='home-signup-link'
        title={profile ? '继续报名' : '报名成为爱心家长'}
        description={profile ? `已保存，还差 ${left} 项没填` : '一步一步填写，可以随时离开，下次接着填'}
        onClick={go(ROUTES.volunteerSignup)}
      />
    )
  }
  return (
    <NavRow
      id='home-volunteer-status-link'
      title={`我的报名：${VOLUNTEER_STATUS_LABELS[profile.status]}`}
      description={profile.status === 'info_requested' ? '请查看审核意见，补充后重新提交' : '审核进展、我的资料、退出'}
      onClick={go(ROUTES.volunteerStatus)}
    />
  )
}

/**
 * The volunteers' side of home, by role: coordinators get the vetting queue with the number
 * waiting; team leaders their roster; everyone who is not staff their own sign-up, and people
 * without a role (or volunteers) registering or joining a team. Role actions come from the shared
 * matrix (roleCan); signing up is self-service, so it is offered by what the person is not (staff).
 */
export default function VolunteerLinks({ role }: { role: Role | null }) {
  const vets = role !== null && roleCan(role, 'volunteer.vet')
  const leads = role !== null && roleCan(role, 'team.lead')
  const selfService = role === null || !isStaffRole(role)
  const teams = role === null || role === 'volunteer'
  const queue = useVettingQueue(queueQuery('submitted'), vets)
  const profile = useMyVolunteer(selfService)
  // Home is a tab page that stays mounted: look again whenever it comes back into view.
  useRefetchOnShow(vets && queue, selfService && profile)

  if (!vets && !leads && !selfService) return null
  const p = profile.data
  const mayJoin = teams && p !== undefined && !p?.team && p?.status !== 'rejected' && p?.status !== 'withdrawn'
  const waiting = queue.data?.counts.submitted

  return (
    <View id='home-volunteer'>
      <Text className='section-title'>{vets ? '志愿者' : leads ? '志愿团队' : '爱心家长'}</Text>
      <View>
        {vets && (
          <NavRow
            id='home-vetting-link'
            title={`志愿者审核（${waiting ?? '…'}）`}
            description='按报名先后审核：核验身份、入职查询、岗前培训'
            onClick={go(ROUTES.vettingQueue)}
          />
        )}
        {leads && <NavRow id='home-roster-link' title='我的志愿团队' description='成员的报名和审核进展，再次分享加入码' onClick={go(ROUTES.teamRoster)} />}
        {selfService && p !== undefined && <SignUpRow profile={p} />}
        {mayJoin && <NavRow id='home-join-link' title='加入志愿服务队' description='输入团队负责人给您的加入码' onClick={go(ROUTES.join)} />}
        {teams && <NavRow id='home-team-register-link' title='注册志愿服务队' description='团队负责人登记团队，获得加入码' onClick={go(ROUTES.teamRegister)} />}
      </View>
    </View>
  )
}
