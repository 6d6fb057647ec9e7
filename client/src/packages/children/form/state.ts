/**
 * The child-file form: what the inputs hold (strings while typing, enums once chosen), how a stored
 * file fills it for an edit, and how it becomes the body the shared schemas check. The schemas
 * (CreateChildBodySchema / UpdateChildBodySchema) are the only rules: the form adds none of its own.
 */
import type {
  AssistanceKind, ChildCategory, ChildFullView, CreateChildBody, DifficultyKind, GuardianRelation, HealthStatus, ParentStatus,
  PriorityReason, RiskLevel, SchoolStage, SpecialAttention, SubsidyKind, UpdateChildBody,
} from '@qstx/shared'
import { parseIdNumber } from '@qstx/shared'

type CareCarer = 'grandparents' | 'relatives_friends' | 'none'
type CareReason = 'both_away' | 'one_away_other_incapable' | 'both_incapable'
type CareQuality = 'good' | 'fair' | 'poor'
type ConsentMethod = 'written' | 'thumbprint' | 'verbal_recorded'

export interface ParentForm {
  status: ParentStatus | null
  awaySince: string | null
}

export interface GuardianForm {
  /** Existing guardian (edit): the server keeps its stored phone when `phone` is left empty. */
  id?: string
  relation: GuardianRelation | null
  name: string
  phone: string
  phoneMasked: string | null
  healthy: boolean
  healthDetail: string
  occupation: string
}

export interface ChildForm {
  name: string
  displayName: string
  idNumber: string
  /** Edit only: the stored number, masked; an empty idNumber keeps it. */
  idNumberMasked: string | null
  birthDate: string
  gender: 'male' | 'female' | null
  ethnicity: string
  address: string
  addressMasked: string | null
  hukouType: 'rural' | 'urban'
  schoolStage: SchoolStage | null
  schoolGrade: string
  schoolName: string
  boarding: boolean
  categories: ChildCategory[]
  difficultyKinds: DifficultyKind[]
  singleParentFamily: 'no' | 'mother' | 'father'
  father: ParentForm
  mother: ParentForm
  guardianship: string
  healthStatus: HealthStatus
  healthDetail: string
  disabilityGrade: string
  psychBehaviour: string
  assistance: AssistanceKind[]
  assistanceYuan: Partial<Record<AssistanceKind, string>>
  educationAid: string
  medicalAid: string
  otherAid: string
  guardians: GuardianForm[]
  incomePerCapita: string
  subsidies: SubsidyKind[]
  subsidyYuan: Partial<Record<SubsidyKind, string>>
  socialSupport: string
  carer: CareCarer | null
  careReason: CareReason | null
  careQuality: CareQuality | null
  riskLevel: RiskLevel | null
  riskAssessedAt: string
  riskAssessor: string
  nearWater: boolean
  specialAttention: SpecialAttention[]
  priorityReasons: PriorityReason[]
  careGiven: string
  otherNotes: string
  interests: string[]
  needs: string[]
  serviceTips: string
  directorWorkPhone: string
  consentGivenBy: string
  consentRelation: GuardianRelation | null
  consentDate: string
  consentMethod: ConsentMethod | null
}

export const emptyParent = (): ParentForm => ({ status: null, awaySince: null })
export const emptyGuardian = (): GuardianForm => ({ relation: null, name: '', phone: '', phoneMasked: null, healthy: true, healthDetail: '', occupation: '' })

