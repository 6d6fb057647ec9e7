import { Text, View } from '@tarojs/components'
import { DUTY_STATUS_LABELS, ENTRUSTED_FOLLOW_UP_LABELS, WATER_SAFETY_STATUS_LABELS, type DutyCalendarResponseSchema } from '@qstx/shared'
import type { z } from 'zod'

type Calendar = z.infer<typeof DutyCalendarResponseSchema>
type Row = Calendar['items'][number]

const DUE_CLASS: Record<string, string> = { ok: 'due', due_soon: 'due due--soon', overdue: 'due due--overdue', done: 'due due--done' }

/** A row's issue-17 tasks: the entrusted carer's yearly re-assessment (and any follow-up), this holiday's water-safety talk. */
export function CareLines({ row }: { row: Row }) {
  return (
    <View>
      {row.entrusted && (
        <Text id={`duty-entrusted-${row.childId}`} className='duty-row__line'>
          委托照护评估：{row.entrusted.dueOn} <Text className={DUE_CLASS[row.entrusted.status]}>{DUTY_STATUS_LABELS[row.entrusted.status]}</Text>
          {row.entrusted.followUp && <Text className='duty-row__reason'>{ENTRUSTED_FOLLOW_UP_LABELS[row.entrusted.followUp]}</Text>}
        </Text>
      )}
      {row.waterSafety && (
        <Text id={`duty-water-${row.childId}`} className='duty-row__line'>
          防溺水教育：{row.waterSafety.status === 'done' ? `已于 ${row.waterSafety.lastTalkOn} 开展` : `${row.waterSafety.dueOn} 前`}{' '}
          <Text className={DUE_CLASS[row.waterSafety.status]}>{WATER_SAFETY_STATUS_LABELS[row.waterSafety.status]}</Text>
        </Text>
      )}
    </View>
  )
}

/** Which holiday the near-water list is for, and that its dates stand until the school calendar confirms them. */
export function WaterWindowNote({ window }: { window: Calendar['waterWindow'] }) {
  if (!window) return <Text id='duty-water-window' className='card muted'>本省的中小学校历尚未录入，暂无假期前防溺水任务。</Text>
  return (
    <Text id='duty-water-window' className='card muted'>
      {window.current ? `${window.label}：${window.opensOn} 起，请在 ${window.dueOn} 前给临水儿童讲一次防溺水安全知识` : `下一次：${window.label}，${window.opensOn} 开始`}
      {window.provisional ? '（假期日期暂定，以教育部门公布的校历为准）' : ''}
    </Text>
  )
}
