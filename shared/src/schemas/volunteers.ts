/**
 * A volunteer's own sign-up and profile. The same input schema serves the draft (PUT …/draft) and
 * later edits (PATCH …/me): every field optional, each validated on its own, so a half-finished
 * form saves what is right and names what is wrong; POST …/submit then checks completeness.
 * Checks that need the server (adult on today's date, ID not already used, region exists, gender
 * matches the ID) are made there and reported with the same field names.
 */
import { z } from 'zod'
import { ID_NUMBER_PROBLEM_MESSAGES, parseIdNumber } from '../id-number'
import { ACCEPTANCE_DOCUMENTS, ACCEPTANCE_VERSIONS, type AcceptanceDocument } from '../volunteers/acceptances'
import { VETTING_DECISIONS } from '../volunteers/lifecycle'
import {
  AVAILABILITY_SLOTS, CONTACT_MODES, MAINLAND_MOBILE_PATTERN, SKILLS, TEAM_TYPES, VOLUNTEER_KINDS, VOLUNTEER_MAX_CHILDREN,
  VOLUNTEER_STATUSES, type VolunteerStatus,
} from '../volunteers/options'
import { IdSchema, RegionCodeSchema, TextSchema } from './common'

export const VolunteerKindSchema = z.enum(VOLUNTEER_KINDS).meta({ id: 'VolunteerKind' })
export const VolunteerStatusSchema = z.enum(VOLUNTEER_STATUSES).meta({ id: 'VolunteerStatus' })
export const TeamTypeSchema = z.enum(TEAM_TYPES).meta({ id: 'TeamType' })
const Gender = z.enum(['male', 'female'])

const distinct = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length).refine((a) => new Set(a).size === a.length, { message: '选项重复' })

export const RealNameSchema = TextSchema
  .min(2, { message: '请填写真实姓名' })
  .max(30, { message: '姓名最多30个字' })
  // Han characters, the middle dot of minority and transliterated names, and Latin letters.
  .regex(/^[\p{Script=Han}·•A-Za-z ]+$/u, { message: '姓名只能包含汉字、字母和间隔号“·”' })

export const MobileSchema = TextSchema.regex(MAINLAND_MOBILE_PATTERN, { message: '请填写11位中国大陆手机号' })

const VolunteerIdNumber = TextSchema
  .toUpperCase()
  .superRefine((v, ctx) => {
    const r = parseIdNumber(v)
    if (!r.ok) ctx.addIssue({ code: 'custom', message: ID_NUMBER_PROBLEM_MESSAGES[r.problem] })
  })

/** The client names the version of each text it showed; only the current one is accepted. */
const acceptance = (doc: AcceptanceDocument) =>
  z.literal(ACCEPTANCE_VERSIONS[doc], { message: '条款已更新，请重新阅读后同意' })

export const VolunteerFieldsBodySchema = z
  .strictObject({
    realName: RealNameSchema.optional(),
    /** H5: the number typed by the person. */
    phone: MobileSchema.optional(),
    /** Mini-program: `e.detail.code` of the getPhoneNumber button; the server asks WeChat for the number. */
    phoneCode: TextSchema.min(1).max(128).optional(),
    idNumber: VolunteerIdNumber.optional(),
    gender: Gender.optional(),
    kind: VolunteerKindSchema.optional(),
    workUnit: TextSchema.min(1, { message: '请填写工作单位或所在组织' }).max(60, { message: '最多60个字' }).optional(),
    serviceRegionCode: RegionCodeSchema.optional(),
    skills: distinct(SKILLS).optional(),
    availability: distinct(AVAILABILITY_SLOTS).optional(),
    availabilityNote: TextSchema.max(100, { message: '最多100个字' }).optional(),
    contactModes: distinct(CONTACT_MODES).optional(),
    capacity: z.number().int().min(1, { message: '至少结对1名儿童' }).max(VOLUNTEER_MAX_CHILDREN, { message: `最多结对${VOLUNTEER_MAX_CHILDREN}名儿童` }).optional(),
    acceptances: z
      .strictObject({ privacy: acceptance('privacy').optional(), pledge: acceptance('pledge').optional(), criminal_record: acceptance('criminal_record').optional() })
      .optional(),
  })
  .refine((b) => !(b.phone && b.phoneCode), { message: '手机号只需提供一种方式', path: ['phone'] })
  .meta({ id: 'VolunteerFieldsBody' })
export type VolunteerFieldsBody = z.infer<typeof VolunteerFieldsBodySchema>

/** How many volunteers are in each of these statuses. */
export const statusCountsSchema = <S extends readonly VolunteerStatus[]>(statuses: S) =>
  z.object(Object.fromEntries(statuses.map((s) => [s, z.number().int()])) as Record<S[number], z.ZodNumber>)

export const ReasonSchema = TextSchema.min(2, { message: '请填写原因（至少2个字）' }).max(200, { message: '最多200个字' })
export const WithdrawBodySchema = z.strictObject({ reason: ReasonSchema }).meta({ id: 'VolunteerWithdrawBody' })

const AcceptanceViewSchema = z.object({ version: z.string(), acceptedAt: z.iso.datetime(), current: z.boolean() })
export const AcceptancesViewSchema = z.object(
  Object.fromEntries(ACCEPTANCE_DOCUMENTS.map((d) => [d, AcceptanceViewSchema.nullable()])) as Record<AcceptanceDocument, z.ZodNullable<typeof AcceptanceViewSchema>>,
)

export const LastDecisionSchema = z
  .object({ decision: z.enum([...VETTING_DECISIONS, 'suspend']), reason: z.string(), at: z.iso.datetime() })
  .meta({ id: 'VolunteerLastDecision' })

/** Fields both the volunteer and the vetting coordinator see; ID number and phone are masked. */
export const volunteerCoreFields = {
  id: IdSchema,
  status: VolunteerStatusSchema,
  realName: z.string().nullable(),
  gender: Gender.nullable(),
  kind: VolunteerKindSchema.nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  workUnit: z.string().nullable(),
  serviceRegionCode: RegionCodeSchema.nullable(),
  serviceRegionName: z.string().nullable(),
  skills: z.array(z.enum(SKILLS)),
  availability: z.array(z.enum(AVAILABILITY_SLOTS)),
  availabilityNote: z.string().nullable(),
  contactModes: z.array(z.enum(CONTACT_MODES)),
  capacity: z.number().int(),
  team: z.object({ id: IdSchema, name: z.string(), type: TeamTypeSchema }).nullable(),
  acceptances: AcceptancesViewSchema,
  submittedAt: z.iso.datetime().nullable(),
  statusChangedAt: z.iso.datetime().nullable(),
}

export const VolunteerProfileSchema = z
  .object({
    ...volunteerCoreFields,
    /** The reason the coordinator gave with the last decision (approve, request_info, reject, suspend). */
    lastDecision: LastDecisionSchema.nullable(),
    /** Fields still needed before the application can be submitted, by input field name. */
    missing: z.array(z.string()),
  })
  .meta({ id: 'VolunteerProfile' })
export type VolunteerProfile = z.infer<typeof VolunteerProfileSchema>
