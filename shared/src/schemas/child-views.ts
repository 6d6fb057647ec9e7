/**
 * The three views of a child's file the server answers with. Which view a role gets is decided in
 * ONE place, server/src/modules/children/policy.ts; each view here is an allow-list (an object
 * schema strips every key it does not name), so a field reaches a role only when its view names it.
 */
import { z } from 'zod'
import {
  ASSISTANCE_KINDS, CARE_QUALITIES, CLOSE_REASONS, CONSENT_METHODS, DIFFICULTY_KINDS, ENTRUSTED_CARERS, ENTRUSTED_REASONS,
  HEALTH_STATUSES, HUKOU_TYPES, PARENT_STATUSES, SCHOOL_STAGES, SINGLE_PARENT_FAMILIES, SUBSIDY_KINDS,
} from '../children/enums'
import { GRADE_BANDS } from '../children/display'
import { ENTRUSTED_FOLLOW_UPS, PARENT_CONTACT_FREQUENCIES, PARENT_CONTACT_MODES } from '../care/entrusted'
import {
  ChildCategorySchema, ChildGenderSchema, EligibilityWarningSchema, GuardianRelationSchema, PriorityReasonSchema,
  RiskLevelSchema, SpecialAttentionSchema,
} from './children'
import { CalendarDateSchema, IdSchema, RegionCodeSchema } from './common'

const dates = { createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() }
const pairingStatus = z.enum(['unpaired', 'paired'])
const status = z.enum(['active', 'closed'])

/** The file's entrusted care: the template's three boxes, the arrangement, and where the director's check stands. */
// Yearly snapshots taken before issue #17 hold only the three boxes: the rest reads as empty.
export const EntrustedCareViewSchema = z.object({
  carer: z.enum(ENTRUSTED_CARERS),
  reason: z.enum(ENTRUSTED_REASONS).nullable(),
  quality: z.enum(CARE_QUALITIES).nullable(),
  carerName: z.string().nullable().default(null),
  since: CalendarDateSchema.nullable().default(null),
  agreementOn: CalendarDateSchema.nullable().default(null),
  parentContact: z.object({ frequency: z.enum(PARENT_CONTACT_FREQUENCIES), modes: z.array(z.enum(PARENT_CONTACT_MODES)) }).nullable().default(null),
  /** The director's latest assessment on a visit, and what remains to be done after a finding. */
  assessedOn: CalendarDateSchema.nullable().default(null),
  followUp: z.enum(ENTRUSTED_FOLLOW_UPS).nullable().default(null),
})

/** Director, supervisor, civil affairs inside their region: everything, identifiers masked. */
export const ChildFullViewSchema = z
  .object({
    view: z.literal('full'),
    id: IdSchema,
    version: z.number().int(),
    villageCode: RegionCodeSchema,
    villageName: z.string(),
    name: z.string(),
    displayName: z.string(),
    gender: ChildGenderSchema,
    ethnicity: z.string(),
    birthDate: CalendarDateSchema,
    age: z.number().int(),
    idNumberMasked: z.string(),
    addressMasked: z.string().nullable(),
    hukouType: z.enum(HUKOU_TYPES),
    categories: z.array(ChildCategorySchema),
    difficultyKinds: z.array(z.enum(DIFFICULTY_KINDS)),
    singleParentFamily: z.enum(SINGLE_PARENT_FAMILIES),
    school: z.object({ stage: z.enum(SCHOOL_STAGES), grade: z.number().int().nullable(), name: z.string().nullable() }).nullable(),
    gradeBand: z.enum(GRADE_BANDS).nullable(),
    boarding: z.boolean(),
    guardianship: z.string().nullable(),
    health: z.object({ status: z.enum(HEALTH_STATUSES), detail: z.string().nullable(), disabilityGrade: z.number().int().nullable() }),
    psychBehaviour: z.string().nullable(),
    assistance: z.array(z.object({ kind: z.enum(ASSISTANCE_KINDS), yuanPerMonth: z.number().int().nullable() })),
    educationAid: z.string().nullable(),
    medicalAid: z.string().nullable(),
    otherAid: z.string().nullable(),
    father: z.object({ status: z.enum(PARENT_STATUSES), awaySince: CalendarDateSchema.nullable() }).nullable(),
    mother: z.object({ status: z.enum(PARENT_STATUSES), awaySince: CalendarDateSchema.nullable() }).nullable(),
    guardians: z.array(z.object({
      id: IdSchema, relation: GuardianRelationSchema, name: z.string(), phoneMasked: z.string().nullable(),
      healthy: z.boolean(), healthDetail: z.string().nullable(), occupation: z.string().nullable(),
    })),
    incomePerCapita: z.number().int().nullable(),
    familySubsidies: z.array(z.object({ kind: z.enum(SUBSIDY_KINDS), yuanPerMonth: z.number().int().nullable() })),
    socialSupport: z.string().nullable(),
    entrustedCare: EntrustedCareViewSchema.nullable(),
    careGiven: z.string().nullable(),
    otherNotes: z.string().nullable(),
    filedByName: z.string(),
    filedAt: CalendarDateSchema,
    risk: z.object({ level: RiskLevelSchema, assessedAt: CalendarDateSchema, assessor: z.string() }).nullable(),
    nearWater: z.boolean(),
    specialAttention: z.array(SpecialAttentionSchema),
    priorityReasons: z.array(PriorityReasonSchema),
    interests: z.array(z.string()),
    needs: z.array(z.string()),
    serviceTips: z.string().nullable(),
    directorWorkPhone: z.string().nullable(),
    consent: z.object({ givenBy: z.string(), relation: GuardianRelationSchema, date: CalendarDateSchema, method: z.enum(CONSENT_METHODS) }).nullable(),
    pairingStatus,
    agingOut: z.array(ChildCategorySchema),
    status,
    closed: z.object({ at: z.iso.datetime(), reason: z.enum(CLOSE_REASONS), note: z.string().nullable() }).nullable(),
    ...dates,
  })
  .meta({ id: 'ChildFullView' })
