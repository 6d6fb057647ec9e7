/**
 * The pairing ledger (结对台账): proposals, the director's acknowledgement, approval, pause, resume,
 * end — and the views: the ledger rows staff see, one pairing with its events, a volunteer's own
 * pairings, the priority children without a pairing, and the suggested volunteers for a child.
 * Rows name the child (staff inside their region see names anyway) but never an ID number,
 * address or phone; a volunteer sees only the display name their director chose.
 */
import { z } from 'zod'
import { PRIORITY_REASONS, RISK_LEVELS } from '../children/enums'
import { PAIRING_END_REASONS, PAIRING_EVENT_TYPES, PAIRING_STATES } from '../pairings/lifecycle'
import { ROLES } from '../roles'
import { CONTACT_MODES, SKILLS } from '../volunteers/options'
import { CalendarDateSchema, IdSchema, RegionCodeSchema, TextSchema } from './common'
import { ReasonSchema, VolunteerKindSchema } from './volunteers'

const flag = z.enum(['true', 'false']).transform((v) => v === 'true')
const note = TextSchema.max(200, { message: '最多200个字' }).nullable().optional()
const page = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
}

export const PairingStateSchema = z.enum(PAIRING_STATES).meta({ id: 'PairingState' })
export const PairingEndReasonSchema = z.enum(PAIRING_END_REASONS).meta({ id: 'PairingEndReason' })

// ── writes ──────────────────────────────────────────────────────────────────────────────────────

export const ProposePairingBodySchema = z
  .strictObject({ childId: IdSchema, volunteerId: IdSchema, note })
  .meta({ id: 'ProposePairingBody' })
export type ProposePairingBody = z.infer<typeof ProposePairingBodySchema>

/** The director confirms that the family agrees (a note of how: a visit, a call). */
export const AcknowledgePairingBodySchema = z.strictObject({ note }).meta({ id: 'AcknowledgePairingBody' })
export const ApprovePairingBodySchema = z.strictObject({ startDate: CalendarDateSchema, note }).meta({ id: 'ApprovePairingBody' })
export type ApprovePairingBody = z.infer<typeof ApprovePairingBodySchema>
export const DeclinePairingBodySchema = z.strictObject({ reason: ReasonSchema }).meta({ id: 'DeclinePairingBody' })
export const PausePairingBodySchema = z
  .strictObject({ reason: ReasonSchema, expectedResumeDate: CalendarDateSchema })
  .meta({ id: 'PausePairingBody' })
export type PausePairingBody = z.infer<typeof PausePairingBodySchema>
export const ResumePairingBodySchema = z.strictObject({ note }).meta({ id: 'ResumePairingBody' })
export const EndPairingBodySchema = z
  .strictObject({ reason: PairingEndReasonSchema, note })
  .refine((b) => b.reason !== 'other' || (b.note?.length ?? 0) >= 2, { message: '结束原因选“其他”时请说明情况', path: ['note'] })
  .meta({ id: 'EndPairingBody' })
export type EndPairingBody = z.infer<typeof EndPairingBodySchema>

// ── the ledger ──────────────────────────────────────────────────────────────────────────────────

export const PairingListQuerySchema = z.strictObject({
  state: PairingStateSchema.optional(),
  /** Narrows to one village or township inside the caller's region. */
  regionCode: RegionCodeSchema.optional(),
  volunteerId: IdSchema.optional(),
  childId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  /** Active pairings without a confirmed contact for 60 days. */
  stale: flag.optional(),
  ...page,
})
export type PairingListQuery = z.infer<typeof PairingListQuerySchema>

const ledgerFields = {
  id: IdSchema,
  state: PairingStateSchema,
  child: z.object({ id: IdSchema, name: z.string(), villageCode: RegionCodeSchema, villageName: z.string() }),
  volunteer: z.object({
    id: IdSchema,
    realName: z.string().nullable(),
    kind: VolunteerKindSchema.nullable(),
    workUnit: z.string().nullable(),
    team: z.object({ id: IdSchema, name: z.string() }).nullable(),
  }),
  proposedAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  startDate: CalendarDateSchema.nullable(),
  pausedAt: z.iso.datetime().nullable(),
  expectedResumeDate: CalendarDateSchema.nullable(),
  endedAt: z.iso.datetime().nullable(),
  endReason: PairingEndReasonSchema.nullable(),
  declinedAt: z.iso.datetime().nullable(),
  stateChangedAt: z.iso.datetime(),
  /** The last check-in the director confirmed (issue #8); null until there is one. */
  lastConfirmedContactAt: z.iso.datetime().nullable(),
  /** Active, and no confirmed contact for 60 days (counted from the start date until the first). */
  stale: z.boolean(),
  /** Days since the last confirmed contact (or the start), for active pairings. */
  daysWithoutContact: z.number().int().nullable(),
  /** Paused past its expected resume date. */
  resumeOverdue: z.boolean(),
}

