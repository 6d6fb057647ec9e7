import { Text } from '@tarojs/components'
import { PAIRING_END_REASON_LABELS, PAIRING_STATES, PAIRING_STATE_LABELS, type PairingRow } from '@qstx/shared'
import type { Column } from '../../../../components/DataTable'
import { STATE_CLASS, sinceLine } from '../../labels'

/**
 * The desk table's order. Only within the page on screen: the ledger's server order (newest change
 * first) is the pairings module's, which this change leaves alone.
 */
const BY: Record<string, (p: PairingRow) => string> = {
  child: (p) => p.child.name,
  volunteer: (p) => p.volunteer.realName ?? '',
  state: (p) => String(PAIRING_STATES.indexOf(p.state)),
  since: (p) => p.startDate ?? p.proposedAt,
}
export function sorted(rows: readonly PairingRow[], sort: string | undefined): readonly PairingRow[] {
  if (!sort) return rows
  const desc = sort.startsWith('-')
  const key = BY[sort.replace('-', '')]!
  return [...rows].sort((a, b) => key(a).localeCompare(key(b), 'zh-CN') * (desc ? -1 : 1))
}

export const COLUMNS: ReadonlyArray<Column<PairingRow>> = [
  { key: 'child', title: '儿童', sort: ['child', '-child'], render: (p) => `${p.child.name} · ${p.child.villageName}` },
  { key: 'volunteer', title: '爱心家长', sort: ['volunteer', '-volunteer'], render: (p) => [p.volunteer.realName ?? '（未填写姓名）', p.volunteer.team?.name].filter(Boolean).join(' · ') },
  { key: 'state', title: '状态', sort: ['state', '-state'], render: (p) => <Text id={`ledger-row-state-${p.id}`} className={STATE_CLASS[p.state]}>{PAIRING_STATE_LABELS[p.state]}</Text> },
  { key: 'since', title: '日期', sort: ['since', '-since'], render: (p) => sinceLine(p) + (p.endReason ? ` · ${PAIRING_END_REASON_LABELS[p.endReason]}` : '') },
  {
    key: 'flags',
    title: '提示',
    render: (p) => (
      <>
        {p.stale && <Text id={`ledger-row-stale-${p.id}`} className='tag tag--warn'>{p.daysWithoutContact} 天没有确认的探访</Text>}
        {p.resumeOverdue && <Text className='tag tag--warn'>已过预计恢复日期</Text>}
      </>
    ),
  },
]
