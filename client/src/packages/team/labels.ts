import type { TeamType } from '@qstx/shared'

/** Short names for the team-type chips (the shared labels carry examples, too long for a chip). */
export const TEAM_TYPE_SHORT: Record<TeamType, string> = {
  youth_league: '共青团志愿服务队',
  womens_federation: '巾帼志愿服务队',
  social_organisation: '社会组织志愿服务队',
  workplace: '单位志愿服务队',
}
