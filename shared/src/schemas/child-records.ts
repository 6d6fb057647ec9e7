/**
 * The director's desk around the files: the list with its filters, transfers between villages,
 * each file's timeline, and the yearly completion and hand-over (按年度完善, 每年1月底前移交乡镇).
 */
import { z } from 'zod'
import { CHILD_CATEGORIES, DIFFICULTY_KINDS, HISTORY_KINDS, PRIORITY_REASONS, RISK_LEVELS, SPECIAL_ATTENTIONS, TRANSFER_STATUSES } from '../children/enums'
import { ChildCategorySchema, ChildGenderSchema, ChildIdNumberSchema, PriorityReasonSchema, RiskLevelSchema, SpecialAttentionSchema } from './children'
import { ChildFullViewSchema, ChildWorkingViewSchema } from './child-views'
import { IdSchema, RegionCodeSchema, TextSchema } from './common'

const flag = z.enum(['true', 'false']).transform((v) => v === 'true')
export const CHILD_LIST_SORTS = ['name', '-name', 'age', '-age', 'village', '-village'] as const

export const ChildListQuerySchema = z.strictObject({
  /** Part of the child's name (any characters, e.g. a surname or a given name). */
  q: TextSchema.min(1).max(20).optional(),
  /** Narrows to one village or township inside the caller's region. */
  regionCode: RegionCodeSchema.optional(),
  category: z.enum(CHILD_CATEGORIES).optional(),
  difficultyKind: z.enum(DIFFICULTY_KINDS).optional(),
  risk: z.enum(RISK_LEVELS).optional(),
  /** One flag, or `any` for a child with at least one special-attention flag. */
  specialAttention: z.enum([...SPECIAL_ATTENTIONS, 'any']).optional(),
  priority: z.enum([...PRIORITY_REASONS, 'any']).optional(),
  nearWater: flag.optional(),
  paired: flag.optional(),
  consent: z.enum(['on_file', 'missing']).optional(),
  /** Children who have reached the age limit of one of their categories. */
  agingOut: flag.optional(),
  status: z.enum(['active', 'closed', 'all']).default('active'),
  /** Files still to complete for this year (none completed or handed over yet): the hand-over's work list. */
  toComplete: z.coerce.number().int().min(2020).max(2100).optional(),
  /** The desk table's order: by name (default), age (youngest first) or village; `-` reverses. */
  sort: z.enum(CHILD_LIST_SORTS).default('name'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type ChildListQuery = z.infer<typeof ChildListQuerySchema>

/** One row of the desk list for director, supervisor and civil affairs. */
export const ChildDeskRowSchema = z
  .object({
    view: z.literal('desk'),
    id: IdSchema,
    name: z.string(),
    gender: ChildGenderSchema,
    age: z.number().int(),
    idNumberLast4: z.string().nullable(),
    villageCode: RegionCodeSchema,
    villageName: z.string(),
    categories: z.array(ChildCategorySchema),
    difficultyKinds: z.array(z.enum(DIFFICULTY_KINDS)),
    riskLevel: RiskLevelSchema.nullable(),
    nearWater: z.boolean(),
    specialAttention: z.array(SpecialAttentionSchema),
    priorityReasons: z.array(PriorityReasonSchema),
    consentOnFile: z.boolean(),
    pairingStatus: z.enum(['unpaired', 'paired']),
    agingOut: z.array(ChildCategorySchema),
    status: z.enum(['active', 'closed']),
  })
  .meta({ id: 'ChildDeskRow' })

export const ChildListResponseSchema = z
  .object({
    items: z.array(z.discriminatedUnion('view', [ChildDeskRowSchema, ChildWorkingViewSchema])),
    /** Exact up to 1000; beyond that 1000 with totalCapped (show "1000+"). */
    total: z.number().int(),
    totalCapped: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'ChildList' })

// ── transfers ──────────────────────────────────────────────────────────────────────────────────

/** The receiving director names the child by ID number: they have the child (and the card) in front of them. */
export const RequestTransferBodySchema = z
  .strictObject({ idNumber: ChildIdNumberSchema, reason: TextSchema.min(2, { message: '请说明转移原因' }).max(200) })
  .meta({ id: 'RequestTransferBody' })
export type RequestTransferBody = z.infer<typeof RequestTransferBodySchema>

export const DeclineTransferBodySchema = z
  .strictObject({ reason: TextSchema.min(2, { message: '请说明拒绝原因' }).max(200) })
  .meta({ id: 'DeclineTransferBody' })

export const TransferSchema = z
  .object({
    id: IdSchema,
    status: z.enum(TRANSFER_STATUSES),
    /** holder: the file is in your region and you decide; requester: you asked for it; observer: oversight. */
    yourPart: z.enum(['holder', 'requester', 'observer']),
    idNumberLast4: z.string().nullable(),
    /** The child, only while the file is in your region. */
    child: z.object({ id: IdSchema, name: z.string() }).nullable(),
    /** Where the file is kept: shown only to those who may see that village's files. */
    fromVillageName: z.string().nullable(),
    toVillageCode: RegionCodeSchema,
    toVillageName: z.string(),
    reason: z.string(),
    requestedByName: z.string().nullable(),
    requestedAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    declineReason: z.string().nullable(),
  })
  .meta({ id: 'ChildTransfer' })
export type Transfer = z.infer<typeof TransferSchema>
export const TransferListResponseSchema = z.object({ items: z.array(TransferSchema) }).meta({ id: 'ChildTransferList' })

// ── timeline ───────────────────────────────────────────────────────────────────────────────────

/**
 * One change of one field. Values are shown for ordinary fields; for encrypted ones (ID number,
 * address, guardians' phones) only the fact that they changed is kept — history never holds them.
 */
export const FieldChangeSchema = z.object({ field: z.string(), from: z.unknown().optional(), to: z.unknown().optional() })
export const HistoryEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    kind: z.enum(HISTORY_KINDS),
    actorName: z.string().nullable(),
    changes: z.array(FieldChangeSchema),
    fromVillageName: z.string().nullable(),
    toVillageName: z.string().nullable(),
    year: z.number().int().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ChildHistoryEntry' })
export const HistoryResponseSchema = z.object({ items: z.array(HistoryEntrySchema) }).meta({ id: 'ChildHistory' })

// ── yearly records ─────────────────────────────────────────────────────────────────────────────

export const YearSchema = z.coerce.number().int().min(2020, { message: '年份不对' }).max(2100, { message: '年份不对' })
export const YearBodySchema = z.strictObject({ year: YearSchema }).meta({ id: 'ChildYearBody' })

export const YearRecordSummarySchema = z
  .object({
    year: z.number().int(),
    villageCode: RegionCodeSchema,
    villageName: z.string(),
    completedAt: z.iso.datetime().nullable(),
    archivedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ChildYearRecordSummary' })
export const YearRecordListResponseSchema = z.object({ items: z.array(YearRecordSummarySchema) }).meta({ id: 'ChildYearRecordList' })
/** The file as it stood when completed or handed over, through the same per-role view as the live one. */
export const YearRecordSchema = YearRecordSummarySchema.extend({ file: ChildFullViewSchema }).meta({ id: 'ChildYearRecord' })

export const HandoverResultSchema = z
  .object({ year: z.number().int(), villageCode: RegionCodeSchema, archived: z.number().int(), alreadyArchived: z.number().int(), notCompleted: z.number().int() })
  .meta({ id: 'ChildHandoverResult' })