export function emptyForm(today: string): ChildForm {
  return {
    name: '', displayName: '', idNumber: '', idNumberMasked: null, birthDate: '', gender: null, ethnicity: '汉族', address: '', addressMasked: null,
    hukouType: 'rural', schoolStage: null, schoolGrade: '', schoolName: '', boarding: false, categories: [], difficultyKinds: [],
    singleParentFamily: 'no', father: emptyParent(), mother: emptyParent(), guardianship: '', healthStatus: 'healthy', healthDetail: '',
    disabilityGrade: '', psychBehaviour: '', assistance: [], assistanceYuan: {}, educationAid: '', medicalAid: '', otherAid: '',
    guardians: [emptyGuardian()], incomePerCapita: '', subsidies: [], subsidyYuan: {}, socialSupport: '', carer: null, careReason: null,
    careQuality: null, riskLevel: null, riskAssessedAt: today, riskAssessor: '', nearWater: false, specialAttention: [], priorityReasons: [],
    careGiven: '', otherNotes: '', interests: [], needs: [], serviceTips: '', directorWorkPhone: '', consentGivenBy: '', consentRelation: null,
    consentDate: today, consentMethod: null,
  }
}

const s = (v: string | null | undefined) => v ?? ''
const n = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v))

export function fromFile(f: ChildFullView, today: string): ChildForm {
  return {
    ...emptyForm(today),
    name: f.name, displayName: f.displayName, idNumberMasked: f.idNumberMasked, birthDate: f.birthDate, gender: f.gender, ethnicity: f.ethnicity,
    addressMasked: f.addressMasked, hukouType: f.hukouType, schoolStage: f.school?.stage ?? null, schoolGrade: n(f.school?.grade),
    schoolName: s(f.school?.name), boarding: f.boarding, categories: [...f.categories], difficultyKinds: [...f.difficultyKinds],
    singleParentFamily: f.singleParentFamily, father: f.father ? { ...f.father } : emptyParent(), mother: f.mother ? { ...f.mother } : emptyParent(),
    guardianship: s(f.guardianship), healthStatus: f.health.status, healthDetail: s(f.health.detail), disabilityGrade: n(f.health.disabilityGrade),
    psychBehaviour: s(f.psychBehaviour), assistance: f.assistance.map((a) => a.kind),
    assistanceYuan: Object.fromEntries(f.assistance.map((a) => [a.kind, n(a.yuanPerMonth)])), educationAid: s(f.educationAid),
    medicalAid: s(f.medicalAid), otherAid: s(f.otherAid),
    guardians: f.guardians.map((g) => ({ id: g.id, relation: g.relation, name: g.name, phone: '', phoneMasked: g.phoneMasked, healthy: g.healthy, healthDetail: s(g.healthDetail), occupation: s(g.occupation) })),
    incomePerCapita: n(f.incomePerCapita), subsidies: f.familySubsidies.map((a) => a.kind),
    subsidyYuan: Object.fromEntries(f.familySubsidies.map((a) => [a.kind, n(a.yuanPerMonth)])), socialSupport: s(f.socialSupport),
    carer: f.entrustedCare?.carer ?? null, careReason: f.entrustedCare?.reason ?? null, careQuality: f.entrustedCare?.quality ?? null,
    riskLevel: f.risk?.level ?? null, riskAssessedAt: f.risk?.assessedAt ?? today, riskAssessor: s(f.risk?.assessor), nearWater: f.nearWater,
    specialAttention: [...f.specialAttention], priorityReasons: [...f.priorityReasons], careGiven: s(f.careGiven), otherNotes: s(f.otherNotes),
    interests: [...f.interests], needs: [...f.needs], serviceTips: s(f.serviceTips), directorWorkPhone: s(f.directorWorkPhone),
    consentGivenBy: s(f.consent?.givenBy), consentRelation: f.consent?.relation ?? null, consentDate: f.consent?.date ?? today,
    consentMethod: f.consent?.method ?? null,
  }
}

/** Birth date and sex follow from a valid ID number; the form never asks for them separately. */
export function withIdNumber(form: ChildForm, idNumber: string): ChildForm {
  const parsed = parseIdNumber(idNumber)
  return parsed.ok ? { ...form, idNumber, birthDate: parsed.value.birthDate, gender: parsed.value.sex } : { ...form, idNumber }
}

