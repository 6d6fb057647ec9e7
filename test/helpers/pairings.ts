/**
 * Pairing fixtures for API tests: approved volunteers who can sign in (WeChat, the volunteer role
 * active), pairings taken through the real steps, and — for the authorization matrix — pairing
 * rows straight in the database in any state.
 */
import type { ContactMode, PairingState, Skill } from '@qstx/shared'
import { activateWhereRoleless, grantRole } from '../../server/src/lib/role-grants'
import type { TestContext } from './build-app'
import { bearer, tokenFor } from './personas'
import { volunteerRow, wechatUser } from './volunteers'

export const VILLAGE = '450225101201' // 古顶村
export const SIBLING = '450225101202' // 安塘村, same township
export const TOWNSHIP = '450225101000' // 和睦镇
export const SANFANG = '450225102000' // 三防镇
export const COUNTY = '450225000000' // 融水县
export const OTHER_COUNTY = '450226000000'

export interface VolunteerOptions {
  regionCode?: string
  skills?: Skill[]
  contactModes?: ContactMode[]
  capacity?: number
  teamId?: string
  status?: 'approved' | 'submitted'
}

/** An approved volunteer signed in through WeChat with the volunteer role active. */
export async function pairableVolunteer(t: TestContext, o: VolunteerOptions = {}) {
  const person = await wechatUser(t)
  const regionCode = o.regionCode ?? TOWNSHIP
  const v = await volunteerRow(t, { userId: person.userId, status: o.status ?? 'approved', regionCode, checksDone: true, ...(o.teamId ? { teamId: o.teamId } : {}) })
  await t.prisma.volunteer.update({
    where: { id: v.id },
    data: { skills: o.skills ?? ['reading'], contactModes: o.contactModes ?? ['home_visit'], capacity: o.capacity ?? 2 },
  })
  if ((o.status ?? 'approved') === 'approved') {
    const role = await grantRole(t.prisma, { userId: person.userId, role: 'volunteer', regionCode })
    await activateWhereRoleless(t.prisma, person.userId, role.id)
  }
  return { ...person, volunteerId: v.id }
}

export function call(t: TestContext, token: string) {
  return (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : method === 'POST' ? { payload: {} } : {}) })
}

/** Takes a new pairing through the real steps up to `upTo` (a county coordinator, the village's director). */
export async function pairThrough(t: TestContext, childId: string, volunteerId: string, upTo: 'proposed' | 'acknowledged' | 'active' = 'active', villageCode = VILLAGE) {
  const coordinator = call(t, await tokenFor(t.app, { role: 'coordinator', regionCode: COUNTY }))
  const director = call(t, await tokenFor(t.app, { role: 'child_director', regionCode: villageCode }))
  const proposed = await coordinator('POST', '/api/pairings', { childId, volunteerId })
  if (proposed.statusCode !== 201) throw new Error(`propose failed (${proposed.statusCode}): ${proposed.body}`)
  const id = proposed.json().id as string
  if (upTo === 'proposed') return id
  const ack = await director('POST', `/api/pairings/${id}/acknowledge`, { note: '已上门征得奶奶同意' })
  if (ack.statusCode !== 200) throw new Error(`acknowledge failed (${ack.statusCode}): ${ack.body}`)
  if (upTo === 'acknowledged') return id
  const approved = await coordinator('POST', `/api/pairings/${id}/approve`, { startDate: '2026-03-02' })
  if (approved.statusCode !== 200) throw new Error(`approve failed (${approved.statusCode}): ${approved.body}`)
  return id
}

let n = 0
/** A child with consent on file in `villageCode`, straight in the database (matrix speed). */
export async function consentedChildRow(t: TestContext, villageCode = VILLAGE) {
  n++
  return t.prisma.child.create({
    data: {
      villageCode, name: `结对童${n}`, displayName: `小童${n}`, gender: 'female', birthDate: new Date('2016-04-01T00:00:00Z'), categories: ['left_behind'],
      needs: ['阅读指导'], interests: ['画画'], consentGivenBy: '梁秀英', consentRelation: 'mother', consentDate: new Date('2026-01-10T00:00:00Z'), consentMethod: 'written',
    },
    select: { id: true, villageCode: true },
  })
}

/**
 * A pairing in `state` for a new child of `villageCode` and a new approved volunteer of the
 * township, written as its ledger would be (the proposal event, the projection row).
 */
export async function pairingRow(t: TestContext, state: PairingState, villageCode = VILLAGE, volunteer?: { volunteerId: string }) {
  const child = await consentedChildRow(t, villageCode)
  const volunteerId = volunteer?.volunteerId ?? (await volunteerRow(t, { status: 'approved', regionCode: villageCode.slice(0, 9) + '000', checksDone: true })).id
  const at = t.clock.now()
  const started = state !== 'proposed' && state !== 'acknowledged' && state !== 'declined'
  const p = await t.prisma.pairing.create({
    data: {
      childId: child.id, volunteerId, villageCode, state, proposedAt: at, stateChangedAt: at,
      ...(started ? { approvedAt: at, startDate: new Date('2026-03-01T00:00:00Z') } : {}),
      ...(state === 'paused' ? { pausedAt: at, pauseReason: '家中有事', expectedResumeDate: new Date('2026-04-01T00:00:00Z') } : {}),
    },
  })
  await t.prisma.pairingEvent.create({ data: { pairingId: p.id, type: 'proposed', at, toState: 'proposed' } })
  return { id: p.id, childId: child.id, volunteerId }
}

/** A staff member who signed in with WeChat (so a subscribe message can reach them), the role active. */
export async function wechatStaff(t: TestContext, role: 'child_director' | 'coordinator', regionCode: string) {
  const person = await wechatUser(t)
  const assignment = await grantRole(t.prisma, { userId: person.userId, role, regionCode })
  await activateWhereRoleless(t.prisma, person.userId, assignment.id)
  return person
}

/** For the authorization matrix: makes the signed-in caller (whatever their role) the approved volunteer actively paired with this child. */
export async function pairWithCaller(t: TestContext, token: string, childId: string) {
  const { userId } = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json()
  const v = await volunteerRow(t, { userId, status: 'approved', regionCode: TOWNSHIP, checksDone: true })
  const at = t.clock.now()
  const child = await t.prisma.child.findUniqueOrThrow({ where: { id: childId }, select: { villageCode: true } })
  const p = await t.prisma.pairing.create({ data: { childId, volunteerId: v.id, villageCode: child.villageCode, state: 'active', proposedAt: at, approvedAt: at, startDate: new Date('2026-03-01T00:00:00Z'), stateChangedAt: at } })
  await t.prisma.pairingEvent.createMany({ data: [{ pairingId: p.id, type: 'proposed', at, toState: 'proposed' }, { pairingId: p.id, type: 'approved', at, fromState: 'acknowledged', toState: 'active', startDate: new Date('2026-03-01T00:00:00Z') }] })
}
