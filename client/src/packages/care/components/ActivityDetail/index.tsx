import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ACTIVITY_KIND_LABELS, ACTIVITY_SERVICE_STATUS_LABELS, type Activity } from '@qstx/shared'
import { useActivityPhoto, useAddPhoto, useDecideService } from '../../../../api/care'
import ChoiceChips from '../../../../components/ChoiceChips'
import { pickPhoto } from '../../photo'

function Photo({ id, photoId }: { id: string; photoId: string }) {
  const p = useActivityPhoto(id, photoId)
  return p.data ? <Image className='activity__photo' mode='aspectFill' src={`data:${p.data.contentType};base64,${p.data.dataBase64}`} /> : <View className='activity__photo' />
}

/** One activity: what it was, the volunteers' hours (the village director confirms each), photos without children's faces. */
export default function ActivityDetail({ a, confirms, records }: { a: Activity; confirms: boolean; records: boolean }) {
  const decide = useDecideService(a.id)
  const add = useAddPhoto(a.id)
  const [noFaces, setNoFaces] = useState(false)
  const addPhoto = async () => {
    const photo = await pickPhoto()
    if (photo) add.mutate(photo)
  }
  return (
    <View id='activity-detail'>
      <View className='card'>
        <Text className='care__big'>{a.title}</Text>
        <Text className='care__line'>{a.heldOn} · {ACTIVITY_KIND_LABELS[a.kind]} · {a.villageName}</Text>
        <Text className='care__line'>地点：{a.place} · 组织：{a.organiser}</Text>
        <Text className='care__line'>参加儿童 {a.childrenReached} 人{a.children?.length ? `（${a.children.map((c) => c.name).join('、')}）` : ''}</Text>
        {a.content && <Text className='care__line'>{a.content}</Text>}
        <Text className='care__line'>记录人：{a.recordedByName}</Text>
      </View>
      <View className='card'>
        <Text className='section-title'>志愿者服务时长</Text>
        {a.services.length === 0 && <Text className='muted'>没有登记志愿者。</Text>}
        {a.services.map((s) => (
          <View key={s.id} id={`service-${s.id}`} className='care__item'>
            <Text className='care__big'>{s.volunteerName} · {Math.round(s.minutes / 6) / 10} 小时</Text>
            <Text id={`service-status-${s.id}`} className={s.status === 'confirmed' ? 'care__ok' : s.status === 'disputed' ? 'care__bad' : 'care__line'}>{ACTIVITY_SERVICE_STATUS_LABELS[s.status]}{s.decisionNote ? `：${s.decisionNote}` : ''}</Text>
            {confirms && s.status === 'pending' && (
              <View className='button-row'>
                <Button id={`service-confirm-${s.id}`} type='primary' loading={decide.isPending} onClick={() => decide.mutate({ serviceId: s.id, decision: 'confirm' })}>确认参加</Button>
                <Button id={`service-dispute-${s.id}`} loading={decide.isPending} onClick={() => decide.mutate({ serviceId: s.id, decision: 'dispute', note: '没有参加这次活动' })}>没有参加</Button>
              </View>
            )}
          </View>
        ))}
        {decide.isError && <Text className='form-error'>{decide.error.message}</Text>}
      </View>
      <View id='activity-photos' className='card'>
        <Text className='section-title'>活动照片</Text>
        <View className='activity__photos'>{a.photos.map((p) => <Photo key={p.id} id={a.id} photoId={p.id} />)}</View>
        {records && (
          <View>
            <ChoiceChips id='photo-no-faces' options={[{ value: 'yes', label: '照片中没有儿童的面部' }]} value={noFaces ? 'yes' : null} onChange={() => setNoFaces(true)} onClear={() => setNoFaces(false)} hint='保护儿童隐私：只上传看不到儿童面部的照片（场地、横幅、背影等）' />
            <Button id='photo-add' size='large' block disabled={!noFaces} loading={add.isPending} onClick={() => void addPhoto()}>上传照片</Button>
            {add.isError && <Text className='form-error'>{add.error.message}</Text>}
          </View>
        )}
      </View>
    </View>
  )
}
