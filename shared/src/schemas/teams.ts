/**
 * Volunteer teams: a leader registers one and shares its join code; members join with the code
 * and sign up individually. The roster is an allow-list: a member's name, kind and status — never
 * an ID number or a phone (a test searches the roster JSON for them).
 */
import { z } from 'zod'
import { VOLUNTEER_STATUSES } from '../volunteers/options'
import { IdSchema, RegionCodeSchema, TextSchema } from './common'
import { statusCountsSchema, TeamTypeSchema, VolunteerKindSchema, VolunteerStatusSchema } from './volunteers'

/** Generated codes avoid look-alike characters; older printed codes (e.g. QNTX2026) may use any letter or digit. */
export const TEAM_CODE_PATTERN = /^[A-Z0-9]{8}$/
export const TeamCodeSchema = TextSchema.toUpperCase().regex(TEAM_CODE_PATTERN, { message: '团队加入码为8位字母或数字' })

export const RegisterTeamBodySchema = z
  .strictObject({
    name: TextSchema.min(2, { message: '请填写团队名称' }).max(40, { message: '最多40个字' }),
    type: TeamTypeSchema,
    /** 上级单位, e.g. 共青团融水苗族自治县委员会. */
    parentOrganisation: TextSchema.min(2, { message: '请填写上级单位或主管单位' }).max(60, { message: '最多60个字' }),
    serviceRegionCode: RegionCodeSchema,
  })
  .meta({ id: 'RegisterTeamBody' })
export type RegisterTeamBody = z.infer<typeof RegisterTeamBodySchema>

const StatusCountsSchema = statusCountsSchema(VOLUNTEER_STATUSES)

/** What the leader sees of their own team (the join code included, to share again). */
export const TeamSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    type: TeamTypeSchema,
    parentOrganisation: z.string().nullable(),
    serviceRegionCode: RegionCodeSchema,
    serviceRegionName: z.string(),
    joinCode: z.string(),
    /** Mini-program page a member opens from the share card. */
    sharePath: z.string(),
    createdAt: z.iso.datetime(),
    memberCounts: StatusCountsSchema,
  })
  .meta({ id: 'Team' })
export type Team = z.infer<typeof TeamSchema>

export const RegisteredTeamSchema = TeamSchema.extend({
  /** The new group_leader role; already active when the session had none, else switch to it. */
  roleAssignmentId: IdSchema,
}).meta({ id: 'RegisteredTeam' })

export const JoinTeamBodySchema = z.strictObject({ code: TeamCodeSchema }).meta({ id: 'JoinTeamBody' })
export const JoinedTeamSchema = z
  .object({
    team: z.object({ id: IdSchema, name: z.string(), type: TeamTypeSchema, parentOrganisation: z.string().nullable() }),
    volunteerId: IdSchema,
    status: VolunteerStatusSchema,
  })
  .meta({ id: 'JoinedTeam' })

export const TeamMemberSchema = z
  .object({
    volunteerId: IdSchema,
    realName: z.string().nullable(),
    kind: VolunteerKindSchema.nullable(),
    status: VolunteerStatusSchema,
    joinedAt: z.iso.datetime().nullable(),
    submittedAt: z.iso.datetime().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    /**
     * Whether the member is in an active or paused pairing, and since when (the earliest start
     * date) — never with which child (teams/repository.ts pairingSince). Null means unknown.
     */
    paired: z.boolean().nullable(),
    pairedSince: z.iso.datetime().nullable(),
  })
  .meta({ id: 'TeamMember' })

export const TeamRosterSchema = z
  .object({
    team: z.object({ id: IdSchema, name: z.string(), type: TeamTypeSchema }),
    items: z.array(TeamMemberSchema),
    counts: StatusCountsSchema,
  })
  .meta({ id: 'TeamRoster' })
export type TeamRoster = z.infer<typeof TeamRosterSchema>
