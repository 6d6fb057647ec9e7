import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'
import { pairedSince } from '../pairings/repository'

export function insertTeam(tx: Tx, data: Prisma.TeamUncheckedCreateInput) {
  return tx.team.create({ data })
}

export async function codeTaken(tx: Tx, joinCode: string): Promise<boolean> {
  return (await tx.team.count({ where: { joinCode } })) > 0
}

export function findTeam(tx: Tx, id: string) {
  return tx.team.findUnique({ where: { id } })
}
export type TeamRow = NonNullable<Awaited<ReturnType<typeof findTeam>>>

export function findTeamByCode(tx: Tx, joinCode: string) {
  return tx.team.findUnique({ where: { joinCode } })
}

/** The person's live leadership in this region (role assignments are unique per user, role and region). */
export function leaderAssignment(tx: Tx, userId: string, regionCode: string) {
  return tx.roleAssignment.findFirst({ where: { userId, role: 'group_leader', regionCode, revokedAt: null, teamId: { not: null } } })
}

/** Allow-list: the roster never selects the ID number or the phone, so it cannot leak them. */
export function members(tx: Tx, teamId: string) {
  return tx.volunteer.findMany({
    where: { teamId },
    orderBy: [{ teamJoinedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, realName: true, kind: true, status: true, teamJoinedAt: true, submittedAt: true, statusChangedAt: true },
  })
}

export function countByStatus(tx: Tx, teamId: string) {
  return tx.volunteer.groupBy({ by: ['status'], where: { teamId }, _count: { _all: true } })
}

/**
 * Since when each of these volunteers has been paired (active or paused; the earliest start date
 * of those pairings). Members absent from the map are not paired. Only the date: the roster never
 * learns which child (issue #7).
 */
export async function pairingSince(tx: Tx, volunteerIds: string[]): Promise<Map<string, Date> | null> {
  const rows = volunteerIds.length ? await pairedSince(tx, volunteerIds) : []
  return new Map(rows.flatMap((r) => (r._min.startDate ? [[r.volunteerId, r._min.startDate] as const] : [])))
}

export function regionOf(tx: Tx, code: string) {
  return tx.region.findUnique({ where: { code }, select: { code: true, name: true, level: true } })
}
