/**
 * The child's file (一人一档): what a director sends. Field list: the Guangxi ledger template
 * (seeds/001, 附件). The views the server answers with are in child-views.ts.
 */
import { z } from 'zod'
import {
  ASSISTANCE_KINDS, CARE_QUALITIES, CHILD_CATEGORIES, CLOSE_REASONS, CONSENT_METHODS, DIFFICULTY_KINDS, ENTRUSTED_CARERS,
  ENTRUSTED_REASONS, GUARDIAN_RELATIONS, HEALTH_STATUSES, HUKOU_TYPES, PARENT_STATUSES, PRIORITY_REASONS, RISK_LEVELS,
  SCHOOL_STAGES, SINGLE_PARENT_FAMILIES, SPECIAL_ATTENTIONS, SUBSIDY_KINDS,
} from '../children/enums'
import { ELIGIBILITY_WARNINGS, type EligibilityWarningCode } from '../children/eligibility'
import { ID_NUMBER_PROBLEM_MESSAGES, parseIdNumber } from '../id-number'
import { PARENT_CONTACT_FREQUENCIES, PARENT_CONTACT_MODES } from '../care/entrusted'
import { CalendarDateSchema, IdSchema, text, TextSchema } from './common'

export const ChildGenderSchema = z.enum(['male', 'female'])
export const ChildCategorySchema = z.enum(CHILD_CATEGORIES)
export const RiskLevelSchema = z.enum(RISK_LEVELS)
export const SpecialAttentionSchema = z.enum(SPECIAL_ATTENTIONS)
export const PriorityReasonSchema = z.enum(PRIORITY_REASONS)
export const GuardianRelationSchema = z.enum(GUARDIAN_RELATIONS)

export const ContactPhoneSchema = TextSchema
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { message: '请填写11位手机号或带区号的固定电话' })

export const ChildIdNumberSchema = TextSchema
  .toUpperCase()
  .superRefine((v, ctx) => {
    const r = parseIdNumber(v)
    if (!r.ok) ctx.addIssue({ code: 'custom', message: ID_NUMBER_PROBLEM_MESSAGES[r.problem] })
  })

const optText = (max: number) => text(max).nullable().optional()
/** A set of enum values: no repeats. */
const setOf = <T extends readonly [string, ...string[]]>(values: T, max: number) =>
  z.array(z.enum(values)).max(max).refine((a) => new Set(a).size === a.length, { message: '选项重复' })
const tags = z.array(TextSchema.min(1).max(10)).max(10)
const yuan = z.number().int().min(0).max(1_000_000).nullable().optional()

/** How the parents away keep in touch with the child ("加强……日常联络沟通"). */
export const ParentContactSchema = z.strictObject({
  frequency: z.enum(PARENT_CONTACT_FREQUENCIES),
  modes: z.array(z.enum(PARENT_CONTACT_MODES)).max(PARENT_CONTACT_MODES.length).refine((a) => new Set(a).size === a.length, { message: '选项重复' }),
})

/**
 * 委托照护 (care/entrusted.ts): the template's who / why / how well, and the arrangement — the
 * carer's name, since when, the 委托监护确认书's date, how the parents keep in touch. On an edit a
 * key left out keeps what is stored; the director's assessment and the carer change have their own
 * routes, so a file edit never rewrites them silently.
 */
export const EntrustedCareInputSchema = z.strictObject({
  carer: z.enum(ENTRUSTED_CARERS),
  reason: z.enum(ENTRUSTED_REASONS).nullable().optional(),
  quality: z.enum(CARE_QUALITIES).nullable().optional(),
  carerName: optText(20),
  since: CalendarDateSchema.nullable().optional(),
  agreementOn: CalendarDateSchema.nullable().optional(),
  parentContact: ParentContactSchema.nullable().optional(),
})

const ParentInput = z.strictObject({ status: z.enum(PARENT_STATUSES), awaySince: CalendarDateSchema.nullable().optional() })

/**
 * A guardian. On an edit, `id` names an existing guardian; `phone` left out keeps the stored phone
 * (the form only ever saw it masked), `null` clears it.
 */
export const GuardianInputSchema = z.strictObject({
  id: IdSchema.optional(),
  relation: GuardianRelationSchema,
  name: TextSchema.min(1, { message: '请填写监护人姓名' }).max(20),
  phone: ContactPhoneSchema.nullable().optional(),
  healthy: z.boolean().optional(),
  healthDetail: optText(100),
  occupation: optText(30),
})

