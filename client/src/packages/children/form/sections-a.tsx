/** Form sections 1–4: 基本信息, 类别与监护, 健康与心理, 救助情况. */
import { Text, View } from '@tarojs/components'
import {
  ASSISTANCE_KINDS, ASSISTANCE_KIND_LABELS, CHILD_CATEGORIES, CHILD_CATEGORY_LABELS, DIFFICULTY_KINDS, DIFFICULTY_KIND_LABELS, HEALTH_STATUSES,
  HEALTH_STATUS_LABELS, HUKOU_TYPES, HUKOU_TYPE_LABELS, ID_NUMBER_PROBLEM_MESSAGES, PARENT_STATUSES, PARENT_STATUS_LABELS, SCHOOL_STAGES,
  SCHOOL_STAGE_LABELS, SINGLE_PARENT_FAMILIES, SINGLE_PARENT_FAMILY_LABELS, eligibilityWarnings, parseIdNumber,
} from '@qstx/shared'
import ChoiceChips, { options } from '../../../components/ChoiceChips'
import TextArea from '../../../components/TextArea'
import TextField from '../../../components/TextField'
import DateField from '../../../components/DateField'
import { withIdNumber, type ParentForm } from './state'
import { YES_NO, type SectionProps } from './section-props'

/** The ID number checked as it is typed: nothing while it is still short, the exact problem once it is not. */
export function idNumberProblem(value: string): string | undefined {
  const v = value.trim()
  if (v === '') return undefined
  if (v.length < 18 && /^\d*$/.test(v)) return undefined
  const parsed = parseIdNumber(v)
  return parsed.ok ? undefined : ID_NUMBER_PROBLEM_MESSAGES[parsed.problem]
}

export function BasicSection({ form: f, update, errors: e, set }: SectionProps) {
  const edit = f.idNumberMasked !== null
  const derived = f.birthDate && f.gender
  return (
    <View>
      <TextField id='child-name' label='姓名' value={f.name} onChange={(name) => update({ name })} error={e.name} maxlength={20} />
      <TextField id='child-display-name' label='给爱心家长看的称呼（选填）' hint='可以用小名；不填则用名字，例如“小雨”' value={f.displayName} onChange={(displayName) => update({ displayName })} error={e.displayName} maxlength={10} />
      <TextField
        id='child-id-number'
        label='身份证号'
        hint={edit ? `已登记 ${f.idNumberMasked}。需要更正时输入完整号码，不改请留空` : '18位；输入后自动得出出生日期和性别'}
        value={f.idNumber}
        onChange={(v) => set(withIdNumber(f, v.toUpperCase()))}
        error={idNumberProblem(f.idNumber) ?? e.idNumber ?? e.birthDate ?? e.gender}
        maxlength={18}
      />
      {derived && (
        <Text id='child-derived' className='child-form__derived'>
          出生日期 {f.birthDate} · {f.gender === 'male' ? '男' : '女'}（由身份证号得出）
        </Text>
      )}
      <TextField id='child-ethnicity' label='民族' value={f.ethnicity} onChange={(ethnicity) => update({ ethnicity })} error={e.ethnicity} maxlength={10} />
      <TextField
        id='child-address'
        label='家庭住址（选填）'
        hint={edit && f.addressMasked ? `已登记 ${f.addressMasked}。需要更正时输入完整住址，不改请留空` : '写到门牌号；只有儿童主任等可以查看完整住址'}
        value={f.address}
        onChange={(address) => update({ address })}
        error={e.address}
        maxlength={100}
      />
      <ChoiceChips id='child-hukou' label='户籍类型' options={options(HUKOU_TYPES, HUKOU_TYPE_LABELS)} value={f.hukouType} onChange={(hukouType) => update({ hukouType })} error={e.hukouType} />
      <ChoiceChips id='child-school-stage' label='就学情况' options={options(SCHOOL_STAGES, SCHOOL_STAGE_LABELS)} value={f.schoolStage} onChange={(schoolStage) => update({ schoolStage })} onClear={() => update({ schoolStage: null })} error={e.school} />
      {f.schoolStage && f.schoolStage !== 'not_in_school' && f.schoolStage !== 'preschool' && (
        <View>
          <TextField id='child-school-grade' label='年级（数字）' value={f.schoolGrade} onChange={(schoolGrade) => update({ schoolGrade })} error={e['school.grade']} maxlength={2} />
          <TextField id='child-school-name' label='学校名称（选填）' value={f.schoolName} onChange={(schoolName) => update({ schoolName })} error={e['school.name']} maxlength={40} />
        </View>
      )}
      <ChoiceChips id='child-boarding' label='是否寄宿' options={YES_NO} value={f.boarding ? 'yes' : 'no'} onChange={(v) => update({ boarding: v === 'yes' })} />
    </View>
  )
}

function ParentFields({ id, label, value, onChange, today, errors }: { id: string; label: string; value: ParentForm; onChange: (p: ParentForm) => void; today: string; errors: SectionProps['errors'] }) {
  return (
    <View>
      <ChoiceChips id={`${id}-status`} label={label} options={options(PARENT_STATUSES, PARENT_STATUS_LABELS)} value={value.status} onChange={(status) => onChange({ ...value, status })} onClear={() => onChange({ status: null, awaySince: null })} error={errors[id.replace('child-', '')]} />
      {value.status === 'away' && (
        <DateField id={`${id}-away-since`} label='外出务工开始时间' hint='连续外出3个月以上才属于留守' value={value.awaySince} end={today} onChange={(awaySince) => onChange({ ...value, awaySince })} />
      )}
    </View>
  )
}

