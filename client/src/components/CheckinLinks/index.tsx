import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { roleCan, type Role } from '@qstx/shared'
import { useCheckinQueue, useMyCheckins, useUnconfirmedCheckins } from '../../api/checkins'
import { CALENDAR_FIRST_PAGE, useDutyCalendar } from '../../api/duty'
import { ROUTES } from '../../constants/routes'
import { useMe } from '../../hooks/use-auth'
import { useRefetchOnShow } from '../../hooks/use-refetch-on-show'
import { useOutbox } from '../../offline/sync'
import NavRow from '../NavRow'

const go = (url: string) => () => void Taro.navigateTo({ url })
const n = (x: number | undefined) => (x === undefined ? '…' : x)

/**
 * Check-ins and the directors' duty on home, by the shared matrix (roleCan): a love parent's record
 * (with what still waits on the phone; 记一次服务 is in home's work section); the director's confirmation
 * queue and duty calendar; the calendar for supervisors and the county; the 14-day list for
 * those who follow up on directors.
 */
export default function CheckinLinks({ role }: { role: Role }) {
  const volunteer = roleCan(role, 'checkin.mine') && roleCan(role, 'checkin.record')
  const confirms = roleCan(role, 'checkin.confirm')
  const duty = roleCan(role, 'duty.read')
  const follows = roleCan(role, 'checkin.unconfirmed')
  const me = useMe()
  const record = useMyCheckins(volunteer)
  const outbox = useOutbox(volunteer ? me.data?.userId : undefined)
  const queue = useCheckinQueue(1, confirms)
  const calendar = useDutyCalendar(CALENDAR_FIRST_PAGE, duty)
  const unconfirmed = useUnconfirmedCheckins(1, follows)
  // Home is a tab page that stays mounted: look again whenever it comes back into view.
  useRefetchOnShow(record, queue, calendar, unconfirmed)
  if (!volunteer && !confirms && !duty && !follows) return null

  const totals = record.data?.totals
  const waiting = outbox.pending > 0 ? `，待发送 ${outbox.pending} 条` : ''
  const counts = calendar.data?.counts
  return (
    <View id='home-checkins'>
      <Text className='section-title'>走访</Text>
      {volunteer && (
        <NavRow
          id='home-checkins-link'
          title='我的服务记录'
          description={totals ? `平台记录 ${totals.hours} 小时 · 积分 ${totals.points} · 待确认 ${totals.pending} 次${waiting}` : `服务时长、积分和走访记录${waiting}`}
          onClick={go(ROUTES.checkinMine)}
        />
      )}
      {confirms && (
        <NavRow
          id='home-checkin-queue-link'
          title={`走访待确认（${n(queue.data?.total)}）`}
          description='爱心家长记录的走访，请确认是否属实'
          onClick={go(ROUTES.checkinQueue)}
        />
      )}
      {duty && (
        <NavRow
          id='home-duty-link'
          title={roleCan(role, 'duty.record') ? '我的走访任务' : '儿童主任走访情况'}
          description={counts ? `${counts.overdue} 名已逾期，${counts.dueSoon} 名本周到期` : '每月联系、每季度入户走访'}
          onClick={go(ROUTES.dutyCalendar)}
        />
      )}
      {follows && (
        <NavRow
          id='home-unconfirmed-link'
          title={`超过14天未确认（${n(unconfirmed.data?.total)}）`}
          description='儿童主任还没有确认的走访记录'
          onClick={go(ROUTES.checkinUnconfirmed)}
        />
      )}
    </View>
  )
}
