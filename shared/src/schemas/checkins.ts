/**
 * Check-ins (issue #8): what a love parent records after a contact with the paired child, the
 * director's confirmation, the volunteer's record page, the pairing's cadence and the honour board.
 * Staff rows name the child (staff inside their region see names anyway); the volunteer's own rows
 * carry the display name their director chose, nothing more. No ID number, address or phone.
 */
import { z } from 'zod'
import { CHECKIN_STATUSES, SEC_CHECK_RESULTS, SERVICE_TYPES } from '../checkins/options'
import { MAX_DURATION_MINUTES, PAIRING_HEALTHS } from '../checkins/rules'
import { CONTACT_MODES } from '../volunteers/options'
import { CalendarDateSchema, IdSchema, InstantSchema, RegionCodeSchema, text, TextSchema } from './common'
import { ReasonSchema } from './volunteers'

const page = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** Staff lists: the longest waiting first (default), or the newest. */
  sort: z.enum(['oldest', 'newest']).default('oldest'),
}

export const ServiceTypeSchema = z.enum(SERVICE_TYPES, { message: '请选择服务内容' }).meta({ id: 'ServiceType' })
export const CheckinStatusSchema = z.enum(CHECKIN_STATUSES).meta({ id: 'CheckinStatus' })
export const SecCheckResultSchema = z.enum(SEC_CHECK_RESULTS).meta({ id: 'SecCheckResult' })

/**
 * Where the visit happened, as wx.getFuzzyLocation gives it. The server keeps it rounded to 0.01°
 * (about 1 km): enough to show the visit was in the village, never enough to find a house.
 */
export const CheckinLocationSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
})

/** The header every POST /api/checkins carries: one UUID per check-in, kept with it while it waits offline. */
export const IdempotencyHeadersSchema = z.looseObject({
  'idempotency-key': z.uuid({ message: '请求头 Idempotency-Key 应为 UUID（每条走访记录一个，重试时不变）' }),
})

export const CreateCheckinBodySchema = z
  .strictObject({
    pairingId: IdSchema,
    startedAt: InstantSchema({ offset: true, message: '开始时间格式不正确' }),
    durationMinutes: z
      .number({ message: '请填写时长（分钟）' })
      .int({ message: '时长按整分钟填写' })
      .min(1, { message: '时长须大于0' })
      .max(MAX_DURATION_MINUTES, { message: '单次服务时长不能超过12小时' }),
    contactMode: z.enum(CONTACT_MODES, { message: '请选择联系方式' }),
    serviceTypes: z
      .array(ServiceTypeSchema)
      .min(1, { message: '请至少选择一项服务内容' })
      .refine((a) => new Set(a).size === a.length, { message: '服务内容有重复' }),
    /** What was done. */
    summary: TextSchema.min(1, { message: '请填写这次做了什么' }).max(1000, { message: '最多1000个字' }),
    /** How the child seemed. */
    childMood: text(200).optional(),
    problemsFound: text(500).optional(),
    measuresSuggested: text(500).optional(),
    location: CheckinLocationSchema.optional(),
    /** "我担心这个孩子": the answer tells the client to open the safeguarding report. */
    worried: z.boolean().default(false),
  })
  .meta({ id: 'CreateCheckinBody' })
export type CreateCheckinBody = z.infer<typeof CreateCheckinBodySchema>

const checkinFields = {
  id: IdSchema,
  pairingId: IdSchema,
  startedAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  contactMode: z.enum(CONTACT_MODES),
  serviceTypes: z.array(ServiceTypeSchema),
  summary: z.string(),
  childMood: z.string().nullable(),
  problemsFound: z.string().nullable(),
  measuresSuggested: z.string().nullable(),
  location: CheckinLocationSchema.nullable(),
  worried: z.boolean(),
  secCheck: SecCheckResultSchema,
  status: CheckinStatusSchema,
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  /** The director's note on confirming, or the reason of a dispute. */
  decisionNote: z.string().nullable(),
  /** Awarded on confirmation (the rule then in force); null until then. */
  points: z.number().nullable(),
}

export const CheckinSchema = z.object(checkinFields).meta({ id: 'Checkin' })
export type CheckinView = z.infer<typeof CheckinSchema>

/** The answer to a new check-in: `openReport` tells the client to open the safeguarding report now. */
export const CheckinCreatedSchema = z.object({ ...checkinFields, openReport: z.boolean() }).meta({ id: 'CheckinCreated' })
export type CheckinCreated = z.infer<typeof CheckinCreatedSchema>

