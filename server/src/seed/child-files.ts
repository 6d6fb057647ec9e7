/**
 * Generated full files for generated children (demo seed and the 50,000-child bench county): the
 * rest of the ledger template, made consistent with the child's category so the eligibility hints
 * stay quiet for most files — parents away for left-behind children, 低保 for poverty, a disability
 * grade for disability, a missing parent for guardianship — with guardians, consent for most,
 * risk levels, some near water, special-attention flags and pairing priorities. Sealed values are
 * encrypted with the keyring exactly as the API does. All people are fictitious.
 */
import type { Faker } from '@faker-js/faker'
import { ageOn, type ChildCategory } from '@qstx/shared'
import type { Prisma } from '../generated/prisma/client'
import type { Keyring } from '../lib/crypto'
import { sealPhone } from '../modules/children/columns'

export interface ChildFacts {
  gender: 'male' | 'female'
  /** 'YYYY-MM-DD' */
  birthDate: string
  surname: string
  categories: readonly ChildCategory[]
  directorName: string
  /** 'YYYY-MM-DD' */
  today: string
}

const OCCUPATIONS = ['建筑工人', '电子厂工人', '服装厂工人', '快递员', '餐馆服务员', '务农', '货车司机', '装修工', '保洁员']
const TIPS = ['孩子比较内向，先从聊兴趣开始', '周末在家，平日住校', '祖母只会说苗话，请带上村里的翻译', '喜欢看书，可以带绘本', '怕生，第一次见面请儿童主任陪同', null]

const daysBefore = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)
const mobile = (f: Faker) => `1${f.helpers.arrayElement(['38', '39', '58', '77', '86', '89'])}${f.string.numeric(8)}`
const day = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null)

