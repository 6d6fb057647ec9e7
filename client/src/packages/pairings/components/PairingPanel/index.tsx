import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PAIRING_END_REASON_LABELS, PAIRING_STATE_LABELS, VOLUNTEER_KIND_LABELS, roleCan, type PairingDetail } from '@qstx/shared'
import { usePairing } from '../../../../api/pairings'
import NavRow from '../../../../components/NavRow'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useRefetchOnShow } from '../../../../hooks/use-refetch-on-show'
import { formatDate } from '../../../../utils/format'
import EventHistory from '../EventHistory'
import LoadState from '../LoadState'
import PairingActions from '../PairingActions'
import { STATE_CLASS, nextStep } from '../../labels'
import './index.scss'

const go = (url: string) => () => void Taro.navigateTo({ url })
const by = (name: string | null, at: string | null) => (at ? `${formatDate(at)}${name ? ` · ${name}` : ''}` : null)

/** The pairing's facts as they stand (the events below say how they came to be). */
function facts(p: PairingDetail): Array<[string, string | null]> {
  return [
    ['提出结对', by(p.proposedByName, p.proposedAt)],
    ['家庭同意', by(p.acknowledgedByName, p.acknowledgedAt)],
    ['批准', by(p.approvedByName, p.approvedAt)],
    ['开始日期', p.startDate],
    ['最近确认的探访', p.lastConfirmedContactAt ? formatDate(p.lastConfirmedContactAt) : p.state === 'active' ? '还没有' : null],
    ['暂停原因', p.pauseReason],
    ['预计恢复', p.expectedResumeDate],
    ['结束', p.endedAt ? `${formatDate(p.endedAt)} · ${p.endReason ? PAIRING_END_REASON_LABELS[p.endReason] : ''}` : null],
    ['结束说明', p.endNote],
    ['未结对成功', p.declineReason ? `${p.declinedAt ? formatDate(p.declinedAt) : ''} · ${p.declineReason}` : null],
  ].filter((f): f is [string, string] => !!f[1])
}

/**
 * One pairing in the ledger: who with whom, the state and the next step with who takes it, the
 * actions this role may take now, and the whole history — a page of its own on a phone (from the
 * ledger, the work lists, the notifications), beside the ledger on a desk (approve without losing
 * the list). Key it by the pairing's id, so the action forms start afresh for the next one.
 */
export default function PairingPanel({ id }: { id: string }) {
  const me = useMe()
  const role = me.data?.activeRole?.role
  const pairing = usePairing(id)
  useRefetchOnShow(pairing)

  if (!pairing.data) {
    return <LoadState query={pairing} id='pairing-load-error' title='无法打开这个结对' notFound={{ title: '没有找到这个结对', message: '它可能不在您的辖区。' }} />
  }

  const p = pairing.data
  const v = p.volunteer
  const ledger = (key: string, value: string) => go(`${ROUTES.pairingLedger}?${key}=${encodeURIComponent(value)}`)
  return (
    <View id='pairing-detail' className='pairing-detail'>
      <View className='detail__head'>
        <Text id='pairing-child' className='page-title'>
          {p.child.name}
        </Text>
        <Text id='pairing-state' className={STATE_CLASS[p.state]}>
          {PAIRING_STATE_LABELS[p.state]}
        </Text>
      </View>
      <Text className='pairing__line'>{p.child.villageName}</Text>
      <Text id='pairing-volunteer' className='pairing__line'>
        爱心家长：{v.realName ?? '（未填写姓名）'}
        {v.kind ? ` · ${VOLUNTEER_KIND_LABELS[v.kind]}` : ''}
        {v.workUnit ? ` · ${v.workUnit}` : ''}
        {v.team ? ` · ${v.team.name}` : ''}
      </Text>
      <View className='pairing__columns'>
        <View>
          <Text id='pairing-next' className='detail__next'>
            {nextStep(p)}
          </Text>
          {p.stale && (
            <Text id='pairing-stale' className='pairing__alert'>
              已经 {p.daysWithoutContact} 天没有确认的探访，请联系爱心家长了解情况，必要时暂停或结束结对。
            </Text>
          )}
          <View id='pairing-facts' className='card'>
            {facts(p).map(([k, value]) => (
              <View key={k} className='detail__fact'>
                <Text className='detail__fact-key'>{k}</Text>
                <Text className='detail__fact-value'>{value}</Text>
              </View>
            ))}
          </View>
          <PairingActions pairing={p} role={role} onRefresh={() => void pairing.refetch()} />
          {role && roleCan(role, 'pairing.list') && (
            <View id='pairing-links'>
              <NavRow id='pairing-ledger-child' title='这个孩子的全部结对' onClick={ledger('childId', p.child.id)} />
              <NavRow id='pairing-ledger-volunteer' title='这位爱心家长的全部结对' onClick={ledger('volunteerId', v.id)} />
              {v.team && <NavRow id='pairing-ledger-team' title={`${v.team.name}的结对`} onClick={ledger('teamId', v.team.id)} />}
              {roleCan(role, 'child.read') && <NavRow id='pairing-child-file' title='孩子的档案' onClick={go(`${ROUTES.childFile}?id=${encodeURIComponent(p.child.id)}`)} />}
            </View>
          )}
        </View>
        <EventHistory events={p.events} />
      </View>
    </View>
  )
}
