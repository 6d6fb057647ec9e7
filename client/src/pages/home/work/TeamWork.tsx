import { Text } from '@tarojs/components'
import { useMyTeam } from '../../../api/teams'
import ManageLinks from '../../../components/ManageLinks'
import { ROUTES } from '../../../constants/routes'
import { useRefetchOnShow } from '../../../hooks/use-refetch-on-show'
import { Tallies, Tally, WorkCard, WorkSection, go, settled } from './parts'

/** 小张's home: the team's members by where their application stands (the roster page's own query). */
export function LeaderWork() {
  const team = useMyTeam()
  useRefetchOnShow(team)
  const c = team.data?.memberCounts
  return (
    <WorkSection ready={settled(team)}>
      <WorkCard id='home-team' title={team.data?.name ?? '我的志愿团队'} more={{ id: 'home-team-more', label: '成员名单', onClick: go(ROUTES.teamRoster) }}>
        <Tallies>
          <Tally id='home-count-members-approved' count={c?.approved} label='名已通过审核' tone='ok' onClick={go(ROUTES.teamRoster)} />
          <Tally id='home-count-members-waiting' count={c ? c.submitted + c.info_requested : undefined} label='名审核中' onClick={go(ROUTES.teamRoster)} />
          <Tally id='home-count-members-draft' count={c?.draft} label='名还没填完报名' onClick={go(ROUTES.teamRoster)} />
        </Tallies>
        {team.data && <Text className='work-card__text'>加入码 {team.data.joinCode}：分享到团队微信群，成员用它加入。</Text>}
      </WorkCard>
    </WorkSection>
  )
}

/** The administrator's work is managing people and the trail: the management entries, first. */
export function AdminWork() {
  return (
    <WorkSection ready>
      <ManageLinks role='admin' />
    </WorkSection>
  )
}