export type ChildFullView = z.infer<typeof ChildFullViewSchema>

/**
 * Coordinator inside their region: enough to propose a pairing. No ID number, address, phones,
 * income or health details.
 */
export const ChildWorkingViewSchema = z
  .object({
    view: z.literal('working'),
    id: IdSchema,
    name: z.string(),
    age: z.number().int(),
    gender: ChildGenderSchema,
    villageCode: RegionCodeSchema,
    villageName: z.string(),
    categories: z.array(ChildCategorySchema),
    priorityReasons: z.array(PriorityReasonSchema),
    needs: z.array(z.string()),
    interests: z.array(z.string()),
    /** A pairing needs the guardian's consent on file. */
    consentOnFile: z.boolean(),
    pairingStatus,
    status,
  })
  .meta({ id: 'ChildWorkingView' })
export type ChildWorkingView = z.infer<typeof ChildWorkingViewSchema>

/**
 * A volunteer actively paired with the child: a card, never ID number, address, guardians' phones,
 * health details, income or assistance.
 */
export const ChildCardSchema = z
  .object({
    view: z.literal('card'),
    id: IdSchema,
    displayName: z.string(),
    age: z.number().int(),
    gender: ChildGenderSchema,
    gradeBand: z.enum(GRADE_BANDS).nullable(),
    interests: z.array(z.string()),
    needs: z.array(z.string()),
    serviceTips: z.string().nullable(),
    villageName: z.string(),
    director: z.object({ name: z.string(), workPhone: z.string().nullable() }),
  })
  .meta({ id: 'ChildCard' })
export type ChildCard = z.infer<typeof ChildCardSchema>

export const ChildViewSchema = z.discriminatedUnion('view', [ChildFullViewSchema, ChildWorkingViewSchema]).meta({ id: 'ChildView' })

/** Create and edit answer with the file and the eligibility hints (warnings, never a block). */
export const ChildWriteResponseSchema = z
  .object({ child: ChildFullViewSchema, warnings: z.array(EligibilityWarningSchema) })
  .meta({ id: 'ChildWriteResponse' })

export const REVEAL_FIELDS = ['idNumber', 'address', 'guardianPhone'] as const
export type RevealField = (typeof REVEAL_FIELDS)[number]
export const RevealBodySchema = z
  .discriminatedUnion('field', [
    z.strictObject({ field: z.literal('idNumber') }),
    z.strictObject({ field: z.literal('address') }),
    z.strictObject({ field: z.literal('guardianPhone'), guardianId: IdSchema }),
  ])
  .meta({ id: 'RevealChildFieldBody' })
export type RevealBody = z.infer<typeof RevealBodySchema>
export const RevealResponseSchema = z
  .object({ field: z.enum(REVEAL_FIELDS), value: z.string().nullable() })
  .meta({ id: 'RevealChildField' })