/** Every field a director can write; on create the service fills the documented defaults. */
export const childFileFields = {
  name: TextSchema.min(2, { message: '请填写儿童姓名' }).max(20),
  /** What volunteers see: the given name or an alias. Default: the given name. */
  displayName: TextSchema.min(1).max(10).optional(),
  gender: ChildGenderSchema,
  ethnicity: TextSchema.min(1).max(10).optional(),
  birthDate: CalendarDateSchema,
  idNumber: ChildIdNumberSchema,
  address: TextSchema.min(2).max(100).nullable().optional(),
  hukouType: z.enum(HUKOU_TYPES).optional(),
  categories: setOf(CHILD_CATEGORIES, 2).min(1, { message: '请至少选择一个儿童类别' }),
  difficultyKinds: setOf(DIFFICULTY_KINDS, 3).optional(),
  singleParentFamily: z.enum(SINGLE_PARENT_FAMILIES).optional(),
  school: z.strictObject({ stage: z.enum(SCHOOL_STAGES), grade: z.number().int().min(1).max(12).nullable().optional(), name: optText(40) }).nullable().optional(),
  boarding: z.boolean().optional(),
  guardianship: optText(200),
  health: z.strictObject({ status: z.enum(HEALTH_STATUSES), detail: optText(100), disabilityGrade: z.number().int().min(1).max(4).nullable().optional() }).optional(),
  psychBehaviour: optText(200),
  assistance: z.array(z.strictObject({ kind: z.enum(ASSISTANCE_KINDS), yuanPerMonth: yuan })).max(ASSISTANCE_KINDS.length).optional(),
  educationAid: optText(200),
  medicalAid: optText(200),
  otherAid: optText(200),
  father: ParentInput.nullable().optional(),
  mother: ParentInput.nullable().optional(),
  guardians: z.array(GuardianInputSchema).max(4).optional(),
  incomePerCapita: z.number().int().min(0).max(10_000_000).nullable().optional(),
  familySubsidies: z.array(z.strictObject({ kind: z.enum(SUBSIDY_KINDS), yuanPerMonth: yuan })).max(SUBSIDY_KINDS.length).optional(),
  socialSupport: optText(200),
  entrustedCare: EntrustedCareInputSchema.nullable().optional(),
  careGiven: optText(1000),
  otherNotes: optText(1000),
  filedByName: TextSchema.min(1).max(20).optional(),
  filedAt: CalendarDateSchema.optional(),
  risk: z.strictObject({ level: RiskLevelSchema, assessedAt: CalendarDateSchema, assessor: TextSchema.min(1).max(20) }).nullable().optional(),
  nearWater: z.boolean().optional(),
  specialAttention: setOf(SPECIAL_ATTENTIONS, SPECIAL_ATTENTIONS.length).optional(),
  priorityReasons: setOf(PRIORITY_REASONS, PRIORITY_REASONS.length).optional(),
  interests: tags.optional(),
  needs: tags.optional(),
  /** The director's tips for the volunteer (shown on the volunteer's card). */
  serviceTips: optText(300),
  /** 儿童主任电话 on the template: the work number volunteers may call. */
  directorWorkPhone: ContactPhoneSchema.nullable().optional(),
  consent: z.strictObject({
    givenBy: TextSchema.min(1).max(20),
    relation: GuardianRelationSchema,
    date: CalendarDateSchema,
    method: z.enum(CONSENT_METHODS),
  }).nullable().optional(),
}

export const CreateChildBodySchema = z.strictObject(childFileFields).meta({ id: 'CreateChildBody' })
export type CreateChildBody = z.infer<typeof CreateChildBodySchema>

/** Every field optional; `version` is the one the form was loaded with (optimistic concurrency). */
export const UpdateChildBodySchema = z
  .strictObject({ ...z.object(childFileFields).partial().shape, version: z.number().int().min(1).max(2_147_483_647) })
  .meta({ id: 'UpdateChildBody' })
export type UpdateChildBody = z.infer<typeof UpdateChildBodySchema>

export const EligibilityWarningSchema = z
  .object({ code: z.enum(Object.keys(ELIGIBILITY_WARNINGS) as [EligibilityWarningCode, ...EligibilityWarningCode[]]), message: z.string() })
  .meta({ id: 'EligibilityWarning' })

export const CloseChildBodySchema = z
  .strictObject({ reason: z.enum(CLOSE_REASONS), note: optText(200) })
  .meta({ id: 'CloseChildBody' })
export type CloseChildBody = z.infer<typeof CloseChildBodySchema>