const text = (v: string) => (v.trim() === '' ? null : v)
/** A number typed as text: empty → null; anything else goes to the schema as a number (or NaN, which it rejects). */
const num = (v: string) => (v.trim() === '' ? null : Number(v.trim()))

/**
 * The body for create (or, with `version`, for an edit). Empty optional fields become null so an
 * edit can clear them; on an edit an empty ID number or address keeps the stored one.
 */
export function toBody(f: ChildForm): Record<string, unknown> {
  const edit = f.idNumberMasked !== null
  const parent = (p: ParentForm) => (p.status ? { status: p.status, awaySince: p.status === 'away' ? p.awaySince : null } : null)
  const money = <K extends string>(kinds: K[], yuan: Partial<Record<K, string>>) => kinds.map((kind) => ({ kind, yuanPerMonth: num(yuan[kind] ?? '') }))
  const consentStarted = f.consentGivenBy.trim() !== '' || f.consentRelation !== null || f.consentMethod !== null
  const body: Record<string, unknown> = {
    name: f.name,
    ...(f.displayName.trim() ? { displayName: f.displayName } : {}),
    ...(!edit || f.idNumber.trim() ? { idNumber: f.idNumber, birthDate: f.birthDate || undefined, gender: f.gender ?? undefined } : {}),
    ethnicity: f.ethnicity,
    ...(!edit || f.address.trim() ? { address: text(f.address) } : {}),
    hukouType: f.hukouType,
    school: f.schoolStage ? { stage: f.schoolStage, grade: num(f.schoolGrade), name: text(f.schoolName) } : null,
    boarding: f.boarding,
    categories: f.categories,
    difficultyKinds: f.categories.includes('in_difficulty') ? f.difficultyKinds : [],
    singleParentFamily: f.singleParentFamily,
    father: parent(f.father),
    mother: parent(f.mother),
    guardianship: text(f.guardianship),
    health: { status: f.healthStatus, detail: text(f.healthDetail), disabilityGrade: f.healthStatus === 'disability' ? num(f.disabilityGrade) : null },
    psychBehaviour: text(f.psychBehaviour),
    assistance: money(f.assistance, f.assistanceYuan),
    educationAid: text(f.educationAid),
    medicalAid: text(f.medicalAid),
    otherAid: text(f.otherAid),
    guardians: f.guardians
      .filter((g) => g.name.trim() !== '' || g.relation !== null || g.phone.trim() !== '')
      .map((g) => ({
        ...(g.id ? { id: g.id } : {}),
        relation: g.relation ?? undefined,
        name: g.name,
        // An existing guardian's phone stays as stored unless a new one is typed.
        ...(g.phone.trim() ? { phone: g.phone } : g.id ? {} : { phone: null }),
        healthy: g.healthy,
        healthDetail: text(g.healthDetail),
        occupation: text(g.occupation),
      })),
    incomePerCapita: num(f.incomePerCapita),
    familySubsidies: money(f.subsidies, f.subsidyYuan),
    socialSupport: text(f.socialSupport),
    entrustedCare: f.carer ? { carer: f.carer, reason: f.careReason, quality: f.careQuality } : null,
    careGiven: text(f.careGiven),
    otherNotes: text(f.otherNotes),
    risk: f.riskLevel ? { level: f.riskLevel, assessedAt: f.riskAssessedAt, assessor: f.riskAssessor } : null,
    nearWater: f.nearWater,
    specialAttention: f.specialAttention,
    priorityReasons: f.priorityReasons,
    interests: f.interests,
    needs: f.needs,
    serviceTips: text(f.serviceTips),
    directorWorkPhone: text(f.directorWorkPhone),
    consent: consentStarted
      ? { givenBy: f.consentGivenBy, relation: f.consentRelation ?? undefined, date: f.consentDate, method: f.consentMethod ?? undefined }
      : null,
  }
  return body
}

export type CreateBody = CreateChildBody
export type UpdateBody = UpdateChildBody
