import { useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { VOLUNTEER_KIND_LABELS, VOLUNTEER_STATUS_LABELS, VOLUNTEER_STATUSES, type TeamRoster } from '@qstx/shared'
import { useMyTeam, useRoster } from '../../../../api/teams'
import ErrorState from '../../../../components/ErrorState'
import { ROUTES } from '../../../../constants/routes'
import { useRefetchOnShow } from '../../../../hooks/use-refetch-on-show'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { formatDate } from '../../../../utils/format'
import JoinCode from '../../components/JoinCode'
import { TEAM_TYPE_SHORT } from '../../labels'
import DeskFrame from '../../../../components/DeskFrame'
import './index.scss'

type Member = TeamRoster['items'][number]

/** The member's progress in dates: joined, submitted, approved, paired. */
function progress(m: Member): string[] {
  const lines: string[] = []
  if (m.joinedAt) lines.push(`${formatDate(m.joinedAt)} 加入团队`)
  if (m.submittedAt) lines.push(`${formatDate(m.submittedAt)} 提交报名`)
  if (m.approvedAt) lines.push(`${formatDate(m.approvedAt)} 通过审核`)
  if (m.paired === true) lines.push(m.pairedSince ? `${formatDate(m.pairedSince)} 起已结对` : '已结对')
  else if (m.paired === false && m.status === 'approved') lines.push('尚未结对')
  return lines
}

/**
 * 小张's roster: who has joined, how far each has got (signed up, approved, paired) and since when.
 * Names, kinds and statuses only — the API sends no ID numbers, phones or children's details.
 */
export default function RosterPage() {
  useRequireLogin()
  const team = useMyTeam()
  const roster = useRoster(team.data?.id)
  // refetch() ignores `enabled`: the roster only once the team (its id) is known.
  useRefetchOnShow(team, roster)

  useShareAppMessage(() =>
    team.data ? { title: `邀请您加入${team.data.name}，一起当爱心家长`, path: team.data.sharePath } : { title: '牵手童行', path: ROUTES.login },
  )

  const failed = team.isError ? team.error : roster.isError ? roster.error : null
  if (failed) {
    return (
      <View className='page roster'>
        <ErrorState id='roster-error' title='无法加载团队' message={failed.message} onRetry={() => void (team.isError ? team.refetch() : roster.refetch())} />
      </View>
    )
  }
  if (!team.data) {
    return (
      <View className='page roster'>
        <Text className='muted'>正在加载…</Text>
      </View>
    )
  }

  const counts = roster.data?.counts ?? team.data.memberCounts
  const shown = VOLUNTEER_STATUSES.filter((s) => counts[s] > 0)
  return (
    <DeskFrame current={ROUTES.teamRoster}>
      <View className='page roster'>
        <Text id='roster-team' className='page-title'>
          {team.data.name}
        </Text>
        <Text className='muted roster__line'>
          {TEAM_TYPE_SHORT[team.data.type]} · {team.data.serviceRegionName}
        </Text>
        <View className='card' style={{ marginTop: '12px' }}>
          <Text className='section-title'>成员 {shown.reduce((n, s) => n + counts[s], 0)} 人</Text>
          <View id='roster-counts' className='roster__counts'>
            {shown.length === 0 && <Text className='muted'>还没有人加入。</Text>}
            {shown.map((s) => (
              <Text key={s} className='roster__count'>
                {VOLUNTEER_STATUS_LABELS[s]} {counts[s]}
              </Text>
            ))}
          </View>
        </View>

        {roster.isPending && <Text className='muted'>正在加载成员…</Text>}
        {roster.isSuccess && roster.data.items.length === 0 && (
          <Text id='roster-empty' className='card muted'>
            还没有成员。把下面的加入码分享到团队微信群吧。
          </Text>
        )}
        {roster.isSuccess && roster.data.items.length > 0 && (
          <View id='roster-list'>
            {roster.data.items.map((m) => (
              <View key={m.volunteerId} id={`roster-${m.volunteerId}`} className='card'>
                <Text className='roster__member-name'>{m.realName ?? '（还没填写姓名）'}</Text>
                {m.kind && <Text className='roster__line'>{VOLUNTEER_KIND_LABELS[m.kind]}</Text>}
                <Text id={`roster-status-${m.volunteerId}`} className={`roster__status roster__status--${m.status}`}>
                  {VOLUNTEER_STATUS_LABELS[m.status]}
                </Text>
                {progress(m).map((line) => (
                  <Text key={line} className='roster__line'>
                    {line}
                  </Text>
                ))}
              </View>
            ))}
          </View>
        )}

        <View className='card'>
          <JoinCode team={team.data} idPrefix='roster' />
        </View>
      </View>
    </DeskFrame>
  )
}
