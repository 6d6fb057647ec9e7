import { Text } from '@tarojs/components'
import { PRIORITY_REASON_LABELS, RISK_LEVEL_LABELS } from '@qstx/shared'
import type { fetchChildren } from '../../../../api/children'
import type { Column } from '../../../../components/DataTable'
import { RISK_CLASS } from '../../labels'

type Row = Awaited<ReturnType<typeof fetchChildren>>['items'][number]

const CATEGORY_SHORT = { left_behind: '留守', in_difficulty: '困境' } as const

/** The desk table: name, age and village sort on the server (the whole list, not one page). */
export const COLUMNS: ReadonlyArray<Column<Row>> = [
  { key: 'name', title: '姓名', sort: ['name', '-name'], render: (r) => r.name },
  { key: 'age', title: '性别 · 年龄', sort: ['age', '-age'], render: (r) => `${r.gender === 'male' ? '男' : '女'} · ${r.age}岁` },
  { key: 'village', title: '村（社区）', sort: ['village', '-village'], render: (r) => r.villageName },
  { key: 'categories', title: '类别', render: (r) => [...r.categories.map((c) => CATEGORY_SHORT[c]), ...r.priorityReasons.map((p) => `优先：${PRIORITY_REASON_LABELS[p]}`)].join('、') },
  { key: 'risk', title: '风险', render: (r) => (r.view === 'desk' && r.riskLevel ? <Text className={RISK_CLASS[r.riskLevel]}>{RISK_LEVEL_LABELS[r.riskLevel]}</Text> : '—') },
  {
    key: 'flags',
    title: '情况',
    render: (r) =>
      [r.pairingStatus === 'paired' ? '已结对' : '未结对', r.view === 'desk' && r.nearWater ? '临水' : null, r.consentOnFile ? null : '未记录监护人同意', r.status === 'closed' ? '已结案' : null].filter(Boolean).join(' · '),
  },
]
