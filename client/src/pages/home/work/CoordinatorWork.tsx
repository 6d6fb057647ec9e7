import { Text } from '@tarojs/components'
import { VOLUNTEER_KIND_LABELS } from '@qstx/shared'
import { ledgerHomeQuery, useLedger, usePriorityChildren, PRIORITY_PAGE_SIZE } from '../../../api/pairings'
import { queueQuery, useVettingQueue } from '../../../api/vetting'
import { ROUTES } from '../../../constants/routes'
import { useRefetchOnShow } from '../../../hooks/use-refetch-on-show'
import { Tallies, Tally, WorkCard, WorkLine, WorkSection, go, settled } from './parts'

const SHOWN = 3
const DAY_MS = 86_400_000
const waited = (iso: string | null) => (iso ? Math.floor((Date.now() - Date.parse(iso)) / DAY_MS) : 0)

/**
 * 陈姐's morning: the vetting queue (oldest first, open one straight from home), the pairings the
 * directors have confirmed and wait for her approval, pairings gone quiet for 60 days, and the
 * priority children still without a love parent. One query per list, the same its page opens with.
 */
export default function CoordinatorWork() {
  const vetting = useVettingQueue(queueQuery('submitted'))
  const ledger = useLedger(ledgerHomeQuery('coordinator'))
  const priority = usePriorityChildren(1, PRIORITY_PAGE_SIZE)
  useRefetchOnShow(vetting, ledger, priority)
  const ready = settled(vetting, ledger, priority)

  return (
    <WorkSection ready={ready}>
      <WorkCard id='home-vetting' title='志愿者审核' more={{ id: 'home-vetting-more', label: '审核列表', onClick: go(ROUTES.vettingQueue) }}>
        <Tallies>
          <Tally id='home-count-submitted' count={vetting.data?.counts.submitted} label='份报名待审核' tone='warn' onClick={go(ROUTES.vettingQueue)} />
          <Tally id='home-count-info-requested' count={vetting.data?.counts.info_requested} label='份等志愿者补充' />
        </Tallies>
        {vetting.data?.items.slice(0, SHOWN).map((a) => {
          const days = waited(a.submittedAt)
          return (
            <WorkLine
              key={a.id}
              id={`home-application-${a.id}`}
              title={a.realName ?? '（未填写姓名）'}
              detail={[a.kind ? VOLUNTEER_KIND_LABELS[a.kind] : null, a.serviceRegionName, days > 0 ? `已等待 ${days} 天` : '今天提交'].filter(Boolean).join(' · ')}
              tone={days >= 7 ? 'warn' : undefined}
              onClick={go(`${ROUTES.vettingApplication}?id=${a.id}`)}
            />
          )
        })}
      </WorkCard>

      <WorkCard id='home-approvals' title={`结对待审批（${ledger.data?.counts.acknowledged ?? '…'}）`} more={{ id: 'home-approvals-more', label: '全部', onClick: go(`${ROUTES.pairingLedger}?state=acknowledged`) }}>
        {ledger.data?.items.length === 0 && <Text className='work-card__text'>没有等您审批的结对。</Text>}
        {ledger.data?.items.slice(0, SHOWN).map((p) => (
          <WorkLine key={p.id} id={`home-approval-${p.id}`} title={`${p.child.name} ← ${p.volunteer.realName ?? '爱心家长'}`} detail={`${p.child.villageName} · 家庭已同意，待您审批`} onClick={go(`${ROUTES.pairingDetail}?id=${p.id}`)} />
        ))}
      </WorkCard>

      <WorkCard id='home-pairing-watch' title='结对'>
        <Tallies>
          <Tally id='home-count-stale' count={ledger.data?.staleCount} label='个结对60天没有确认的探访' tone='warn' onClick={go(`${ROUTES.pairingLedger}?stale=true`)} />
          <Tally id='home-count-priority' count={priority.data?.total} label='名重点儿童还没有结对' tone='warn' onClick={go(ROUTES.pairingPriority)} />
        </Tallies>
      </WorkCard>
    </WorkSection>
  )
}
