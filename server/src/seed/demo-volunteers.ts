/**
 * The demo's volunteers beyond the personas' basics: each approved persona gets what a real
 * approval leaves behind (the three acceptances, the coordinator's recorded checks, availability,
 * contact modes, a history of submission and approval), and a few applicants wait in 陈姐's vetting
 * queue — one of them in the youth-league team, so 小张's roster shows more than one status.
 * Deterministic (no faker): fixed names, ID numbers in the 9xx sequence range that is never issued.
 */
import { ACCEPTANCE_VERSIONS, idNumberCheckChar, type AcceptanceDocument, type AvailabilitySlot, type ContactMode, type Skill, type VolunteerKind } from '@qstx/shared'
import type { Tx } from '../db/prisma'
import type { Keyring } from '../lib/crypto'
import type { PersonaSpec } from './personas'

const DAY = 86_400_000
const ago = (days: number) => new Date(Date.now() - days * DAY)
const dateOnly = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`)
const TRAINING = '牵手童行爱心家长岗前培训（县妇联）'

/** Columns an approved persona's application has, on top of demo.ts's basics. */
export function approvedDetails(v: NonNullable<PersonaSpec['volunteer']>, inTeam: boolean) {
  return {
    availability: v.availability,
    contactModes: v.contactModes,
    availabilityNote: v.availability.includes('weekends') ? '周末上午比较方便' : null,
    submittedAt: ago(60),
    statusChangedAt: ago(45),
    teamJoinedAt: inTeam ? ago(62) : null,
    identityVerified: true,
    identityVerifiedOn: dateOnly(ago(55)),
    criminalRecordResult: 'clear' as const,
    criminalRecordCheckedOn: dateOnly(ago(50)),
    trainingCompletedOn: dateOnly(ago(47)),
    trainingCourse: TRAINING,
    interviewNote: '面谈：有照顾孩子的经验，沟通耐心。',
  }
}

async function accept(tx: Tx, volunteerId: string, at: Date) {
  await tx.volunteerAcceptance.createMany({
    data: (Object.entries(ACCEPTANCE_VERSIONS) as Array<[AcceptanceDocument, string]>).map(([document, version]) => ({ volunteerId, document, version, acceptedAt: at })),
  })
}

async function coordinatorId(tx: Tx): Promise<string | null> {
  return (await tx.user.findUnique({ where: { username: 'demo.coordinator' }, select: { id: true } }))?.id ?? null
}

/** The acceptances and history of an approved persona: submitted, checked and approved by 陈姐. */
export async function recordApproval(tx: Tx, volunteerId: string) {
  const actorUserId = await coordinatorId(tx)
  await accept(tx, volunteerId, ago(60))
  const by = { volunteerId, actorUserId, actorRole: 'coordinator' as const }
  await tx.volunteerEvent.createMany({
    data: [
      { volunteerId, at: ago(60), type: 'submit', fromStatus: 'draft', toStatus: 'submitted' },
      { ...by, at: ago(47), type: 'checks', checks: { identityVerified: true, criminalRecordResult: 'clear', trainingCourse: TRAINING } },
      { ...by, at: ago(45), type: 'approve', fromStatus: 'submitted', toStatus: 'approved', reason: '身份、入职查询和培训均已完成，欢迎加入！' },
    ],
  })
}

interface Applicant {
  key: string
  name: string
  gender: 'male' | 'female'
  birth: string
  kind: VolunteerKind
  workUnit: string
  region: string
  skills: Skill[]
  availability: AvailabilitySlot[]
  contactModes: ContactMode[]
  inTeam: boolean
  status: 'draft' | 'submitted' | 'info_requested'
  daysAgo: number
  identityVerified?: boolean
  reason?: string
}

const APPLICANTS: Applicant[] = [
  {
    key: 'demo.applicant.qin', name: '覃秀梅', gender: 'female', birth: '19760418', kind: 'love_mother', workUnit: '和睦镇古顶村妇女小组', region: '450225101000',
    skills: ['daily_care', 'companionship'], availability: ['weekends'], contactModes: ['home_visit'], inTeam: false, status: 'submitted', daysAgo: 6, identityVerified: true,
  },
  {
    key: 'demo.applicant.youth', name: '龙嘉怡', gender: 'female', birth: '20010923', kind: 'youth', workUnit: '融水县第二中学', region: '450225000000',
    skills: ['study', 'reading'], availability: ['weekends', 'holidays'], contactModes: ['school_or_children_home', 'phone_video'], inTeam: true, status: 'submitted', daysAgo: 3,
  },
  {
    key: 'demo.applicant.info', name: '石春花', gender: 'female', birth: '19830211', kind: 'proxy_parent', workUnit: '三防镇', region: '450225102000',
    skills: ['daily_care'], availability: ['weekdays'], contactModes: ['home_visit', 'letter'], inTeam: false, status: 'info_requested', daysAgo: 9,
    reason: '请补充工作单位的全称，并写明每周什么时候方便探访。',
  },
  {
    key: 'demo.applicant.draft', name: '梁晓东', gender: 'male', birth: '19990605', kind: 'youth', workUnit: '融水县团委', region: '450225000000',
    skills: ['sport_play'], availability: ['evenings'], contactModes: ['group_activity'], inTeam: true, status: 'draft', daysAgo: 1,
  },
]

/**
 * Applicants waiting for vetting. Each has a username so a tester can sign in as them
 * (`{"persona":"demo.applicant.info"}` on /api/dev/login); without a role they are not listed.
 */
export async function seedVettingQueue(tx: Tx, keyring: Keyring, teamId: string) {
  const actorUserId = await coordinatorId(tx)
  for (const [i, a] of APPLICANTS.entries()) {
    const first17 = `450225${a.birth}${95 + i}${a.gender === 'male' ? 1 : 2}`
    const idNumber = first17 + idNumberCheckChar(first17)
    const user = await tx.user.create({ data: { displayName: a.name, username: a.key } })
    const submitted = a.status !== 'draft'
    const v = await tx.volunteer.create({
      data: {
        userId: user.id, realName: a.name, gender: a.gender, kind: a.kind, status: a.status, workUnit: a.workUnit, serviceRegionCode: a.region,
        phoneEnc: keyring.encrypt(`1397710${String(1000 + i).padStart(4, '0')}`),
        idNumberEnc: keyring.encrypt(idNumber), idNumberIndex: keyring.blindIndex(idNumber), idNumberLast4: idNumber.slice(-4),
        skills: a.skills, availability: a.availability, contactModes: a.contactModes, capacity: 1,
        teamId: a.inTeam ? teamId : null, teamJoinedAt: a.inTeam ? ago(a.daysAgo + 1) : null,
        submittedAt: submitted ? ago(a.daysAgo) : null, statusChangedAt: ago(a.status === 'info_requested' ? 2 : a.daysAgo),
        ...(a.identityVerified ? { identityVerified: true, identityVerifiedOn: dateOnly(ago(2)), criminalRecordResult: 'pending' as const } : {}),
      },
    })
    if (!submitted) continue
    await accept(tx, v.id, ago(a.daysAgo))
    await tx.volunteerEvent.create({ data: { volunteerId: v.id, at: ago(a.daysAgo), type: 'submit', fromStatus: 'draft', toStatus: 'submitted' } })
    if (a.reason) {
      await tx.volunteerEvent.create({
        data: { volunteerId: v.id, at: ago(2), actorUserId, actorRole: 'coordinator', type: 'request_info', fromStatus: 'submitted', toStatus: 'info_requested', reason: a.reason },
      })
    }
  }
  return APPLICANTS.length
}
