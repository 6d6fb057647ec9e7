import type { AcceptanceDocument, Role, VolunteerStatus } from '@qstx/shared'
import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'

const withDetails = {
  team: { select: { id: true, name: true, type: true } },
  acceptances: { orderBy: { acceptedAt: 'desc' as const } },
} as const

export function findByUser(tx: Tx, userId: string) {
  return tx.volunteer.findUnique({ where: { userId }, include: withDetails })
}

export function findById(tx: Tx, id: string) {
  return tx.volunteer.findUnique({ where: { id }, include: withDetails })
}
export type VolunteerRow = NonNullable<Awaited<ReturnType<typeof findById>>>

/** An empty draft; two first saves at once both end up with the same row. */
export async function createDraft(tx: Tx, userId: string, at: Date): Promise<VolunteerRow> {
  await tx.volunteer.upsert({ where: { userId }, create: { userId, statusChangedAt: at }, update: {} })
  return (await findByUser(tx, userId))!
}

/**
 * Writes only if the application is still in the status the caller read: of two concurrent
 * changes (a coordinator's decision, the volunteer's edit) exactly one matches.
 */
export async function updateIfStatus(tx: Tx, id: string, status: VolunteerStatus, data: Prisma.VolunteerUpdateManyMutationInput): Promise<boolean> {
  const { count } = await tx.volunteer.updateMany({ where: { id, status }, data })
  return count === 1
}

export async function idNumberUsedByAnother(tx: Tx, idNumberIndex: string, volunteerId: string): Promise<boolean> {
  return (await tx.volunteer.count({ where: { idNumberIndex, id: { not: volunteerId } } })) > 0
}

export function addAcceptances(tx: Tx, volunteerId: string, docs: Array<{ document: AcceptanceDocument; version: string }>, at: Date) {
  return tx.volunteerAcceptance.createMany({
    data: docs.map((d) => ({ volunteerId, document: d.document, version: d.version, acceptedAt: at })),
    skipDuplicates: true,
  })
}

export interface EventInput {
  volunteerId: string
  at: Date
  actorUserId: string | null
  actorRole: Role | null
  type: string
  fromStatus?: VolunteerStatus | null
  toStatus?: VolunteerStatus | null
  reason?: string | null
  checks?: Prisma.InputJsonValue
}

export function insertEvent(tx: Tx, e: EventInput) {
  return tx.volunteerEvent.create({
    data: {
      volunteerId: e.volunteerId, at: e.at, actorUserId: e.actorUserId, actorRole: e.actorRole, type: e.type,
      fromStatus: e.fromStatus ?? null, toStatus: e.toStatus ?? null, reason: e.reason ?? null,
      ...(e.checks !== undefined ? { checks: e.checks } : {}),
    },
    select: { id: true },
  })
}

/** The coordinator's decisions, the ones a volunteer is told the reason of. */
export const DECISION_EVENT_TYPES = ['approve', 'request_info', 'reject', 'suspend'] as const

export function lastDecision(tx: Tx, volunteerId: string) {
  return tx.volunteerEvent.findFirst({
    where: { volunteerId, type: { in: [...DECISION_EVENT_TYPES] } },
    orderBy: { id: 'desc' },
    select: { type: true, reason: true, at: true },
  })
}

export function findRegion(tx: Tx, code: string) {
  return tx.region.findUnique({ where: { code }, select: { code: true, name: true, level: true } })
}

export function regionNames(tx: Tx, codes: string[]) {
  return tx.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })
}