/** What staff see: the child and the volunteer by name, and how long it has waited. */
export const StaffCheckinSchema = z
  .object({
    ...checkinFields,
    child: z.object({ id: IdSchema, name: z.string(), villageCode: RegionCodeSchema, villageName: z.string() }),
    volunteer: z.object({ id: IdSchema, realName: z.string().nullable() }),
    decidedByName: z.string().nullable(),
    /** Whole days since it was sent. */
    waitingDays: z.number().int(),
  })
  .meta({ id: 'StaffCheckin' })
export type StaffCheckin = z.infer<typeof StaffCheckinSchema>

export const StaffCheckinListSchema = z
  .object({ items: z.array(StaffCheckinSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'StaffCheckinList' })

export const CheckinQueueQuerySchema = z.strictObject({ ...page })
export const UnconfirmedQuerySchema = z.strictObject({ regionCode: RegionCodeSchema.optional(), ...page })

export const ConfirmCheckinBodySchema = z.strictObject({ note: text(200).optional() }).meta({ id: 'ConfirmCheckinBody' })
export const DisputeCheckinBodySchema = z.strictObject({ reason: ReasonSchema }).meta({ id: 'DisputeCheckinBody' })

// ── cadence ─────────────────────────────────────────────────────────────────────────────────────

export const PairingCadenceSchema = z
  .object({
    health: z.enum(PAIRING_HEALTHS),
    phase: z.enum(['first_month', 'monthly']),
    nextDueOn: CalendarDateSchema,
    lastContactOn: CalendarDateSchema.nullable(),
    daysWithoutContact: z.number().int(),
    firstMonthContacts: z.number().int(),
    firstMonthRequired: z.number().int(),
  })
  .meta({ id: 'PairingCadence' })
export type PairingCadence = z.infer<typeof PairingCadenceSchema>

export const PairingCheckinsQuerySchema = z.strictObject({ pairingId: IdSchema })
export const PairingCheckinsSchema = z
  .object({
    pairingId: IdSchema,
    /** Null unless the pairing is active. */
    cadence: PairingCadenceSchema.nullable(),
    items: z.array(StaffCheckinSchema),
  })
  .meta({ id: 'PairingCheckins' })

// ── the volunteer's record ──────────────────────────────────────────────────────────────────────

export const MyCheckinSchema = z
  .object({ ...checkinFields, child: z.object({ displayName: z.string() }) })
  .meta({ id: 'MyCheckin' })

export const MyCheckinsSchema = z
  .object({
    /** Hours and points count what a director confirmed only: check-ins, and service at care activities. */
    totals: z.object({
      hours: z.number(),
      points: z.number(),
      confirmed: z.number().int(),
      pending: z.number().int(),
      disputed: z.number().int(),
    }),
    /** Service at care activities (care/activities.ts), inside the totals' hours and points. */
    activities: z.object({ confirmed: z.number().int(), pending: z.number().int(), hours: z.number() }),
    /** 平台记录: these hours are the platform's record, not a certificate. */
    hoursLabel: z.string(),
    hoursNote: z.string(),
    /** Each active pairing's cadence: when the next contact is due. */
    pairings: z.array(z.object({
      pairingId: IdSchema, childDisplayName: z.string(), cadence: PairingCadenceSchema,
      /** A near-water child's talk before the holiday in force (care/water-safety.ts): done by my own check-in. */
      waterSafety: z.object({ label: z.string(), dueOn: CalendarDateSchema, done: z.boolean() }).nullable(),
    })),
    items: z.array(MyCheckinSchema),
  })
  .meta({ id: 'MyCheckins' })

// ── the honour board ────────────────────────────────────────────────────────────────────────────

export const HonourBoardQuerySchema = z.strictObject({
  regionCode: RegionCodeSchema,
  /** A calendar year (China); without it, all time. */
  year: z.coerce.number().int().min(2020).max(2100).optional(),
})

export const HonourBoardSchema = z
  .object({
    regionCode: RegionCodeSchema,
    regionName: z.string(),
    year: z.number().int().nullable(),
    hoursLabel: z.string(),
    /** Volunteers who chose to appear, never children. */
    items: z.array(z.object({ rank: z.number().int(), name: z.string(), hours: z.number(), points: z.number(), checkins: z.number().int() })),
  })
  .meta({ id: 'HonourBoard' })

export const HonourSettingBodySchema = z
  .strictObject({
    optIn: z.boolean(),
    /** Show the real name; otherwise 王阿姨 / 李叔叔. */
    showFullName: z.boolean().default(false),
  })
  .meta({ id: 'HonourSettingBody' })

export const HonourSettingSchema = z
  .object({ optIn: z.boolean(), showFullName: z.boolean(), displayName: z.string() })
  .meta({ id: 'HonourSetting' })
