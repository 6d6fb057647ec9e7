import { Text, View } from '@tarojs/components'
import {
  ACCEPTANCE_DOCUMENTS, AVAILABILITY_SLOT_LABELS, CONTACT_MODE_LABELS, SKILL_LABELS, VOLUNTEER_KIND_LABELS,
  type VettingApplication,
} from '@qstx/shared'
import { formatDate, formatDateTime } from '../../../../utils/format'
import { ACCEPTANCE_SHORT, EVENT_LABELS } from '../../labels'

const GENDER = { male: '男', female: '女' } as const

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='vetting__row'>
      <Text className='vetting__key'>{label}</Text>
      <Text id={id} className='vetting__value'>
        {value}
      </Text>
    </View>
  )
}

/**
 * The application as the coordinator reads it: ID number and phone masked by the server (the full
 * values never leave it), the age from the ID number, and what the person wants to do.
 */
export default function ApplicationDetails({ application: a }: { application: VettingApplication }) {
  const list = (items: readonly string[]) => (items.length ? items.join('、') : '—')
  return (
    <View id='application-details' className='card'>
      <Row id='application-id' label='身份证号' value={a.idNumberMasked ?? '—'} />
      <Row id='application-phone' label='手机号' value={a.phoneMasked ?? '—'} />
      <Row id='application-age' label='年龄' value={`${a.age !== null ? `${a.age}岁` : '—'}${a.gender ? `，${GENDER[a.gender]}` : ''}`} />
      <Row label='类型' value={a.kind ? VOLUNTEER_KIND_LABELS[a.kind] : '—'} />
      <Row label='单位或组织' value={a.workUnit ?? '—'} />
      <Row label='团队' value={a.team?.name ?? '无'} />
      <Row label='服务地区' value={a.serviceRegionName ?? '—'} />
      <Row label='特长' value={list(a.skills.map((s) => SKILL_LABELS[s]))} />
      <Row label='可服务时间' value={list(a.availability.map((s) => AVAILABILITY_SLOT_LABELS[s])) + (a.availabilityNote ? `（${a.availabilityNote}）` : '')} />
      <Row label='联系方式' value={list(a.contactModes.map((m) => CONTACT_MODE_LABELS[m]))} />
      <Row label='最多结对' value={`${a.capacity} 名儿童`} />
      {ACCEPTANCE_DOCUMENTS.map((doc) => {
        const accepted = a.acceptances[doc]
        return (
          <Row
            key={doc}
            label={ACCEPTANCE_SHORT[doc]}
            value={accepted ? `${formatDate(accepted.acceptedAt)} 同意${accepted.current ? '' : '（旧版本）'}` : '未同意'}
          />
        )
      })}
      <Row label='提交时间' value={a.submittedAt ? formatDateTime(a.submittedAt) : '—'} />
    </View>
  )
}

export function ApplicationHistory({ history }: { history: VettingApplication['history'] }) {
  if (!history.length) return null
  return (
    <View id='application-history' className='card'>
      <Text className='section-title'>经过</Text>
      {history.map((e) => (
        <View key={`${e.at}-${e.type}`} className='history__item'>
          <Text className='vetting__line'>
            {formatDateTime(e.at)} · {EVENT_LABELS[e.type] ?? e.type}
            {e.actorName ? ` · ${e.actorName}` : ''}
          </Text>
          {e.reason && <Text>{e.reason}</Text>}
        </View>
      ))}
    </View>
  )
}
