import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  ASSISTANCE_KIND_LABELS, CARE_QUALITY_LABELS, CHILD_CATEGORY_LABELS, CONSENT_METHOD_LABELS, DIFFICULTY_KIND_LABELS, ENTRUSTED_CARER_LABELS,
  ENTRUSTED_REASON_LABELS, GUARDIAN_RELATION_LABELS, HEALTH_STATUS_LABELS, HUKOU_TYPE_LABELS, PARENT_STATUS_LABELS, PRIORITY_REASON_LABELS,
  RISK_LEVEL_LABELS, SCHOOL_STAGE_LABELS, SINGLE_PARENT_FAMILY_LABELS, SPECIAL_ATTENTION_LABELS, SUBSIDY_KIND_LABELS, type ChildFullView, type RevealBody,
} from '@qstx/shared'
import { useReveal } from '../../../../api/children'
import { wechat } from '../../../../platform/wechat'
import { RISK_CLASS } from '../../labels'
import Kv from '../Kv'

const yesNo = (b: boolean) => (b ? '是' : '否')
const money = (items: ReadonlyArray<{ kind: string; yuanPerMonth: number | null }>, labels: Record<string, string>) =>
  items.map((a) => `${labels[a.kind]}${a.yuanPerMonth !== null ? ` ${a.yuanPerMonth}元/月` : ''}`).join('、')
const parent = (p: ChildFullView['father']) => (p ? `${PARENT_STATUS_LABELS[p.status]}${p.status === 'away' && p.awaySince ? `（${p.awaySince} 起）` : ''}` : null)

/** A masked value with the button that shows it in full; the reveal is a deliberate, audited act. */
function Revealable({ id, masked, shown, label, onReveal, pending, call }: { id: string; masked: string; shown: string | null | undefined; label: string; onReveal: () => void; pending: boolean; call?: boolean }) {
  if (shown !== undefined) {
    return (
      <View className='reveal'>
        <Text id={`${id}-full`} className='reveal__value'>
          {shown ?? '未填写'}
        </Text>
        {call && shown && (
          <Text className='reveal__call' onClick={() => void wechat.makePhoneCall(shown).catch(() => Taro.showToast({ title: `请拨打 ${shown}`, icon: 'none' }))}>
            拨打
          </Text>
        )}
      </View>
    )
  }
  return (
    <View className='reveal'>
      <Text id={`${id}-masked`} className='reveal__value'>
        {masked}
      </Text>
      <Text id={`child-reveal-${id.replace('child-', '')}`} className='reveal__button' onClick={() => !pending && onReveal()}>
        {pending ? '正在查看…' : label}
      </Text>
      <Text className='reveal__note'>查看将被记录</Text>
    </View>
  )
}

