/** Form sections 5–9: 家庭情况, 委托照护, 监护风险与关注, 结对需求与兴趣, 监护人同意. */
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import {
  CARE_QUALITIES, CARE_QUALITY_LABELS, CONSENT_METHODS, CONSENT_METHOD_LABELS, ENTRUSTED_CARERS, ENTRUSTED_CARER_LABELS, ENTRUSTED_REASONS,
  ENTRUSTED_REASON_LABELS, GUARDIAN_RELATIONS, GUARDIAN_RELATION_LABELS, PRIORITY_REASONS, PRIORITY_REASON_LABELS, RISK_LEVELS, RISK_LEVEL_LABELS,
  SPECIAL_ATTENTIONS, SPECIAL_ATTENTION_LABELS, SUBSIDY_KINDS, SUBSIDY_KIND_LABELS,
} from '@qstx/shared'
import ChoiceChips, { options } from '../../../components/ChoiceChips'
import TextArea from '../../../components/TextArea'
import TextField from '../../../components/TextField'
import DateField from '../../../components/DateField'
import TagsField from '../components/TagsField'
import { emptyGuardian, type GuardianForm } from './state'
import { YES_NO, type SectionProps } from './section-props'

/** The love parents' service types (DOMAIN.md) and what children commonly enjoy: one tap each. */
const NEED_SUGGESTIONS = ['阅读指导', '学业辅导', '情感抚慰', '心理健康引导', '人身安全教育', '生活帮助', '运动游戏', '精神陪伴']
const INTEREST_SUGGESTIONS = ['画画', '看书', '唱歌', '跳舞', '踢球', '跑步', '手工', '下棋']

export function FamilySection({ form: f, update, errors: e }: SectionProps) {
  const setGuardian = (i: number, patch: Partial<GuardianForm>) => update({ guardians: f.guardians.map((g, j) => (j === i ? { ...g, ...patch } : g)) })
  return (
    <View>
      {f.guardians.map((g, i) => (
        <View key={g.id ?? `new-${i}`} className='child-form__guardian'>
          <Text className='child-form__sub'>监护人 {i + 1}</Text>
          <ChoiceChips id={`child-guardian-${i}-relation`} label='与儿童的关系' options={options(GUARDIAN_RELATIONS, GUARDIAN_RELATION_LABELS)} value={g.relation} onChange={(relation) => setGuardian(i, { relation })} error={e[`guardians.${i}.relation`]} />
          <TextField id={`child-guardian-${i}-name`} label='姓名' value={g.name} onChange={(name) => setGuardian(i, { name })} error={e[`guardians.${i}.name`]} maxlength={20} />
          <TextField
            id={`child-guardian-${i}-phone`}
            label='电话（选填）'
            hint={g.phoneMasked ? `已登记 ${g.phoneMasked}；更换时输入新号码，不改请留空` : '11位手机号或带区号的固定电话'}
            value={g.phone}
            onChange={(phone) => setGuardian(i, { phone })}
            error={e[`guardians.${i}.phone`]}
            maxlength={13}
          />
          <ChoiceChips id={`child-guardian-${i}-healthy`} label='身体是否健康' options={YES_NO} value={g.healthy ? 'yes' : 'no'} onChange={(v) => setGuardian(i, { healthy: v === 'yes' })} />
          {!g.healthy && <TextField id={`child-guardian-${i}-health-detail`} label='健康情况' value={g.healthDetail} onChange={(healthDetail) => setGuardian(i, { healthDetail })} maxlength={100} />}
          <TextField id={`child-guardian-${i}-occupation`} label='职业（选填）' value={g.occupation} onChange={(occupation) => setGuardian(i, { occupation })} maxlength={30} />
          {f.guardians.length > 1 && (
            <Button size='normal' onClick={() => update({ guardians: f.guardians.filter((_, j) => j !== i) })}>
              删除这位监护人
            </Button>
          )}
        </View>
      ))}
      {f.guardians.length < 4 && (
        <Button id='child-guardian-add' className='child-form__add' size='normal' block onClick={() => update({ guardians: [...f.guardians, emptyGuardian()] })}>
          添加监护人
        </Button>
      )}
      <TextField id='child-income' label='家庭人均收入（元/年，选填）' value={f.incomePerCapita} onChange={(incomePerCapita) => update({ incomePerCapita })} error={e.incomePerCapita} maxlength={8} />
      <ChoiceChips id='child-subsidies' multiple label='家庭享受补助' hint='不选表示无' options={options(SUBSIDY_KINDS, SUBSIDY_KIND_LABELS)} value={f.subsidies} onChange={(subsidies) => update({ subsidies })} error={e.familySubsidies} />
      {f.subsidies.map((kind) => (
        <TextField key={kind} id={`child-subsidy-yuan-${kind}`} label={`${SUBSIDY_KIND_LABELS[kind]}：每月多少元（选填）`} value={f.subsidyYuan[kind] ?? ''} onChange={(v) => update({ subsidyYuan: { ...f.subsidyYuan, [kind]: v } })} maxlength={7} />
      ))}
      <TextField id='child-social-support' label='社会力量帮扶（选填）' value={f.socialSupport} onChange={(socialSupport) => update({ socialSupport })} error={e.socialSupport} maxlength={200} />
    </View>
  )
}

