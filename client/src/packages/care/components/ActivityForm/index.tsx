import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, CreateActivityBodySchema, regionLevel, type ActivityKind } from '@qstx/shared'
import { useCreateActivity, useVolunteerOptions } from '../../../../api/care'
import ChoiceChips, { options } from '../../../../components/ChoiceChips'
import DateField from '../../../../components/DateField'
import TextArea from '../../../../components/TextArea'
import TextField from '../../../../components/TextField'
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../../../utils/form-errors'
import { todayInChina } from '../../../../utils/format'
import VillagePick from '../VillagePick'

/**
 * Recording an activity: where, when, what kind, who organised it, how many children came, and the
 * volunteers who served (one duration for all; each one's hours wait for the village's director).
 */
export default function ActivityForm({ region, onCreated }: { region: string; onCreated: (id: string) => void }) {
  const create = useCreateActivity()
  const [village, setVillage] = useState<string | null>(regionLevel(region) === 'village' ? region : null)
  const [kind, setKind] = useState<ActivityKind | null>(null)
  const [f, setF] = useState({ title: '', place: '', organiser: '', heldOn: todayInChina(), children: '', minutes: '120', content: '' })
  const [picked, setPicked] = useState<string[]>([])
  const [errors, setErrors] = useState<FieldErrors>({})
  const volunteers = useVolunteerOptions(village)
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v })
  const submit = () => {
    const parsed = CreateActivityBodySchema.safeParse({
      villageCode: village, heldOn: f.heldOn, kind, title: f.title, place: f.place, organiser: f.organiser, childrenReached: Number(f.children || 'x'),
      ...(f.content.trim() ? { content: f.content } : {}), volunteers: picked.map((volunteerId) => ({ volunteerId, minutes: Number(f.minutes) })),
    })
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error))
    setErrors({})
    create.mutate(parsed.data, { onSuccess: (r) => onCreated(r.id), onError: (e) => setErrors(serverFieldErrors(e)) })
  }
  return (
    <View className='card'>
      <VillagePick root={region} value={village} onChange={setVillage} error={errors.villageCode} />
      <ChoiceChips id='activity-kind' label='活动类型' options={options(ACTIVITY_KINDS, ACTIVITY_KIND_LABELS)} value={kind} onChange={setKind} error={errors.kind} big />
      <TextField id='activity-title' label='活动名称' value={f.title} onChange={set('title')} error={errors.title} maxlength={40} />
      <DateField id='activity-date' label='活动日期' value={f.heldOn} onChange={set('heldOn')} end={todayInChina()} error={errors.heldOn} />
      <TextField id='activity-place' label='活动地点' value={f.place} onChange={set('place')} error={errors.place} maxlength={60} />
      <TextField id='activity-organiser' label='组织单位' value={f.organiser} onChange={set('organiser')} error={errors.organiser} maxlength={60} />
      <TextField id='activity-children' label='参加的儿童（人数）' type='number' value={f.children} onChange={set('children')} error={errors.childrenReached} />
      {village && (volunteers.data?.items.length ?? 0) > 0 && (
        <View>
          <ChoiceChips id='activity-volunteer' label='参加服务的志愿者（可多选）' multiple options={volunteers.data!.items.map((v) => ({ value: v.volunteerId, label: v.teamName ? `${v.name}（${v.teamName}）` : v.name }))} value={picked} onChange={setPicked} error={errors.volunteers} />
          {picked.length > 0 && <TextField id='activity-minutes' label='每人服务时长（分钟）' type='number' value={f.minutes} onChange={set('minutes')} hint='由村儿童主任确认后记入志愿者的服务时长（平台记录）' />}
        </View>
      )}
      <TextArea id='activity-content' label='活动内容（选填）' value={f.content} onChange={set('content')} maxlength={1000} />
      {create.isError && <Text id='activity-error' className='form-error'>{create.error.message}</Text>}
      <Button id='activity-submit' type='primary' size='large' block loading={create.isPending} onClick={submit}>
        保存活动
      </Button>
    </View>
  )
}
