/** Volunteer fixtures for API tests: WeChat users, valid ID numbers, complete sign-ups. */
import { randomBytes } from 'node:crypto'
import { ACCEPTANCE_VERSIONS, idNumberCheckChar, type VolunteerStatus } from '@qstx/shared'
import type { TestContext } from './build-app'
import { bearer, nextClientAddress } from './personas'

let seq = 0
/** A checksum-valid ID number: distinct on every call (the sequence digits count up). */
export function idNumber(birth = '19800101', sex: 'male' | 'female' = 'female', region6 = '450225'): string {
  const n = 2 * (seq++ % 500) + (sex === 'male' ? 1 : 0)
  const first17 = `${region6}${birth}${String(n).padStart(3, '0')}`
  return first17 + idNumberCheckChar(first17)
}

let phoneSeq = 0
export const mobile = () => `139${String(10_000_000 + ++phoneSeq).slice(-8)}`

let device = 0
/** A person signed in with WeChat, without any role. */
export async function wechatUser(t: TestContext, deviceId = `vol-device-${++device}`) {
  const { code } = t.fakeWechat.mintLoginCode({ deviceId })
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code }, remoteAddress: nextClientAddress() })
  const token = res.json().token as string
  const { userId } = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json()
  const user = await t.prisma.user.findUniqueOrThrow({ where: { id: userId } })
  return { userId: userId as string, openid: user.openid!, token }
}

export const acceptAll = { ...ACCEPTANCE_VERSIONS }

/** Every field a sign-up needs (a female adult's ID number, a township of the demo county). */
export function fullForm(overrides: Record<string, unknown> = {}) {
  return {
    realName: '王秀兰',
    phone: mobile(),
    idNumber: idNumber('19740312', 'female'),
    gender: 'female',
    kind: 'love_mother',
    workUnit: '和睦镇妇联',
    serviceRegionCode: '450225101000',
    skills: ['reading', 'daily_care'],
    availability: ['weekends', 'holidays'],
    availabilityNote: '周六上午方便',
    contactModes: ['home_visit', 'phone_video'],
    capacity: 2,
    acceptances: acceptAll,
    ...overrides,
  }
}

export function api(t: TestContext, token: string | undefined) {
  return (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: token ? bearer(token) : {}, remoteAddress: nextClientAddress(), ...(payload ? { payload } : {}) })
}

/** A signed-in person with a submitted application; returns the person and the volunteer id. */
export async function submittedVolunteer(t: TestContext, overrides: Record<string, unknown> = {}) {
  const person = await wechatUser(t)
  const call = api(t, person.token)
  const draft = await call('PUT', '/api/volunteers/me/draft', fullForm(overrides))
  if (draft.statusCode !== 200) throw new Error(`draft failed: ${draft.body}`)
  const submitted = await call('POST', '/api/volunteers/me/submit')
  if (submitted.statusCode !== 200) throw new Error(`submit failed: ${submitted.body}`)
  return { ...person, volunteerId: submitted.json().id as string }
}

/**
 * A volunteer row straight in the database, for authorization tests that need an application in a
 * given region and status without going through the sign-up.
 */
export async function volunteerRow(
  t: TestContext,
  opts: { userId?: string; status: VolunteerStatus; regionCode: string; checksDone?: boolean; teamId?: string },
) {
  const userId = opts.userId ?? (await t.prisma.user.create({ data: { displayName: '志愿者' } })).id
  const id = idNumber()
  const now = t.clock.now()
  const day = new Date('2026-01-05T00:00:00Z')
  const data = {
    realName: '测试志愿者', gender: 'female' as const, kind: 'individual' as const, status: opts.status, serviceRegionCode: opts.regionCode,
    phoneEnc: t.keyring.encrypt(mobile()), idNumberEnc: t.keyring.encrypt(id),
    // A random index: rows made here never collide with each other or with real sign-ups.
    idNumberIndex: randomBytes(32).toString('hex'), idNumberLast4: id.slice(-4),
    skills: ['reading'], availability: ['weekends'], contactModes: ['home_visit'], capacity: 1,
    submittedAt: opts.status === 'draft' ? null : now, statusChangedAt: now, teamId: opts.teamId ?? null, teamJoinedAt: opts.teamId ? now : null,
    ...(opts.checksDone
      ? { identityVerified: true, identityVerifiedOn: day, criminalRecordResult: 'clear' as const, criminalRecordCheckedOn: day, trainingCompletedOn: day, trainingCourse: '岗前培训' }
      : {}),
  }
  const v = await t.prisma.volunteer.upsert({ where: { userId }, create: { userId, ...data }, update: data })
  await t.prisma.volunteerAcceptance.createMany({
    data: Object.entries(ACCEPTANCE_VERSIONS).map(([document, version]) => ({ volunteerId: v.id, document: document as 'privacy', version, acceptedAt: now })),
    skipDuplicates: true,
  })
  return v
}

/**
 * For the authorization matrix: puts the caller's own application (complete, in the service area
 * of township 450225101000) into the given status, whatever earlier cases left behind.
 */
export async function ownApplication(ctx: { t: TestContext; token?: string | undefined }, status: VolunteerStatus) {
  if (!ctx.token) return
  const { userId } = (await ctx.t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(ctx.token) })).json()
  await volunteerRow(ctx.t, { userId, status, regionCode: '450225101000' })
}

/** For the authorization matrix: a team in `regionCode` led by somebody else, with one member. */
export async function teamAt(t: TestContext, regionCode: string) {
  const leader = await t.prisma.user.create({ data: { displayName: '队长' } })
  const team = await t.prisma.team.create({
    data: { name: '测试团队', type: 'youth_league', serviceRegionCode: regionCode, joinCode: randomBytes(4).toString('hex').toUpperCase(), leaderUserId: leader.id },
  })
  await volunteerRow(t, { status: 'submitted', regionCode, teamId: team.id })
  return team
}
