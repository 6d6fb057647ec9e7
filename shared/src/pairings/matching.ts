/**
 * How volunteers are ranked for a child (陈姐's suggestions): nearness in the region tree, the
 * child's needs against the volunteer's skills, interests, a contact mode that fits the distance,
 * and free capacity. Every point comes with the Chinese reason shown beside the suggestion.
 *
 * The server ranks thousands of volunteers in SQL with these same weights (pairings/candidates.ts)
 * and explains the top few with `explainMatch`; a test checks the two agree.
 */
import { regionPrefix } from '../regions'
import { SKILL_LABELS, SKILLS, type ContactMode, type Skill } from '../volunteers/options'

export const MATCH_WEIGHTS = {
  sameVillage: 40,
  sameTownship: 30,
  countyWide: 15,
  sameCounty: 10,
  /** Per need the volunteer's skills meet, at most `maxNeedMatches` of them. */
  need: 15,
  maxNeedMatches: 2,
  /** One shared interest (e.g. 画画 ↔ 艺术). */
  interest: 5,
  homeVisitNearby: 10,
  meetAtSchool: 6,
  phoneVideo: 4,
  /** Times the share of capacity still free (floored): an idle volunteer gets all of it. */
  freeCapacity: 10,
} as const

/**
 * Children's needs are the director's words. The skill labels are the usual words; the service
 * types of the plans (DOMAIN.md) are accepted as synonyms.
 */
const NEED_WORDS: Record<string, Skill> = {
  ...Object.fromEntries(SKILLS.map((s) => [SKILL_LABELS[s], s])),
  情感抚慰: 'companionship',
  精神陪伴: 'companionship',
  陪伴: 'companionship',
  心理健康引导: 'counselling',
  心理辅导: 'counselling',
  人身安全教育: 'safety_education',
  生活帮助: 'daily_care',
  学习辅导: 'study',
  作业辅导: 'study',
  阅读: 'reading',
  运动: 'sport_play',
  游戏: 'sport_play',
}

/** Interests that point at a skill a volunteer may share. */
const INTEREST_WORDS: Record<string, Skill> = {
  画画: 'arts', 唱歌: 'arts', 跳舞: 'arts', 手工: 'arts', 书法: 'arts', 音乐: 'arts',
  篮球: 'sport_play', 足球: 'sport_play', 跳绳: 'sport_play', 踢毽子: 'sport_play', 跑步: 'sport_play',
  看书: 'reading', 看故事书: 'reading', 读书: 'reading',
  下棋: 'study',
}

/** The same word lists for the matching SQL (server pairings/candidates.ts), which maps a child's words itself. */
export const NEED_WORD_SKILLS = Object.entries(NEED_WORDS)
export const INTEREST_WORD_SKILLS = Object.entries(INTEREST_WORDS)

const unique = <T>(xs: T[]) => [...new Set(xs)]
export const needSkills = (needs: readonly string[]): Skill[] => unique(needs.flatMap((n) => NEED_WORDS[n.trim()] ?? []))
export const interestSkills = (interests: readonly string[]): Skill[] => unique(interests.flatMap((n) => INTEREST_WORDS[n.trim()] ?? []))

export type Nearness = 'village' | 'township' | 'county_wide' | 'county'
export const NEARNESS_LABELS: Record<Nearness, string> = {
  village: '同村',
  township: '同一乡镇',
  county_wide: '服务范围覆盖全县',
  county: '同一县',
}

/** Where a volunteer's service area (county, township or village) lies from the child's village. */
export function nearness(childVillage: string, serviceRegion: string): Nearness {
  if (serviceRegion === childVillage) return 'village'
  if (serviceRegion.startsWith(childVillage.slice(0, 9))) return 'township'
  if (regionPrefix(serviceRegion).length <= 6) return 'county_wide'
  return 'county'
}

export interface MatchChild {
  villageCode: string
  needs: readonly string[]
  interests: readonly string[]
}
export interface MatchVolunteer {
  serviceRegionCode: string
  skills: readonly string[]
  contactModes: readonly string[]
  capacity: number
  livePairings: number
}

const NEAR_POINTS: Record<Nearness, number> = {
  village: MATCH_WEIGHTS.sameVillage,
  township: MATCH_WEIGHTS.sameTownship,
  county_wide: MATCH_WEIGHTS.countyWide,
  county: MATCH_WEIGHTS.sameCounty,
}

export function explainMatch(child: MatchChild, v: MatchVolunteer): { score: number; reasons: string[] } {
  const near = nearness(child.villageCode, v.serviceRegionCode)
  const reasons: string[] = [NEARNESS_LABELS[near]]
  let score = NEAR_POINTS[near]

  const met = needSkills(child.needs).filter((s) => v.skills.includes(s)).slice(0, MATCH_WEIGHTS.maxNeedMatches)
  score += met.length * MATCH_WEIGHTS.need
  for (const s of met) reasons.push(`擅长${SKILL_LABELS[s]}，正是孩子需要的`)

  const shared = interestSkills(child.interests).find((s) => v.skills.includes(s))
  if (shared) {
    score += MATCH_WEIGHTS.interest
    reasons.push(`与孩子兴趣相投（${SKILL_LABELS[shared]}）`)
  }

  const modes = v.contactModes as readonly ContactMode[]
  const nearby = near === 'village' || near === 'township'
  if (nearby && modes.includes('home_visit')) {
    score += MATCH_WEIGHTS.homeVisitNearby
    reasons.push('住得近，可以上门家访')
  } else if (modes.includes('school_or_children_home')) {
    score += MATCH_WEIGHTS.meetAtSchool
    reasons.push('可在学校或儿童之家见面')
  } else if (modes.includes('phone_video')) {
    score += MATCH_WEIGHTS.phoneVideo
    reasons.push('可以电话或视频联系')
  }

  const free = Math.max(0, v.capacity - v.livePairings)
  score += Math.floor((MATCH_WEIGHTS.freeCapacity * free) / Math.max(1, v.capacity))
  reasons.push(v.livePairings === 0 ? '目前还没有结对儿童' : `还可以再结对${free}名儿童`)
  return { score, reasons }
}
