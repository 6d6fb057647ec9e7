import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import {
  CreateReportBodySchema, REPORT_KINDS, REPORT_KIND_LABELS, URGENCIES, URGENCY_LABELS, roleCan, type CreateReportBody, type ReportKind, type Urgency,
} from '@qstx/shared'
import { useChild, useChildCard } from '../../../../api/children'
import { useCreateReport } from '../../../../api/safeguarding'
import ChoiceChips, { options } from '../../../../components/ChoiceChips'
import TextArea from '../../../../components/TextArea'
import TextField from '../../../../components/TextField'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../../../utils/form-errors'
import { formatDateTime, todayInChina } from '../../../../utils/format'
import VillagePicker, { type Place } from '../../components/VillagePicker'
import './index.scss'

/**
 * The written report, on one screen: which child, what kind of harm, how urgent, what was seen,
 * when and where. Opened from a child's page the child is already named; otherwise the reporter
 * gives a name and picks the village, which routes the report to the people responsible there.
 */
export default function ReportNewPage() {
  useRequireLogin()
  const { childId = '' } = useRouter().params
  const me = useMe()
  const role = me.data?.activeRole
  // Staff name a child on file by its id; a volunteer (from the card) describes the child by name
  // and village — the server accepts a file id only from staff of that village's region.
  const staff = !!role && roleCan(role.role, 'child.read')
  const file = useChild(childId, !!childId && staff)
  const card = useChildCard(childId, !!childId && role?.role === 'volunteer')
  const onFile = staff && file.data ? file.data : null

  const [childName, setChildName] = useState<string | null>(null)
  const [village, setVillage] = useState<Place | null>(null)
  const [kind, setKind] = useState<ReportKind | null>(null)
  const [urgency, setUrgency] = useState<Urgency | null>(null)
  const [seen, setSeen] = useState('')
  const [seenDate, setSeenDate] = useState<string | null>(null)
  const [seenTime, setSeenTime] = useState<string | null>(null)
  const [place, setPlace] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const create = useCreateReport()

  const shownName = childName ?? card.data?.displayName ?? ''

  const seenAt = () => {
    if (!seenDate && !seenTime) return new Date().toISOString()
    return `${seenDate ?? todayInChina()}T${seenTime ?? '12:00'}:00+08:00`
  }

  const submit = () => {
    if (create.isPending) return
    const body: Partial<CreateReportBody> = {
      ...(onFile ? { childId: onFile.id } : { childName: shownName.trim() || undefined, regionCode: village?.code }),
      kind: kind ?? undefined,
      urgency: urgency ?? undefined,
      seen,
      seenAt: seenAt(),
      ...(place.trim() ? { place } : {}),
    }
    const parsed = CreateReportBodySchema.safeParse(body)
    if (!parsed.success) {
      const found = zodFieldErrors(parsed.error)
      if (!kind) found.kind = '请选择情况的类别'
      if (!urgency) found.urgency = '请选择是否正处于危险中'
      if (!onFile && !village) found.regionCode = '请选择孩子所在的村（社区）'
      return setErrors(found)
    }
    setErrors({})
    create.mutate(parsed.data, { onError: (error) => setErrors(serverFieldErrors(error)) })
  }

  if (create.isSuccess) {
    return (
      <View className='page report-new'>
        <View id='report-done' className='card report-new__done'>
          <Text className='report-new__done-title'>报告已提交，儿童主任和相关负责人已收到通知</Text>
          {urgency === 'immediate' && <Text className='report-new__done-urgent'>如果孩子仍处于危险中，请立即拨打 110。</Text>}
          <Text className='item__line'>处理进展可以在“我的报告”中查看。</Text>
        </View>
        <Button id='report-mine-link' type='primary' size='large' block onClick={() => void Taro.redirectTo({ url: ROUTES.myReports })}>
          查看我的报告
        </Button>
        <Button className='report-new__home' size='large' block onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
          返回首页
        </Button>
      </View>
    )
  }

  return (
    <View className='page report-new'>
      <Text className='page-title'>填写报告</Text>
      <View className='card'>
        {onFile ? (
          <View id='report-child' className='report-new__child'>
            <Text className='report-new__label'>孩子</Text>
            <Text className='report-new__child-name'>{onFile.name}</Text>
            <Text className='item__line'>{onFile.villageName}</Text>
          </View>
        ) : (
          <View>
            <TextField id='report-child-name' label='孩子的姓名' hint='知道小名也可以' value={shownName} onChange={setChildName} error={errors.childName} maxlength={40} />
            {role ? (
              <VillagePicker
                root={{ code: role.regionCode, name: role.regionName }}
                value={village}
                onChange={setVillage}
                preferName={card.data?.villageName}
                error={errors.regionCode}
              />
            ) : (
              <Text className='form-error'>您的账号还没有角色，无法选择所在村。请直接拨打 110 或 12345 报告。</Text>
            )}
          </View>
        )}
      </View>
      <View className='card'>
        <ChoiceChips
          id='report-urgency'
          label='孩子现在'
          options={options(URGENCIES, URGENCY_LABELS)}
          value={urgency}
          onChange={setUrgency}
          tone={(u) => (u === 'immediate' ? 'danger' : undefined)}
          big
          error={errors.urgency}
        />
        {urgency === 'immediate' && <Text className='report-new__urgent-note'>孩子正处于危险中，请先拨打 110，再提交报告。</Text>}
        <ChoiceChips id='report-kind' label='是什么情况' options={options(REPORT_KINDS, REPORT_KIND_LABELS)} value={kind} onChange={setKind} error={errors.kind} />
      </View>
      <View className='card'>
        <TextArea id='report-seen' label='看到或听到了什么' hint='写下自己看到、听到的事实，不用猜原因' value={seen} onChange={setSeen} error={errors.seen} />
        <View className='report-new__when'>
          <Text className='report-new__label'>什么时候</Text>
          <Text id='report-seen-at' className='report-new__when-value'>
            {seenDate || seenTime ? `${seenDate ?? todayInChina()} ${seenTime ?? '12:00'}` : `刚才（${formatDateTime(new Date().toISOString())}）`}
          </Text>
          <View className='report-new__when-pickers'>
            <Picker mode='date' value={seenDate ?? todayInChina()} end={todayInChina()} onChange={(e) => setSeenDate(String(e.detail.value))}>
              <Text className='link report-new__pick'>改日期</Text>
            </Picker>
            <Picker mode='time' value={seenTime ?? '12:00'} onChange={(e) => setSeenTime(String(e.detail.value))}>
              <Text className='link report-new__pick'>改时间</Text>
            </Picker>
          </View>
          {errors.seenAt && <Text className='form-error'>{errors.seenAt}</Text>}
        </View>
        <TextField id='report-place' label='在哪里（选填）' hint='例如：孩子家里、学校门口、河边' value={place} onChange={setPlace} error={errors.place} maxlength={200} />
      </View>
      {create.isError && (
        <Text id='report-error' className='form-error'>
          {create.error.message}
        </Text>
      )}
      <Button id='report-submit' type='primary' size='large' block loading={create.isPending} onClick={submit}>
        提交报告
      </Button>
    </View>
  )
}
