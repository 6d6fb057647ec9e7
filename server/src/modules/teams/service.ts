/**
 * Volunteer teams (小张): a leader registers the team and becomes its group_leader; members join
 * with the 8-character code and then sign up and are vetted one by one, like anyone else. The code
 * is random from a 32-letter alphabet without look-alikes (40 bits) and joining is rate-limited.
 */
import { randomInt } from 'node:crypto'
import {
  TEAM_MEMBER_KIND, VOLUNTEER_STATUSES, teamSharePath,
  type RegisterTeamBody, type Team, type TeamRoster, type VolunteerStatus,
} from '@qstx/shared'
import type { Db, Tx } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { activateWhereRoleless, grantRole } from '../../lib/role-grants'
import * as volunteers from '../volunteers/repository'
import { assertCan, assertMayViewRoster } from './policy'
import * as repo from './repository'

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const newCode = () => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
const iso = (d: Date | null) => (d ? d.toISOString() : null)

async function countsOf(tx: Tx, teamId: string): Promise<Record<VolunteerStatus, number>> {
  const grouped = await repo.countByStatus(tx, teamId)
  return Object.fromEntries(VOLUNTEER_STATUSES.map((s) => [s, grouped.find((g) => g.status === s)?._count._all ?? 0])) as Record<VolunteerStatus, number>
}

async function teamView(tx: Tx, team: repo.TeamRow): Promise<Team> {
  return {
    id: team.id,
    name: team.name,
    type: team.type,
    parentOrganisation: team.parentOrganisation,
    serviceRegionCode: team.serviceRegionCode,
    serviceRegionName: (await repo.regionOf(tx, team.serviceRegionCode))?.name ?? team.serviceRegionCode,
    joinCode: team.joinCode,
    sharePath: teamSharePath(team.joinCode),
    createdAt: team.createdAt.toISOString(),
    memberCounts: await countsOf(tx, team.id),
  }
}

export function createTeamService({ prisma }: { prisma: Db }) {
  /** Self-service: any signed-in person may register a team and lead it. */
  async function register(userId: string, body: RegisterTeamBody, ctx: AuditContext) {
    return prisma.$transaction(async (tx) => {
      const region = await repo.regionOf(tx, body.serviceRegionCode)
      if (!region || (region.level !== 'county' && region.level !== 'township')) {
        throw new AppError('VALIDATION_FAILED', undefined, { serviceRegionCode: '请选择服务的县（区）或乡镇（街道）' })
      }
      // One leadership per region: the role assignment (unique per user, role and region) names one team.
      if (await repo.leaderAssignment(tx, userId, region.code)) throw new AppError('TEAM_ALREADY_LED')
      let joinCode = newCode()
      while (await repo.codeTaken(tx, joinCode)) joinCode = newCode()
      const team = await repo.insertTeam(tx, { ...body, joinCode, leaderUserId: userId, createdAt: ctx.at })
      const role = await grantRole(tx, { userId, role: 'group_leader', regionCode: region.code, teamId: team.id })
      await activateWhereRoleless(tx, userId, role.id)
      const audit = { result: 'success' as const, regionCode: region.code }
      await recordAudit(tx, ctx, { ...audit, action: 'team.register', targetType: 'team', targetId: team.id })
      await recordAudit(tx, ctx, { ...audit, action: 'role.grant', targetType: 'role_assignment', targetId: role.id })
      return { ...(await teamView(tx, team)), roleAssignmentId: role.id }
    })
  }

  async function mine(actor: ScopedActor): Promise<Team> {
    assertCan(actor, 'team.lead')
    const team = actor.teamId ? await repo.findTeam(prisma, actor.teamId) : null
    if (!team) throw notFound()
    return teamView(prisma, team)
  }

  /**
   * Links the person's application (a new draft if they have none) to the team. A member who has
   * not chosen yet gets the team's usual kind and service area as a start; they can change both.
   */
  async function join(userId: string, code: string, ctx: AuditContext) {
    return prisma.$transaction(async (tx) => {
      const team = await repo.findTeamByCode(tx, code)
      if (!team) throw new AppError('TEAM_CODE_INVALID', undefined, { code: '团队加入码不正确' })
      const v = (await volunteers.findByUser(tx, userId)) ?? (await volunteers.createDraft(tx, userId, ctx.at))
      const result = { team: { id: team.id, name: team.name, type: team.type, parentOrganisation: team.parentOrganisation }, volunteerId: v.id }
      if (v.teamId === team.id) return { ...result, status: v.status }
      if (v.teamId) throw new AppError('TEAM_ALREADY_JOINED')
      if (v.status === 'rejected' || v.status === 'withdrawn') throw new AppError('VOLUNTEER_NOT_EDITABLE', '报名已经结束，不能加入团队')
      const data = {
        teamId: team.id,
        teamJoinedAt: ctx.at,
        ...(v.kind ? {} : { kind: TEAM_MEMBER_KIND[team.type] }),
        ...(v.serviceRegionCode ? {} : { serviceRegionCode: team.serviceRegionCode }),
      }
      if (!(await volunteers.updateIfStatus(tx, v.id, v.status, data))) throw new AppError('VOLUNTEER_STATUS_CONFLICT')
      await volunteers.insertEvent(tx, { volunteerId: v.id, at: ctx.at, actorUserId: ctx.actorUserId, actorRole: ctx.actorRole, type: 'team_joined' })
      await recordAudit(tx, ctx, { action: 'team.join', result: 'success', targetType: 'team', targetId: team.id, regionCode: team.serviceRegionCode })
      return { ...result, status: v.status }
    })
  }

  async function roster(actor: ScopedActor, teamId: string): Promise<TeamRoster> {
    assertCan(actor, 'team.roster')
    const team = await repo.findTeam(prisma, teamId)
    assertMayViewRoster(actor, team)
    const rows = await repo.members(prisma, team.id)
    const paired = await repo.pairingSince(prisma, rows.map((r) => r.id))
    return {
      team: { id: team.id, name: team.name, type: team.type },
      items: rows.map((m) => ({
        volunteerId: m.id,
        realName: m.realName,
        kind: m.kind,
        status: m.status,
        joinedAt: iso(m.teamJoinedAt),
        submittedAt: iso(m.submittedAt),
        approvedAt: m.status === 'approved' ? iso(m.statusChangedAt) : null,
        paired: paired ? paired.has(m.id) : null,
        pairedSince: iso(paired?.get(m.id) ?? null),
      })),
      counts: await countsOf(prisma, team.id),
    }
  }

  return { register, mine, join, roster }
}
