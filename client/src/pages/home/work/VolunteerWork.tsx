import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { VOLUNTEER_STATUS_LABELS, type PairingCadence, type Role, type VolunteerProfile } from '@qstx/shared'
import { useCheckinPairings, useMyCheckins } from '../../../api/checkins'
import { useMyVolunteer } from '../../../api/volunteers'
import { ROUTES } from '../../../constants/routes'
import { useRefetchOnShow } from '../../../hooks/use-refetch-on-show'
import { useOutbox } from '../../../offline/sync'
import { formatDate, todayInChina } from '../../../utils/format'
import { WorkCard, WorkLine, WorkSection, go, settled } from './parts'

const DAY_MS = 86_400_000
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS)
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/** When the next contact is due, as 王阿姨 would say it. */
function dueLine(c: PairingCadence | undefined): { text: string; late: boolean } {
  if (!c) return { text: '家访、见面、电话都可以记', late: false }
  const days = daysFrom(todayInChina(), c.nextDueOn)
  if (days < 0) return { text: `该联系了：已过 ${-days} 天（应在${monthDay(c.nextDueOn)}前）`, late: true }
  if (days === 0) return { text: '今天该联系了', late: true }
  return { text: `下次联系：${monthDay(c.nextDueOn)}前（还有 ${days} 天）`, late: false }
}

const STATUS_HINTS: Record<VolunteerProfile['status'], string> = {
  draft: '还没有提交：填完后提交，由妇联审核',
  submitted: '妇联正在审核，请耐心等待',
  info_requested: '妇联请您补充信息，修改后重新提交',
  approved: '已通过审核，妇联会为您安排结对',
  rejected: '没有通过审核，原因请看详情',
  suspended: '志愿服务已暂停，原因请看详情',
  withdrawn: '您已退出，服务记录仍会保存',
}

/** Where the application stands, for a person who is not (yet) a paired love parent. */
function Application({ profile }: { profile: VolunteerProfile | null }) {
  if (profile === null) {
    return (
      <WorkCard id='home-application' title='成为爱心家长'>
        <Text className='work-card__text'>一步一步填写报名表，可以随时离开，下次接着填。</Text>
        <Button id='home-work-signup' type='primary' size='large' block onClick={go(ROUTES.volunteerSignup)}>
          开始报名
        </Button>
      </WorkCard>
    )
  }
  return (
    <WorkCard id='home-application' title='我的报名'>
      <WorkLine
        id='home-application-status'
        title={VOLUNTEER_STATUS_LABELS[profile.status]}
        detail={profile.status === 'draft' ? `已保存，还差 ${profile.missing.length} 项没填` : STATUS_HINTS[profile.status]}
        tone={profile.status === 'info_requested' ? 'warn' : undefined}
        onClick={go(profile.status === 'draft' ? ROUTES.volunteerSignup : ROUTES.volunteerStatus)}
      />
    </WorkCard>
  )
}

/**
 * 王阿姨's home: her paired child with the next contact due and one large 记一次服务; check-ins
 * waiting on the phone for signal; before she is paired, where her application stands. Same
 * queries as 我的服务记录 and 我的报名 (one cache, no second source of truth).
 */
export default function VolunteerWork({ role, userId }: { role: Role | null; userId: string }) {
  const volunteer = role === 'volunteer'
  const profile = useMyVolunteer()
  const pairings = useCheckinPairings(volunteer)
  const record = useMyCheckins(volunteer)
  const outbox = useOutbox(userId)
  useRefetchOnShow(profile, volunteer && pairings, volunteer && record)
  const live = (pairings.data ?? []).filter((p) => p.state === 'active' || p.state === 'paused')
  const waiting = outbox.items.filter((i) => i.status === 'pending')
  const ready = settled(profile, volunteer && pairings, volunteer && record)

  return (
    <WorkSection ready={ready}>
      {live.map((p) => {
        const due = dueLine(record.data?.pairings.find((x) => x.pairingId === p.id)?.cadence)
        return (
          <WorkCard key={p.id} id={`home-pairing-${p.id}`} title={`我结对的孩子：${p.child.displayName}`} tone={due.late ? 'warn' : undefined}>
            <Text className='work-card__text'>{p.child.villageName}</Text>
            {p.state === 'paused' ? (
              <Text className='work-card__text'>结对暂停中{p.expectedResumeDate ? `，预计${monthDay(p.expectedResumeDate)}恢复` : ''}</Text>
            ) : (
              <>
                <Text id={`home-due-${p.id}`} className={`work-card__text${due.late ? ' work-card__text--warn' : ''}`}>
                  {due.text}
                </Text>
                <Button id={`home-checkin-${p.id}`} className='work-card__action' type='primary' size='large' block onClick={go(`${ROUTES.checkinCreate}?pairingId=${p.id}`)}>
                  记一次服务
                </Button>
              </>
            )}
            {p.cardAvailable && <WorkLine id={`home-card-${p.id}`} title='孩子的情况卡片' detail='兴趣、需要、儿童主任的提示和电话' onClick={go(`${ROUTES.childCard}?id=${p.child.id}`)} />}
          </WorkCard>
        )
      })}
      {waiting.length > 0 && (
        <WorkCard id='home-outbox' title={`待发送（${waiting.length}）`} tone='warn' more={{ id: 'home-outbox-more', label: '服务记录', onClick: go(ROUTES.checkinMine) }}>
          <Text className='work-card__text'>没有信号时先存在手机里，有信号后会自动发送。</Text>
          {waiting.map((i) => (
            <Text key={i.key} className='work-card__text'>
              {i.label} · {formatDate(i.createdAt)} 记录
            </Text>
          ))}
        </WorkCard>
      )}
      {volunteer && pairings.isSuccess && live.length === 0 && (
        <WorkCard id='home-no-pairing' title='还没有结对的孩子'>
          <Text className='work-card__text'>妇联会为您推荐附近需要陪伴的孩子，儿童主任征得家庭同意后，就会通知您。</Text>
        </WorkCard>
      )}
      {profile.data !== undefined && profile.data?.status !== 'approved' && <Application profile={profile.data} />}
      {!volunteer && profile.isPending && <View className='card muted'>正在加载…</View>}
    </WorkSection>
  )
}
