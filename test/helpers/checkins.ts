/**
 * Check-in fixtures for API tests: an active pairing whose volunteer signed in with WeChat (so the
 * content check runs against a known openid), a valid check-in body, and the calls — POST with a
 * fresh Idempotency-Key unless one is given, and the director's decisions.
 */
import { randomUUID } from 'node:crypto'
import type { TestContext } from './build-app'
import { consentedChildRow, pairableVolunteer, VILLAGE } from './pairings'
import { bearer, nextClientAddress, tokenFor } from './personas'

/**
 * An active pairing from `startDate` for a new child of `villageCode` and a new approved volunteer
 * (WeChat sign-in, volunteer role active), written as its ledger would be.
 */
export async function activePairing(t: TestContext, o: { startDate?: string; villageCode?: string } = {}) {
  const villageCode = o.villageCode ?? VILLAGE
  const v = await pairableVolunteer(t, { regionCode: `${villageCode.slice(0, 9)}000` })
  const child = await consentedChildRow(t, villageCode)
  const at = t.clock.now()
  const startDate = new Date(`${o.startDate ?? '2026-03-01'}T00:00:00Z`)
  const p = await t.prisma.pairing.create({
    data: { childId: child.id, volunteerId: v.volunteerId, villageCode, state: 'active', proposedAt: at, approvedAt: at, startDate, stateChangedAt: at },
  })
  await t.prisma.pairingEvent.createMany({
    data: [
      { pairingId: p.id, type: 'proposed', at, toState: 'proposed' },
      { pairingId: p.id, type: 'approved', at, fromState: 'acknowledged', toState: 'active', startDate },
    ],
  })
  return { pairingId: p.id, childId: child.id, volunteer: v }
}

/** A valid check-in: a 90-minute home visit (阅读指导 + 精神陪伴) that started `hoursAgo` before the clock. */
export function checkinBody(t: TestContext, pairingId: string, overrides: Record<string, unknown> = {}, hoursAgo = 3) {
  return {
    pairingId,
    startedAt: new Date(t.clock.now().getTime() - hoursAgo * 3_600_000).toISOString(),
    durationMinutes: 90,
    contactMode: 'home_visit',
    serviceTypes: ['reading', 'companionship'],
    summary: '陪孩子读了两本绘本，一起画了画',
    childMood: '开心，话比上次多',
    ...overrides,
  }
}

export function postCheckin(t: TestContext, token: string, body: object, key: string | null = randomUUID()) {
  return t.app.inject({ method: 'POST', url: '/api/checkins', headers: { ...bearer(token), ...(key ? { 'idempotency-key': key } : {}) }, payload: body })
}

/** Records a check-in and answers its id (fails the test on anything but 201). */
export async function recordCheckin(t: TestContext, token: string, body: object) {
  const res = await postCheckin(t, token, body)
  if (res.statusCode !== 201) throw new Error(`check-in failed (${res.statusCode}): ${res.body}`)
  return res.json().id as string
}

export async function directorOf(t: TestContext, villageCode = VILLAGE) {
  return tokenFor(t.app, { role: 'child_director', regionCode: villageCode })
}

export function decide(t: TestContext, token: string, id: string, kind: 'confirm' | 'dispute', payload: object = kind === 'dispute' ? { reason: '家长说这天没有人来过' } : {}) {
  return t.app.inject({ method: 'POST', url: `/api/checkins/${id}/${kind}`, headers: bearer(token), payload })
}

export const get = (t: TestContext, token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) })

/** A new session for a WeChat user (after the clock jumped past the idle timeout). */
export async function signInAgain(t: TestContext, openid: string) {
  const { code } = t.fakeWechat.mintLoginCode({ openid })
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code }, remoteAddress: nextClientAddress() })
  if (res.statusCode !== 200) throw new Error(`sign-in failed (${res.statusCode}): ${res.body}`)
  return res.json().token as string
}
