/**
 * The demo county and the people in it. Names are illustrative (JOURNEYS.md), never real people.
 * A persona's key is also its desk username, which is how dev login finds it.
 */
import type { AvailabilitySlot, ContactMode, Role, Skill } from '@qstx/shared'

/** Desk sign-in password of every demo staff persona (demo only; never in production). */
export const DEMO_PASSWORD = 'qstx-demo-2026'

export const DEMO_PROVINCES = ['45', '14'] // 广西, 山西
export const DEMO_COUNTY = '450225000000' // 广西柳州市融水苗族自治县
export const DEMO_TOWNSHIPS = ['450225101000', '450225102000'] // 和睦镇, 三防镇
export const DEMO_VILLAGES = ['450225101201', '450225101202', '450225102201', '450225102202'] // 古顶村, 安塘村, 洞马村, 本洞村

export type VolunteerKindKey = 'love_mother' | 'youth' | 'proxy_parent' | 'workplace' | 'social_organisation' | 'individual'

export interface PersonaSpec {
  key: string
  name: string
  role: Role
  regionCode: string
  description: string
  volunteer?: {
    kind: VolunteerKindKey; gender: 'male' | 'female'; skills: Skill[]; capacity: number; workUnit: string; inTeam?: boolean
    availability: AvailabilitySlot[]; contactModes: ContactMode[]
  }
}

export const PERSONAS: PersonaSpec[] = [
  { key: 'demo.admin', name: '韦建华', role: 'admin', regionCode: '450000000000', description: '自治区系统管理员' },
  { key: 'demo.civil', name: '覃志强', role: 'civil_affairs', regionCode: DEMO_COUNTY, description: '融水县民政局，管理全县儿童档案和审计' },
  { key: 'demo.coordinator', name: '陈丽', role: 'coordinator', regionCode: DEMO_COUNTY, description: '县妇联协调员“陈姐”，审核志愿者、审批结对' },
  { key: 'demo.coordinator.hemu', name: '梁小燕', role: 'coordinator', regionCode: DEMO_TOWNSHIPS[0]!, description: '和睦镇妇联协调员' },
  { key: 'demo.supervisor.hemu', name: '赵明', role: 'supervisor', regionCode: DEMO_TOWNSHIPS[0]!, description: '和睦镇儿童督导员“赵督导”' },
  { key: 'demo.supervisor.sanfang', name: '蒙海波', role: 'supervisor', regionCode: DEMO_TOWNSHIPS[1]!, description: '三防镇儿童督导员' },
  { key: 'demo.director.guding', name: '李芳', role: 'child_director', regionCode: DEMO_VILLAGES[0]!, description: '古顶村儿童主任“李主任”' },
  { key: 'demo.director.anting', name: '吴桂兰', role: 'child_director', regionCode: DEMO_VILLAGES[1]!, description: '安塘村儿童主任' },
  { key: 'demo.director.dongma', name: '贾红梅', role: 'child_director', regionCode: DEMO_VILLAGES[2]!, description: '洞马村儿童主任' },
  { key: 'demo.director.bendong', name: '石玉珍', role: 'child_director', regionCode: DEMO_VILLAGES[3]!, description: '本洞村儿童主任' },
  {
    key: 'demo.volunteer.wang', name: '王秀兰', role: 'volunteer', regionCode: DEMO_TOWNSHIPS[0]!, description: '爱心妈妈“王阿姨”，已通过审核',
    volunteer: { kind: 'love_mother', gender: 'female', skills: ['reading', 'daily_care'], capacity: 2, workUnit: '和睦镇妇联巾帼志愿服务队',
      availability: ['weekends', 'holidays'], contactModes: ['home_visit', 'phone_video'] },
  },
  {
    key: 'demo.volunteer.youth', name: '黄思远', role: 'volunteer', regionCode: DEMO_COUNTY, description: '青年志愿者（情暖童心团队成员）',
    volunteer: { kind: 'youth', gender: 'male', skills: ['study', 'sport_play'], capacity: 2, workUnit: '融水县第二中学', inTeam: true,
      availability: ['weekends', 'evenings'], contactModes: ['school_or_children_home', 'group_activity', 'phone_video'] },
  },
  {
    key: 'demo.volunteer.proxy', name: '潘美玲', role: 'volunteer', regionCode: DEMO_TOWNSHIPS[1]!, description: '代理家长',
    volunteer: { kind: 'proxy_parent', gender: 'female', skills: ['daily_care', 'counselling'], capacity: 3, workUnit: '三防镇中心小学',
      availability: ['weekdays', 'weekends'], contactModes: ['home_visit', 'school_or_children_home'] },
  },
  {
    key: 'demo.volunteer.workplace', name: '杨光', role: 'volunteer', regionCode: DEMO_COUNTY, description: '单位志愿者',
    volunteer: { kind: 'workplace', gender: 'male', skills: ['health'], capacity: 1, workUnit: '融水县人民医院',
      availability: ['holidays'], contactModes: ['phone_video', 'group_activity'] },
  },
  {
    key: 'demo.volunteer.social', name: '莫晓红', role: 'volunteer', regionCode: DEMO_COUNTY, description: '社会组织志愿者',
    volunteer: { kind: 'social_organisation', gender: 'female', skills: ['arts', 'reading'], capacity: 2, workUnit: '融水益心社会工作服务中心',
      availability: ['weekdays', 'weekends'], contactModes: ['school_or_children_home', 'group_activity'] },
  },
  {
    key: 'demo.volunteer.individual', name: '韦德福', role: 'volunteer', regionCode: DEMO_TOWNSHIPS[0]!, description: '个人志愿者',
    volunteer: { kind: 'individual', gender: 'male', skills: ['law', 'study'], capacity: 1, workUnit: '退休教师',
      availability: ['weekdays'], contactModes: ['home_visit', 'letter'] },
  },
  { key: 'demo.leader', name: '张伟', role: 'group_leader', regionCode: DEMO_COUNTY, description: '团县委“情暖童心”志愿服务队队长“小张”' },
]

export const DEMO_TEAM = { name: '团县委“情暖童心”志愿服务队', type: 'youth_league' as const, parentOrganisation: '共青团融水苗族自治县委员会', joinCode: 'QNTX2026' }