export function EntrustedSection({ form: f, update }: SectionProps) {
  return (
    <View>
      <Text className='child-form__note'>农村留守儿童填写：父母外出期间由谁照护。</Text>
      <ChoiceChips id='child-carer' label='委托照护人' options={options(ENTRUSTED_CARERS, ENTRUSTED_CARER_LABELS)} value={f.carer} onChange={(carer) => update({ carer })} onClear={() => update({ carer: null, careReason: null, careQuality: null })} />
      {f.carer && (
        <View>
          <ChoiceChips id='child-care-reason' big label='委托原因' options={options(ENTRUSTED_REASONS, ENTRUSTED_REASON_LABELS)} value={f.careReason} onChange={(careReason) => update({ careReason })} onClear={() => update({ careReason: null })} />
          <ChoiceChips id='child-care-quality' label='照护情况' options={options(CARE_QUALITIES, CARE_QUALITY_LABELS)} value={f.careQuality} onChange={(careQuality) => update({ careQuality })} onClear={() => update({ careQuality: null })} />
        </View>
      )}
    </View>
  )
}

export function RiskSection({ form: f, update, errors: e, today }: SectionProps) {
  return (
    <View>
      <ChoiceChips id='child-risk' label='监护风险等级' hint='经评估确定；风险越高，探访越频繁' options={options(RISK_LEVELS, RISK_LEVEL_LABELS)} value={f.riskLevel} onChange={(riskLevel) => update({ riskLevel })} onClear={() => update({ riskLevel: null })} tone={(v) => (v === 'critical' || v === 'high' ? 'danger' : undefined)} error={e.risk} />
      {f.riskLevel && (
        <View>
          <DateField id='child-risk-assessed-at' label='评估日期' value={f.riskAssessedAt} end={today} onChange={(riskAssessedAt) => update({ riskAssessedAt })} error={e['risk.assessedAt']} />
          <TextField id='child-risk-assessor' label='评估人' value={f.riskAssessor} onChange={(riskAssessor) => update({ riskAssessor })} error={e['risk.assessor']} maxlength={20} />
        </View>
      )}
      <ChoiceChips id='child-near-water' label='是否临水而居' hint='住在河流、水塘、水库附近' options={YES_NO} value={f.nearWater ? 'yes' : 'no'} onChange={(v) => update({ nearWater: v === 'yes' })} />
      <ChoiceChips id='child-special' multiple big label='需要增加探访频次的情况' hint='没有可不选' options={options(SPECIAL_ATTENTIONS, SPECIAL_ATTENTION_LABELS)} value={f.specialAttention} onChange={(specialAttention) => update({ specialAttention })} error={e.specialAttention} />
      <ChoiceChips id='child-priority' multiple big label='优先结对' hint='没有可不选' options={options(PRIORITY_REASONS, PRIORITY_REASON_LABELS)} value={f.priorityReasons} onChange={(priorityReasons) => update({ priorityReasons })} error={e.priorityReasons} />
      <TextArea id='child-care-given' label='关爱帮扶情况（选填）' value={f.careGiven} onChange={(careGiven) => update({ careGiven })} error={e.careGiven} maxlength={1000} />
      <TextArea id='child-other-notes' label='其他情况（选填）' value={f.otherNotes} onChange={(otherNotes) => update({ otherNotes })} error={e.otherNotes} maxlength={1000} />
    </View>
  )
}

export function PairingSection({ form: f, update, errors: e }: SectionProps) {
  return (
    <View>
      <Text className='child-form__note'>这一部分会显示给结对的爱心家长（只显示称呼、年龄、年级段、兴趣、需求和提示，不显示身份证号、住址和电话）。</Text>
      <TagsField id='child-interests' label='兴趣爱好' value={f.interests} onChange={(interests) => update({ interests })} suggestions={INTEREST_SUGGESTIONS} error={e.interests} />
      <TagsField id='child-needs' label='需要哪些帮助' value={f.needs} onChange={(needs) => update({ needs })} suggestions={NEED_SUGGESTIONS} error={e.needs} />
      <TextArea id='child-service-tips' label='给爱心家长的提示（选填）' hint='例如：孩子比较内向，先从聊兴趣开始' value={f.serviceTips} onChange={(serviceTips) => update({ serviceTips })} error={e.serviceTips} maxlength={300} />
      <TextField id='child-director-phone' label='儿童主任工作电话（选填）' hint='爱心家长可以拨打这个号码联系您' value={f.directorWorkPhone} onChange={(directorWorkPhone) => update({ directorWorkPhone })} error={e.directorWorkPhone} maxlength={13} />
    </View>
  )
}

export function ConsentSection({ form: f, update, errors: e, today }: SectionProps) {
  return (
    <View>
      <View id='child-consent-required' className='child-form__required'>
        <Text className='child-form__required-title'>结对前必须取得监护人同意</Text>
        <Text>不满14周岁儿童的个人信息属于敏感信息，须经监护人同意。没有记录同意的儿童不能结对，档案可以先保存。</Text>
      </View>
      <TextField id='child-consent-given-by' label='同意人姓名' value={f.consentGivenBy} onChange={(consentGivenBy) => update({ consentGivenBy })} error={e['consent.givenBy'] ?? e.consent} maxlength={20} />
      <ChoiceChips id='child-consent-relation' label='与儿童的关系' options={options(GUARDIAN_RELATIONS, GUARDIAN_RELATION_LABELS)} value={f.consentRelation} onChange={(consentRelation) => update({ consentRelation })} onClear={() => update({ consentRelation: null })} error={e['consent.relation']} />
      <DateField id='child-consent-date' label='同意日期' value={f.consentDate} end={today} onChange={(consentDate) => update({ consentDate })} error={e['consent.date']} />
      <ChoiceChips id='child-consent-method' label='同意方式' options={options(CONSENT_METHODS, CONSENT_METHOD_LABELS)} value={f.consentMethod} onChange={(consentMethod) => update({ consentMethod })} onClear={() => update({ consentMethod: null })} error={e['consent.method']} />
    </View>
  )
}