export const PairingRowSchema = z.object(ledgerFields).meta({ id: 'PairingRow' })
export type PairingRow = z.infer<typeof PairingRowSchema>

export const PairingListSchema = z
  .object({
    items: z.array(PairingRowSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Per state inside the caller's region and the filters other than `state` and `stale`. */
    counts: z.object(Object.fromEntries(PAIRING_STATES.map((s) => [s, z.number().int()])) as Record<(typeof PAIRING_STATES)[number], z.ZodNumber>),
    staleCount: z.number().int(),
  })
  .meta({ id: 'PairingList' })

export const PairingEventSchema = z
  .object({
    at: z.iso.datetime(),
    type: z.enum(PAIRING_EVENT_TYPES),
    actorName: z.string().nullable(),
    actorRole: z.enum(ROLES).nullable(),
    fromState: PairingStateSchema.nullable(),
    toState: PairingStateSchema,
    reason: z.string().nullable(),
    endReason: PairingEndReasonSchema.nullable(),
    startDate: CalendarDateSchema.nullable(),
    expectedResumeDate: CalendarDateSchema.nullable(),
  })
  .meta({ id: 'PairingEvent' })

export const PairingDetailSchema = z
  .object({
    ...ledgerFields,
    proposedByName: z.string().nullable(),
    acknowledgedByName: z.string().nullable(),
    approvedByName: z.string().nullable(),
    pauseReason: z.string().nullable(),
    endNote: z.string().nullable(),
    declineReason: z.string().nullable(),
    /** Oldest first: who did what, when and why. */
    events: z.array(PairingEventSchema),
  })
  .meta({ id: 'PairingDetail' })
export type PairingDetail = z.infer<typeof PairingDetailSchema>

// ── the volunteer's own ─────────────────────────────────────────────────────────────────────────

/** What a volunteer sees of their pairings: the child's display name only; the card has the rest. */
export const MyPairingSchema = z
  .object({
    id: IdSchema,
    state: PairingStateSchema,
    startDate: CalendarDateSchema.nullable(),
    expectedResumeDate: CalendarDateSchema.nullable(),
    endedAt: z.iso.datetime().nullable(),
    endReason: PairingEndReasonSchema.nullable(),
    child: z.object({ id: IdSchema, displayName: z.string(), villageName: z.string() }),
    /** GET /api/children/:id/card answers while the pairing is active. */
    cardAvailable: z.boolean(),
  })
  .meta({ id: 'MyPairing' })
export const MyPairingsSchema = z.object({ items: z.array(MyPairingSchema) }).meta({ id: 'MyPairings' })

// ── matching ────────────────────────────────────────────────────────────────────────────────────

export const PriorityChildrenQuerySchema = z.strictObject({ regionCode: RegionCodeSchema.optional(), ...page })

export const PriorityChildSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    age: z.number().int(),
    gender: z.enum(['male', 'female']),
    villageCode: RegionCodeSchema,
    villageName: z.string(),
    priorityReasons: z.array(z.enum(PRIORITY_REASONS)),
    riskLevel: z.enum(RISK_LEVELS).nullable(),
    needs: z.array(z.string()),
    interests: z.array(z.string()),
    /** A proposal needs the guardian's consent on file; without it, ask the director first. */
    consentOnFile: z.boolean(),
    registeredAt: z.iso.datetime(),
  })
  .meta({ id: 'PriorityChild' })
export const PriorityChildrenSchema = z
  .object({ items: z.array(PriorityChildSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'PriorityChildren' })

export const SuggestionsQuerySchema = z.strictObject({
  childId: IdSchema,
  limit: z.coerce.number().int().min(1).max(50).default(10),
})

export const SuggestionSchema = z
  .object({
    volunteerId: IdSchema,
    realName: z.string().nullable(),
    kind: VolunteerKindSchema.nullable(),
    serviceRegionCode: RegionCodeSchema,
    serviceRegionName: z.string(),
    team: z.object({ id: IdSchema, name: z.string() }).nullable(),
    skills: z.array(z.enum(SKILLS)),
    contactModes: z.array(z.enum(CONTACT_MODES)),
    capacity: z.number().int(),
    livePairings: z.number().int(),
    score: z.number().int(),
    /** Why this volunteer is suggested, in the order the points were given. */
    reasons: z.array(z.string()),
  })
  .meta({ id: 'PairingSuggestion' })

export const SuggestionsSchema = z
  .object({
    child: z.object({
      id: IdSchema,
      name: z.string(),
      villageName: z.string(),
      needs: z.array(z.string()),
      interests: z.array(z.string()),
      consentOnFile: z.boolean(),
      /** A child with a live pairing cannot be proposed again until it ends. */
      livePairingId: IdSchema.nullable(),
    }),
    items: z.array(SuggestionSchema),
  })
  .meta({ id: 'PairingSuggestions' })
export type Suggestions = z.infer<typeof SuggestionsSchema>
