import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useQueryClient } from '@tanstack/react-query'
import {
  CreateDirectorVisitBodySchema, DIRECTOR_VISIT_KINDS, DIRECTOR_VISIT_KIND_LABELS, quarterOf, type DutyCalendarResponseSchema,
} from '@qstx/shared'
import type { z } from 'zod'
import { useDirectorVisits, useRecordVisit } from '../../../../api/duty'
import { ROUTES } from '../../../../constants/routes'
import VisitCare, { NO_CARE, careBody, careErrors, type CareInput } from '../../components/VisitCare'
import { queryKeys } from '../../../../api/query-keys'
import ChoiceChips, { options } from '../../../../components/ChoiceChips'
import TextArea from '../../../../components/TextArea'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../../../utils/form-errors'
import { todayInChina } from '../../../../utils/format'
import './index.scss'

type Kind = (typeof DIRECTOR_VISIT_KINDS)[number]
type Calendar = z.infer<typeof DutyCalendarResponseSchema>

/** The child's row of the calendar this page was opened from: no name in the URL, no extra file read. */
function useRowFromCalendar(childId: string): Calendar['items'][number] | null {
  const client = useQueryClient()
  for (const [, data] of client.getQueriesData<Calendar>({ queryKey: [...queryKeys.duty, 'calendar'] })) {
    const row = data?.items.find((r) => r.childId === childId)
    if (row) return row
  }
  return null
}

/**
 * The director records a contact or a home visit for one child — the ledger template's visit rows:
 * date, problems found, measures taken. Home visits are filed under their quarter (Q1–Q4).
 */
export default function DutyVisitPage() {
  useRequireLogin()
  const { childId = '' } = useRouter().params
  // The first row found is kept: the calendar refetches after saving, and the form must not change under the director.
  const fresh = useRowFromCalendar(childId)
  const first = useRef(fresh)
  if (!first.current && fresh) first.current = fresh
  const shown = first.current
  const name = shown ? `${shown.name}（${shown.villageName}）` : null
  const [care, setCare] = useState<CareInput>(NO_CARE)
  const visits = useDirectorVisits(childId)
  const record = useRecordVisit(childId)
  const [kind, setKind] = useState<Kind>('home_visit')
  const [date, setDate] = useState(todayInChina)
  const [problems, setProblems] = useState('')
  const [measures, setMeasures] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})

  const submit = () => {
    if (record.isPending) return
    const parsed = CreateDirectorVisitBodySchema.safeParse({
      kind, visitedOn: date, ...(problems.trim() ? { problems } : {}), ...(measures.trim() ? { measures } : {}), ...careBody(care),
    })
    const half = careErrors(care)
    if (Object.keys(half).length) return setErrors(half)
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error))
    if (date > todayInChina()) return setErrors({ visitedOn: '走访日期不能晚于今天' })
    setErrors({})
    record.mutate(parsed.data, { onError: (e) => setErrors(serverFieldErrors(e)) })
  }

  const q = quarterOf(date)
  return (
    <View className='page duty-visit'>
      <Text className='page-title'>记录联系或走访</Text>
      <Text id='visit-child' className='duty-visit__child'>
        {name ?? '这名儿童'}
      </Text>
      {record.isSuccess ? (
        <View id='visit-saved' className='card duty-visit__saved'>
          <Text className='duty-visit__saved-title'>已记录</Text>
          <Text className='duty-row__line'>下次联系和入户走访的日期已按这次记录更新。</Text>
          {care.capacity && (
            <Text id='visit-entrusted-link' className='link duty-visit__next' onClick={() => void Taro.navigateTo({ url: `${ROUTES.careEntrusted}?childId=${childId}` })}>
              {care.capacity === 'capable' ? '查看委托照护记录' : '下一步：记录告知父母、重新选择照护人'}
            </Text>
          )}
          <Button id='visit-done' type='primary' size='large' block onClick={() => void Taro.navigateBack()}>
            返回走访任务
          </Button>
        </View>
      ) : (
        <View className='card'>
          <ChoiceChips id='visit-kind' label='这次是' options={options(DIRECTOR_VISIT_KINDS, DIRECTOR_VISIT_KIND_LABELS)} value={kind} onChange={setKind} big />
          <Text className='duty-visit__label'>日期</Text>
          <View className='duty-visit__date'>
            <Text id='visit-date' className='duty-visit__date-value'>
              {date}
            </Text>
            <Picker mode='date' value={date} end={todayInChina()} onChange={(e) => setDate(String(e.detail.value))}>
              <Text id='visit-date-pick' className='link'>改日期</Text>
            </Picker>
          </View>
          {kind === 'home_visit' && (
            <Text id='visit-quarter' className='duty-visit__quarter'>
              记入 {date.slice(0, 4)} 年第{q}季度（Q{q}）入户走访
            </Text>
          )}
          {errors.visitedOn && <Text className='form-error'>{errors.visitedOn}</Text>}
          <TextArea id='visit-problems' label='发现的问题（选填）' value={problems} onChange={setProblems} error={errors.problems} maxlength={1000} />
          <TextArea id='visit-measures' label='采取的措施（选填）' value={measures} onChange={setMeasures} error={errors.measures} maxlength={1000} />
          <VisitCare row={shown} value={care} onChange={setCare} errors={errors} />
          {record.isError && (
            <Text id='visit-error' className='form-error'>
              {record.error.message}
            </Text>
          )}
          <Button id='visit-submit' type='primary' size='large' block loading={record.isPending} onClick={submit}>
            保存
          </Button>
        </View>
      )}
      {visits.data && visits.data.length > 0 && (
        <View id='visit-history' className='card'>
          <Text className='section-title'>以往记录</Text>
          {visits.data.map((v) => (
            <View key={v.id} id={`visit-item-${v.id}`} className='duty-visit__item'>
              <Text className='duty-row__name'>
                {v.visitedOn} · {DIRECTOR_VISIT_KIND_LABELS[v.kind]}
                {v.kind === 'home_visit' ? `（Q${quarterOf(v.visitedOn)}）` : ''}
              </Text>
              {v.problems && <Text className='duty-row__line'>问题：{v.problems}</Text>}
              {v.measures && <Text className='duty-row__line'>措施：{v.measures}</Text>}
              {v.waterSafety && <Text className='duty-row__line'>防溺水教育：{v.waterSafety}</Text>}
              <Text className='duty-row__last'>记录人：{v.byName}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