export function CategorySection({ form: f, update, errors: e, today }: SectionProps) {
  const hints = f.birthDate && f.categories.length
    ? eligibilityWarnings(
        {
          categories: f.categories, difficultyKinds: f.difficultyKinds, birthDate: f.birthDate, hukouType: f.hukouType,
          father: f.father.status ? { status: f.father.status, awaySince: f.father.awaySince } : null,
          mother: f.mother.status ? { status: f.mother.status, awaySince: f.mother.awaySince } : null,
          healthStatus: f.healthStatus, assistance: f.assistance.map((kind) => ({ kind })), familySubsidies: f.subsidies.map((kind) => ({ kind })),
          guardianship: f.guardianship,
        },
        today,
      )
    : []
  return (
    <View>
      <ChoiceChips id='child-category' multiple label='儿童类别' hint='可以两项都选' options={options(CHILD_CATEGORIES, CHILD_CATEGORY_LABELS)} value={f.categories} onChange={(categories) => update({ categories })} error={e.categories} />
      {f.categories.includes('in_difficulty') && (
        <ChoiceChips id='child-difficulty' multiple big label='困境儿童类别' options={options(DIFFICULTY_KINDS, DIFFICULTY_KIND_LABELS)} value={f.difficultyKinds} onChange={(difficultyKinds) => update({ difficultyKinds })} error={e.difficultyKinds} />
      )}
      <ChoiceChips id='child-single-parent' label='是否单亲家庭' options={options(SINGLE_PARENT_FAMILIES, SINGLE_PARENT_FAMILY_LABELS)} value={f.singleParentFamily} onChange={(singleParentFamily) => update({ singleParentFamily })} />
      <ParentFields id='child-father' label='父亲情况' value={f.father} onChange={(father) => update({ father })} today={today} errors={e} />
      <ParentFields id='child-mother' label='母亲情况' value={f.mother} onChange={(mother) => update({ mother })} today={today} errors={e} />
      <TextArea id='child-guardianship' label='监护情况（选填）' hint='谁在照看孩子，有没有监护缺失或不当' value={f.guardianship} onChange={(guardianship) => update({ guardianship })} error={e.guardianship} maxlength={200} />
      {hints.length > 0 && (
        <View className='amber-notes'>
          <Text className='amber-notes__title'>请核对（不影响保存）</Text>
          {hints.map((h) => (
            <Text key={h.code} className='amber-notes__item'>
              {h.message}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}

export function HealthSection({ form: f, update, errors: e }: SectionProps) {
  return (
    <View>
      <ChoiceChips id='child-health' label='健康状况' options={options(HEALTH_STATUSES, HEALTH_STATUS_LABELS)} value={f.healthStatus} onChange={(healthStatus) => update({ healthStatus })} error={e.health} />
      {f.healthStatus === 'disability' && (
        <ChoiceChips id='child-disability-grade' label='残疾等级' options={['1', '2', '3', '4'].map((v) => ({ value: v, label: `${v}级` }))} value={f.disabilityGrade || null} onChange={(disabilityGrade) => update({ disabilityGrade })} error={e['health.disabilityGrade']} />
      )}
      {f.healthStatus !== 'healthy' && (
        <TextField id='child-health-detail' label='具体情况（选填）' hint='病名、残疾类别等' value={f.healthDetail} onChange={(healthDetail) => update({ healthDetail })} error={e['health.detail']} maxlength={100} />
      )}
      <TextArea id='child-psych' label='日常心理和行为状况（选填）' value={f.psychBehaviour} onChange={(psychBehaviour) => update({ psychBehaviour })} error={e.psychBehaviour} maxlength={200} />
    </View>
  )
}

export function AidSection({ form: f, update, errors: e }: SectionProps) {
  return (
    <View>
      <ChoiceChips id='child-assistance' multiple label='享受救助情况' hint='不选表示无' options={options(ASSISTANCE_KINDS, ASSISTANCE_KIND_LABELS)} value={f.assistance} onChange={(assistance) => update({ assistance })} error={e.assistance} />
      {f.assistance.map((kind) => (
        <TextField
          key={kind}
          id={`child-assistance-yuan-${kind}`}
          label={`${ASSISTANCE_KIND_LABELS[kind]}：每月多少元（选填）`}
          value={f.assistanceYuan[kind] ?? ''}
          onChange={(v) => update({ assistanceYuan: { ...f.assistanceYuan, [kind]: v } })}
          maxlength={7}
        />
      ))}
      <TextField id='child-education-aid' label='教育救助（选填）' value={f.educationAid} onChange={(educationAid) => update({ educationAid })} error={e.educationAid} maxlength={200} />
      <TextField id='child-medical-aid' label='医疗救助（选填）' value={f.medicalAid} onChange={(medicalAid) => update({ medicalAid })} error={e.medicalAid} maxlength={200} />
      <TextField id='child-other-aid' label='其他救助（选填）' value={f.otherAid} onChange={(otherAid) => update({ otherAid })} error={e.otherAid} maxlength={200} />
    </View>
  )
}
