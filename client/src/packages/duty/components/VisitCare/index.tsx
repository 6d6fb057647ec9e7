import { Text, View } from '@tarojs/components'
import {
  CARER_CAPACITIES, CARER_CAPACITY_LABELS, CARE_QUALITIES, CARE_QUALITY_LABELS,
  type CarerCapacity, type CreateDirectorVisitBody, type DutyCalendarResponseSchema,
} from '@qstx/shared'
import type { z } from 'zod'
import ChoiceChips, { options } from '../../../../components/ChoiceChips'
import TextArea from '../../../../components/TextArea'
import type { FieldErrors } from '../../../../utils/form-errors'

type Row = z.infer<typeof DutyCalendarResponseSchema>['items'][number]
type CareQuality = (typeof CARE_QUALITIES)[number]

export interface CareInput {
  capacity: CarerCapacity | null
  quality: CareQuality | null
  note: string
  water: boolean
  content: string
}
export const NO_CARE: CareInput = { capacity: null, quality: null, note: '', water: false, content: '' }

/** The visit body's parts for what was filled in (an assessment needs both the finding and the quality). */
export function careBody(v: CareInput): Pick<CreateDirectorVisitBody, 'entrustedCare' | 'waterSafety'> {
  return {
    ...(v.capacity && v.quality ? { entrustedCare: { capacity: v.capacity, quality: v.quality, ...(v.note.trim() ? { note: v.note } : {}) } } : {}),
    ...(v.water ? { waterSafety: { content: v.content } } : {}),
  }
}

/** A finding without a quality (or the reverse) is half an assessment: say which half is missing. */
export function careErrors(v: CareInput): FieldErrors {
  if (v.capacity && !v.quality) return { quality: '请选择委托照料情况' }
  if (!v.capacity && v.quality) return { capacity: '请选择照护人履职情况' }
  return {}
}

/**
 * What a visit may also record (issue #17): the carer's assessment for a child in entrusted care
 * (its yearly re-assessment), and the water-safety talk for a child on the near-water list.
 */
export default function VisitCare({ row, value: v, onChange, errors }: { row: Row | null; value: CareInput; onChange: (v: CareInput) => void; errors: FieldErrors }) {
  const set = (patch: Partial<CareInput>) => onChange({ ...v, ...patch })
  return (
    <View>
      {row?.entrusted && (
        <View id='visit-entrusted' className='duty-visit__care'>
          <Text className='duty-visit__label'>委托照护情况（本次走访评估，选填）</Text>
          <ChoiceChips id='visit-capacity' label='被委托照护人' options={options(CARER_CAPACITIES, CARER_CAPACITY_LABELS)} value={v.capacity} onChange={(capacity) => set({ capacity })} onClear={() => set({ capacity: null })} error={errors.capacity} big />
          <ChoiceChips id='visit-quality' label='委托照料情况' options={options(CARE_QUALITIES, CARE_QUALITY_LABELS)} value={v.quality} onChange={(quality) => set({ quality })} onClear={() => set({ quality: null })} error={errors.quality} />
          {v.capacity && v.capacity !== 'capable' && <Text className='duty-visit__quarter'>保存后请告知儿童父母或其他监护人，并重新选择照护人或督促照护人履行职责</Text>}
          <TextArea id='visit-entrusted-note' label='照护情况说明（选填）' value={v.note} onChange={(note) => set({ note })} maxlength={500} />
        </View>
      )}
      {row?.waterSafety && (
        <View id='visit-water' className='duty-visit__care'>
          <ChoiceChips id='visit-water-toggle' label='防溺水安全教育（临水儿童，假期前）' options={[{ value: 'yes', label: '本次讲了防溺水安全知识' }]} value={v.water ? 'yes' : null} onChange={() => set({ water: true })} onClear={() => set({ water: false })} />
          {v.water && <TextArea id='visit-water-content' label='讲了哪些内容' placeholder='如：不私自下水游泳、不到无安全设施的水域玩耍、遇到同伴落水不盲目施救' value={v.content} onChange={(content) => set({ content })} error={errors.waterSafety} maxlength={500} />}
        </View>
      )}
    </View>
  )
}