/** Every field of the file for the roles with the full view; ID number, address and phones masked. */
export default function FullFile({ child: c }: { child: ChildFullView }) {
  const reveal = useReveal(c.id)
  const [shown, setShown] = useState<Record<string, string | null>>({})
  const [pendingKey, setPendingKey] = useState<string | null>(null)
  const ask = (key: string, body: RevealBody) => {
    setPendingKey(key)
    reveal.mutate(body, {
      onSuccess: (r) => setShown((s) => ({ ...s, [key]: r.value })),
      onError: (error) => void Taro.showToast({ title: error.message, icon: 'none' }),
      onSettled: () => setPendingKey(null),
    })
  }
  const pend = (key: string) => reveal.isPending && pendingKey === key

  return (
    <View>
      <View className='card'>
        <Text className='section-title'>1. 基本信息</Text>
        <Kv k='姓名' v={c.name} />
        <Kv k='称呼' v={c.displayName} />
        <Kv k='性别' v={c.gender === 'male' ? '男' : '女'} />
        <Kv k='民族' v={c.ethnicity} />
        <Kv k='出生日期' v={`${c.birthDate}（${c.age}岁）`} />
        <Kv k='身份证号' v={<Revealable id='child-id' masked={c.idNumberMasked} shown={shown.idNumber} label='查看完整身份证号' pending={pend('idNumber')} onReveal={() => ask('idNumber', { field: 'idNumber' })} />} />
        <Kv
          k='家庭住址'
          v={c.addressMasked ? <Revealable id='child-address' masked={c.addressMasked} shown={shown.address} label='查看完整住址' pending={pend('address')} onReveal={() => ask('address', { field: 'address' })} /> : null}
        />
        <Kv k='户籍类型' v={HUKOU_TYPE_LABELS[c.hukouType]} />
        <Kv k='就学情况' v={c.school ? `${SCHOOL_STAGE_LABELS[c.school.stage]}${c.school.grade ? ` ${c.school.grade}年级` : ''}${c.school.name ? ` · ${c.school.name}` : ''}` : null} />
        <Kv k='是否寄宿' v={yesNo(c.boarding)} />
      </View>
      <View className='card'>
        <Text className='section-title'>2. 类别与监护</Text>
        <Kv k='儿童类别' v={c.categories.map((x) => CHILD_CATEGORY_LABELS[x]).join('、')} />
        {c.categories.includes('in_difficulty') && <Kv k='困境类别' v={c.difficultyKinds.map((x) => DIFFICULTY_KIND_LABELS[x]).join('；')} />}
        <Kv k='单亲家庭' v={SINGLE_PARENT_FAMILY_LABELS[c.singleParentFamily]} />
        <Kv k='父亲' v={parent(c.father)} />
        <Kv k='母亲' v={parent(c.mother)} />
        <Kv k='监护情况' v={c.guardianship} />
      </View>
      <View className='card'>
        <Text className='section-title'>3. 健康与心理</Text>
        <Kv k='健康状况' v={`${HEALTH_STATUS_LABELS[c.health.status]}${c.health.disabilityGrade ? ` ${c.health.disabilityGrade}级` : ''}${c.health.detail ? `：${c.health.detail}` : ''}`} />
        <Kv k='心理和行为' v={c.psychBehaviour} />
      </View>
      <View className='card'>
        <Text className='section-title'>4. 救助情况</Text>
        <Kv k='享受救助' v={money(c.assistance, ASSISTANCE_KIND_LABELS) || '无'} />
        <Kv k='教育救助' v={c.educationAid} />
        <Kv k='医疗救助' v={c.medicalAid} />
        <Kv k='其他救助' v={c.otherAid} />
      </View>
      <View className='card'>
        <Text className='section-title'>5. 家庭情况</Text>
        {c.guardians.map((g) => (
          <Kv
            key={g.id}
            k={GUARDIAN_RELATION_LABELS[g.relation]}
            v={
              <View>
                <Text className='file__guardian'>
                  {g.name}
                  {g.occupation ? ` · ${g.occupation}` : ''}
                  {g.healthy ? '' : ` · ${g.healthDetail ?? '身体不健康'}`}
                </Text>
                {g.phoneMasked && (
                  <Revealable id={`child-phone-${g.id}`} masked={g.phoneMasked} shown={shown[`phone:${g.id}`]} label='查看电话' call pending={pend(`phone:${g.id}`)} onReveal={() => ask(`phone:${g.id}`, { field: 'guardianPhone', guardianId: g.id })} />
                )}
              </View>
            }
          />
        ))}
        <Kv k='家庭人均收入' v={c.incomePerCapita !== null ? `${c.incomePerCapita}元/年` : null} />
        <Kv k='家庭享受补助' v={money(c.familySubsidies, SUBSIDY_KIND_LABELS) || '无'} />
        <Kv k='社会力量帮扶' v={c.socialSupport} />
      </View>
      <View className='card'>
        <Text className='section-title'>6. 委托照护</Text>
        <Kv k='委托照护人' v={c.entrustedCare ? ENTRUSTED_CARER_LABELS[c.entrustedCare.carer] : null} />
        {c.entrustedCare?.reason && <Kv k='委托原因' v={ENTRUSTED_REASON_LABELS[c.entrustedCare.reason]} />}
        {c.entrustedCare?.quality && <Kv k='照护情况' v={CARE_QUALITY_LABELS[c.entrustedCare.quality]} />}
      </View>
      <View className='card'>
        <Text className='section-title'>7. 监护风险与关注</Text>
        <Kv k='监护风险等级' v={c.risk ? <View><Text className={RISK_CLASS[c.risk.level]}>{RISK_LEVEL_LABELS[c.risk.level]}</Text><Text className='muted'>{` ${c.risk.assessedAt} · ${c.risk.assessor}评估`}</Text></View> : '未评估'} />
        <Kv k='临水而居' v={yesNo(c.nearWater)} />
        <Kv k='重点关注' v={c.specialAttention.map((x) => SPECIAL_ATTENTION_LABELS[x]).join('、') || '无'} />
        <Kv k='优先结对' v={c.priorityReasons.map((x) => PRIORITY_REASON_LABELS[x]).join('、') || '否'} />
        <Kv k='关爱帮扶情况' v={c.careGiven} />
        <Kv k='其他情况' v={c.otherNotes} />
      </View>
      <View className='card'>
        <Text className='section-title'>8. 结对需求与兴趣</Text>
        <Kv k='结对情况' v={c.pairingStatus === 'paired' ? '已结对' : '未结对'} />
        <Kv k='兴趣爱好' v={c.interests.join('、')} />
        <Kv k='需要哪些帮助' v={c.needs.join('、')} />
        <Kv k='给爱心家长的提示' v={c.serviceTips} />
        <Kv k='儿童主任电话' v={c.directorWorkPhone} />
      </View>
      <View className='card'>
        <Text className='section-title'>9. 监护人同意</Text>
        {c.consent ? (
          <Kv k='同意' v={`${c.consent.givenBy}（${GUARDIAN_RELATION_LABELS[c.consent.relation]}）· ${c.consent.date} · ${CONSENT_METHOD_LABELS[c.consent.method]}`} />
        ) : (
          <Text id='child-consent-missing' className='file__consent-missing'>
            未记录监护人同意：结对前必须取得。
          </Text>
        )}
        <Kv k='填表人' v={`${c.filedByName} · ${c.filedAt}`} />
      </View>
    </View>
  )
}
