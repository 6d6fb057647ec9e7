import { Text } from '@tarojs/components'
import { handoverYear, type DutyStatus } from '@qstx/shared'
import { useCheckinQueue } from '../../../api/checkins'
import { useChildren } from '../../../api/children'
import { CALENDAR_FIRST_PAGE, useDutyCalendar } from '../../../api/duty'
import { ledgerHomeQuery, useLedger } from '../../../api/pairings'
import { ROUTES } from '../../../constants/routes'
import { useRefetchOnShow } from '../../../hooks/use-refetch-on-show'
import { todayInChina } from '../../../utils/format'
import CheckinDecision from './CheckinDecision'
import { Tallies, Tally, WorkCard, WorkLine, WorkSection, go, settled } from './parts'

const SHOWN = 5
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
const WHEN: Record<Exclude<DutyStatus, 'ok'>, string> = { overdue: '已逾期', due_soon: '本周到期' }

/** "联系已逾期（3月1日）· 入户本周到期（3月6日）": only what is due. */
function dueText(r: { contactStatus: DutyStatus; nextContactOn: string; homeVisitStatus: DutyStatus; nextHomeVisitOn: string }): string {
  const parts: string[] = []
  if (r.contactStatus !== 'ok') parts.push(`联系${WHEN[r.contactStatus]}（${monthDay(r.nextContactOn)}）`)
  if (r.homeVisitStatus !== 'ok') parts.push(`入户${WHEN[r.homeVisitStatus]}（${monthDay(r.nextHomeVisitOn)}）`)
  return parts.join(' · ')
}

/**
 * 李主任's home: who is overdue and due this week (tap a child to record the contact or visit), the
 * love parents' visits waiting for her (confirm or return right here), proposals waiting for the
 * family's answer, and the files still to complete before the January hand-over. Each from the
 * query its own list page opens with.
 */
export default function DirectorWork() {
  const year = handoverYear(todayInChina())
  const calendar = useDutyCalendar(CALENDAR_FIRST_PAGE)
  const queue = useCheckinQueue(1)
  const files = useChildren({ toComplete: year, page: 1, pageSize: 20 })
  const proposals = useLedger(ledgerHomeQuery('child_director'))
  useRefetchOnShow(calendar, queue, files, proposals)
  const counts = calendar.data?.counts
  const due = (calendar.data?.items ?? []).filter((r) => r.contactStatus !== 'ok' || r.homeVisitStatus !== 'ok').slice(0, SHOWN)
  const ready = settled(calendar, queue, files, proposals)

  return (
    <WorkSection ready={ready}>
      <WorkCard id='home-duty' title='走访任务' tone={counts && counts.overdue > 0 ? 'warn' : undefined} more={{ id: 'home-duty-more', label: '全部', onClick: go(ROUTES.dutyCalendar) }}>
        <Tallies>
          <Tally id='home-count-overdue' count={counts?.overdue} label='名已逾期' tone='warn' onClick={go(`${ROUTES.dutyCalendar}?filter=overdue`)} />
          <Tally id='home-count-due-soon' count={counts?.dueSoon} label='名本周到期' onClick={go(`${ROUTES.dutyCalendar}?filter=due_soon`)} />
        </Tallies>
        {due.map((r) => (
          <WorkLine key={r.childId} id={`home-due-${r.childId}`} title={r.name} detail={dueText(r)} tone={r.contactStatus === 'overdue' || r.homeVisitStatus === 'overdue' ? 'warn' : undefined} onClick={go(`${ROUTES.dutyVisit}?childId=${r.childId}`)} />
        ))}
      </WorkCard>

      <WorkCard id='home-confirm' title={`走访待确认（${queue.data?.total ?? '…'}）`} more={{ id: 'home-confirm-more', label: '全部', onClick: go(ROUTES.checkinQueue) }}>
        {queue.data?.items.length === 0 && <Text className='work-card__text'>没有等您确认的走访。</Text>}
        {queue.data?.items.slice(0, 3).map((item) => <CheckinDecision key={item.id} item={item} />)}
      </WorkCard>

      <WorkCard id='home-files' title='档案'>
        <Tallies>
          <Tally id='home-count-to-complete' count={files.data?.total} label={`份${year}年度档案未完善（1月31日前移交乡镇）`} tone='warn' onClick={go(`${ROUTES.children}?toComplete=${year}`)} />
          <Tally id='home-count-proposed' count={proposals.data?.counts.proposed} label='个结对等您确认家庭同意' tone='warn' onClick={go(`${ROUTES.pairingLedger}?state=proposed`)} />
        </Tallies>
      </WorkCard>
    </WorkSection>
  )
}