export function fullFileExtras(f: Faker, c: ChildFacts, keyring: Keyring) {
  const age = ageOn(c.birthDate, c.today)
  const leftBehind = c.categories.includes('left_behind')
  const difficulty = c.categories.includes('in_difficulty')
  const kind = difficulty ? f.helpers.weightedArrayElement([{ weight: 6, value: 'poverty' as const }, { weight: 3, value: 'disability' as const }, { weight: 2, value: 'guardianship' as const }]) : null
  const awaySince = () => daysBefore(c.today, f.number.int({ min: 120, max: 2000 }))

  // Parents: both away, or one away and the other unable — or, for guardianship cases, missing.
  let father: { status: 'at_home' | 'away' | 'incapable' | 'deceased' | 'missing'; awaySince: string | null } = { status: 'at_home', awaySince: null }
  let mother: typeof father = { status: 'at_home', awaySince: null }
  if (leftBehind) {
    father = { status: 'away', awaySince: awaySince() }
    mother = f.datatype.boolean(0.7) ? { status: 'away', awaySince: awaySince() } : { status: f.helpers.arrayElement(['incapable', 'deceased'] as const), awaySince: null }
  }
  if (kind === 'guardianship') father = { status: f.helpers.arrayElement(['deceased', 'missing'] as const), awaySince: null }
  const disabled = kind === 'disability'
  const poor = kind === 'poverty' || f.datatype.boolean(0.15)
  const parentGone = [father, mother].some((p) => p.status === 'deceased' || p.status === 'missing')
  const parentIncapable = [father, mother].some((p) => p.status === 'incapable')

  type Relation = 'father' | 'mother' | 'grandmother'
  const guardians: Array<{ ordinal: number; relation: Relation; name: string; phoneEnc: string | null; phoneMasked: string | null; healthy: boolean; healthDetail: string | null; occupation: string | null }> = [
    { relation: 'father' as const, name: c.surname + f.person.firstName('male'), alive: father.status !== 'deceased' && father.status !== 'missing' },
    { relation: 'mother' as const, name: f.person.lastName() + f.person.firstName('female'), alive: mother.status !== 'deceased' && mother.status !== 'missing' },
  ]
    .filter((g) => g.alive)
    .map((g, ordinal) => ({
      ordinal, relation: g.relation, name: g.name, ...sealPhone(keyring, mobile(f)),
      healthy: (g.relation === 'mother' ? mother : father).status !== 'incapable',
      healthDetail: (g.relation === 'mother' ? mother : father).status === 'incapable' ? '重度残疾，无监护能力' : null,
      occupation: f.helpers.arrayElement(OCCUPATIONS),
    }))
  if (leftBehind) guardians.push({ ordinal: guardians.length, relation: 'grandmother', name: f.person.lastName() + f.person.firstName('female'), ...(f.datatype.boolean(0.6) ? sealPhone(keyring, mobile(f)) : { phoneEnc: null, phoneMasked: null }), healthy: f.datatype.boolean(0.7), healthDetail: null, occupation: '务农' })

  const stage = age < 6 ? 'preschool' : age < 12 ? 'primary' : age < 15 ? 'junior' : f.helpers.arrayElement(['senior', 'vocational'] as const)
  const risk = f.helpers.weightedArrayElement([{ weight: 55, value: 'low' as const }, { weight: 30, value: 'medium' as const }, { weight: 12, value: 'high' as const }, { weight: 3, value: 'critical' as const }])
  const psych = f.datatype.boolean(0.08)
  const consented = f.datatype.boolean(0.85)
  const consentBy = guardians.find((g) => g.relation === 'mother') ?? guardians[0]
  const orphan = father.status === 'deceased' && mother.status === 'deceased'
  const columns = {
    difficultyKinds: kind ? [kind] : [],
    singleParentFamily: parentGone ? (father.status === 'deceased' || father.status === 'missing' ? ('mother' as const) : ('father' as const)) : ('no' as const),
    schoolStage: stage, schoolGrade: stage === 'primary' ? Math.min(6, Math.max(1, age - 5)) : stage === 'junior' ? age - 11 : null,
    schoolName: stage === 'preschool' ? '村幼儿园' : stage === 'primary' ? '村小学' : '乡镇中学',
    boarding: age >= 12 && f.datatype.boolean(0.6),
    guardianship: leftBehind ? '由祖辈照料' : parentGone ? '单亲抚养' : '父母照料',
    healthStatus: disabled ? 'disability' : f.helpers.weightedArrayElement([{ weight: 85, value: 'healthy' as const }, { weight: 10, value: 'fair' as const }, { weight: 5, value: 'chronic_illness' as const }]),
    healthDetail: disabled ? f.helpers.arrayElement(['听力残疾', '肢体残疾', '智力残疾']) : null,
    disabilityGrade: disabled ? f.number.int({ min: 1, max: 4 }) : null,
    psychBehaviour: psych ? '情绪低落，不愿与人交流' : '正常',
    assistance: orphan ? [{ kind: 'orphan', yuanPerMonth: 1500 }] : poor ? [{ kind: 'dibao', yuanPerMonth: f.number.int({ min: 300, max: 600 }) }] : [],
    educationAid: poor ? '雨露计划' : null,
    fatherStatus: father.status, fatherAwaySince: day(father.awaySince),
    motherStatus: mother.status, motherAwaySince: day(mother.awaySince),
    incomePerCapita: f.number.int({ min: 2500, max: poor ? 5000 : 15000 }),
    familySubsidies: poor ? [{ kind: 'dibao', yuanPerMonth: f.number.int({ min: 300, max: 800 }) }] : [],
    entrustedCarer: leftBehind ? f.helpers.weightedArrayElement([{ weight: 15, value: 'grandparents' as const }, { weight: 4, value: 'relatives_friends' as const }, { weight: 1, value: 'none' as const }]) : null,
    entrustedReason: leftBehind ? (mother.status === 'away' ? 'both_away' : 'one_away_other_incapable') : null,
    entrustedCareQuality: leftBehind ? f.helpers.arrayElement(['good', 'fair', 'fair', 'poor'] as const) : null,
    careGiven: f.datatype.boolean(0.5) ? '节日慰问，送学习用品' : null,
    filedByName: c.directorName,
    filedAt: day(daysBefore(c.today, f.number.int({ min: 30, max: 700 }))),
    riskLevel: risk, riskAssessedAt: day(daysBefore(c.today, f.number.int({ min: 5, max: 180 }))), riskAssessor: c.directorName,
    nearWater: f.datatype.boolean(0.15),
    specialAttention: [
      ...(parentIncapable && f.datatype.boolean(0.5) ? ['parent_disability' as const] : []),
      ...(disabled ? ['child_disability' as const] : []),
      ...(psych ? ['psych_behaviour' as const] : []),
      ...(parentGone ? ['single_parent' as const] : []),
    ],
    priorityReasons: [
      ...(orphan ? ['orphan' as const] : []),
      ...(kind === 'guardianship' && father.status === 'missing' ? ['de_facto_unsupported' as const] : []),
      ...(disabled && poor ? ['ill_or_disabled_poor' as const] : []),
      ...(f.datatype.boolean(0.05) ? ['relocation_settlement' as const] : []),
    ],
    serviceTips: f.helpers.arrayElement(TIPS),
    directorWorkPhone: `0772${f.string.numeric(7)}`,
    consentGivenBy: consented && consentBy ? consentBy.name : null,
    consentRelation: consented && consentBy ? consentBy.relation : null,
    consentDate: consented ? day(daysBefore(c.today, f.number.int({ min: 10, max: 300 }))) : null,
    consentMethod: consented ? f.helpers.arrayElement(['written', 'thumbprint'] as const) : null,
  } satisfies Partial<Prisma.ChildUncheckedCreateInput>
  return { columns: { ...columns, ...arrangement(columns, guardians) }, guardians }
}

const CONTACT = [
  { parentContactFrequency: 'weekly', parentContactModes: ['video', 'phone'] },
  { parentContactFrequency: 'monthly', parentContactModes: ['phone'] },
  { parentContactFrequency: 'weekly', parentContactModes: ['video'] },
  { parentContactFrequency: 'rarely', parentContactModes: ['phone', 'home_visit'] },
] as const

/**
 * The entrusted-care arrangement (issue #17), derived from what was drawn so no new draw shifts the
 * files after this one: the grandmother (or a relative) cares since the parents left, the director
 * last assessed it when filing, the parents keep in touch as the income hints.
 */
function arrangement(c: { entrustedCarer: string | null; fatherAwaySince: Date | null; motherAwaySince: Date | null; filedAt: Date | null; incomePerCapita: number }, guardians: Array<{ relation: string; name: string }>) {
  if (c.entrustedCarer !== 'grandparents' && c.entrustedCarer !== 'relatives_friends') return {}
  const since = [c.fatherAwaySince, c.motherAwaySince].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null
  return {
    entrustedCarerName: c.entrustedCarer === 'grandparents' ? (guardians.find((g) => g.relation === 'grandmother')?.name ?? null) : null,
    entrustedSince: since,
    entrustedAssessedOn: c.filedAt,
    ...CONTACT[c.incomePerCapita % CONTACT.length]!,
    parentContactModes: [...CONTACT[c.incomePerCapita % CONTACT.length]!.parentContactModes],
  }
}
