/**
 * The pairings table (the projection) and pairing_events (the ledger). Every function takes the
 * transaction client; writes go through `updateIfState`, so of two concurrent decisions on one
 * pairing exactly one matches.
 */
import { LIVE_PAIRING_STATES, type PairingState, type Role } from '@qstx/shared'
import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'

export const live = { state: { in: [...LIVE_PAIRING_STATES] } } satisfies Prisma.PairingWhereInput

const volunteerSelect = { id: true, userId: true, realName: true, kind: true, workUnit: true, team: { select: { id: true, name: true } } } as const
const childSelect = { id: true, name: true, displayName: true, villageCode: true, closedAt: true } as const
export const rowInclude = { child: { select: childSelect }, volunteer: { select: volunteerSelect } } as const

export function findPairing(tx: Tx, id: string) {
  return tx.pairing.findUnique({ where: { id }, include: rowInclude })
}
export type PairingRow = NonNullable<Awaited<ReturnType<typeof findPairing>>>

export function insertPairing(tx: Tx, data: Prisma.PairingUncheckedCreateInput) {
  return tx.pairing.create({ data, include: rowInclude })
}

export async function updateIfState(tx: Tx, id: string, state: PairingState, data: Prisma.PairingUncheckedUpdateManyInput): Promise<boolean> {
  const { count } = await tx.pairing.updateMany({ where: { id, state }, data })
  return count === 1
}

export interface EventInput {
  pairingId: string
  type: Prisma.PairingEventUncheckedCreateInput['type']
  at: Date
  actorUserId: string | null
  actorRole: Role | null
  fromState: PairingState | null
  toState: PairingState
  reason?: string | null
  endReason?: Prisma.PairingEventUncheckedCreateInput['endReason']
  startDate?: Date | null
  expectedResumeDate?: Date | null
}

export function insertEvent(tx: Tx, e: EventInput) {
  return tx.pairingEvent.create({ data: e, select: { id: true } })
}

export function events(tx: Tx, pairingId: string) {
  return tx.pairingEvent.findMany({ where: { pairingId }, orderBy: { id: 'asc' } })
}

/** The live pairing of a child, if any (the partial unique index allows at most one). */
export function liveOfChild(tx: Tx, childId: string) {
  return tx.pairing.findFirst({ where: { childId, ...live }, select: { id: true, state: true } })
}

export function countLiveOfVolunteer(tx: Tx, volunteerId: string) {
  return tx.pairing.count({ where: { volunteerId, ...live } })
}

export function liveOfVolunteer(tx: Tx, volunteerId: string) {
  return tx.pairing.findMany({ where: { volunteerId, ...live }, include: rowInclude, orderBy: { proposedAt: 'asc' } })
}

export function liveRowsOfChild(tx: Tx, childId: string) {
  return tx.pairing.findMany({ where: { childId, ...live }, include: rowInclude })
}

// ── reads ───────────────────────────────────────────────────────────────────────────────────────

export function ofVolunteerUser(tx: Tx, userId: string, states: PairingState[]) {
  return tx.pairing.findMany({
    where: { volunteer: { userId }, state: { in: states } },
    include: rowInclude,
    orderBy: [{ stateChangedAt: 'desc' }, { id: 'desc' }],
    take: 50,
  })
}

/** Since when each of these volunteers has been in an active or paused pairing (the earliest start). */
export function pairedSince(tx: Tx, volunteerIds: string[]) {
  return tx.pairing.groupBy({
    by: ['volunteerId'],
    where: { volunteerId: { in: volunteerIds }, state: { in: ['active', 'paused'] } },
    _min: { startDate: true },
  })
}

export function userNames(tx: Tx, ids: string[]) {
  return tx.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } })
}

/** The child directors of a village who can act (the recipients of a new proposal). */
export function villageDirectors(tx: Tx, villageCode: string) {
  return tx.roleAssignment.findMany({
    where: { role: 'child_director', regionCode: villageCode, revokedAt: null, user: { disabledAt: null } },
    select: { userId: true },
  })
}

/** The few columns of a child that matching and proposals need; locks the row when asked to. */
export async function childForPairing(tx: Tx, id: string, lock = false) {
  if (lock) await tx.$queryRaw`SELECT 1 FROM "children" WHERE "id" = ${id}::uuid FOR UPDATE`
  return tx.child.findUnique({
    where: { id },
    select: { id: true, name: true, villageCode: true, closedAt: true, consentGivenBy: true, consentDate: true, needs: true, interests: true },
  })
}
export type PairingChild = NonNullable<Awaited<ReturnType<typeof childForPairing>>>

export function volunteerRegion(tx: Tx, id: string) {
  return tx.volunteer.findUnique({ where: { id }, select: { id: true, serviceRegionCode: true } })
}
