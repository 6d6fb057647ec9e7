/**
 * People and pairings for tests that run the server as processes (no app object in the test):
 * written straight into the database, then signed in through a process like a phone would.
 */
import { randomUUID } from 'node:crypto'
import type { Role } from '@qstx/shared'
import type { Db } from '../../server/src/db/prisma'
import { deriveOpenid, type FakeWechat } from '../../server/src/wechat/fake-server'

/** A user known to WeChat by `deviceId` (so subscribe messages and content checks know them), holding `role`. */
export async function wechatUser(prisma: Db, appid: string, deviceId: string, role: Role, regionCode: string) {
  const openid = deriveOpenid(appid, deviceId)
  const user = await prisma.user.create({ data: { displayName: deviceId, openid } })
  await prisma.roleAssignment.create({ data: { userId: user.id, role, regionCode } })
  return { openid, userId: user.id }
}

/** An approved volunteer record for `userId` with an active pairing (30 days old) to a new child of `village`. */
export async function activePairing(prisma: Db, userId: string, village: string, name = '志愿者'): Promise<string> {
  const v = await prisma.volunteer.create({ data: { userId, realName: name, status: 'approved', serviceRegionCode: `${village.slice(0, 9)}000` } })
  const child = await prisma.child.create({
    data: { villageCode: village, name: `${name}结对儿童`, displayName: '小花', gender: 'female', birthDate: new Date('2016-04-01T00:00:00Z'), categories: ['left_behind'] },
  })
  const at = new Date(Date.now() - 30 * 86_400_000)
  const p = await prisma.pairing.create({ data: { childId: child.id, volunteerId: v.id, villageCode: village, state: 'active', proposedAt: at, approvedAt: at, startDate: at, stateChangedAt: at } })
  return p.id
}

/** Signs in through `base` as the mini-program does (wx.login → POST /api/auth/wechat); answers the token. */
export async function signInWithWechat(base: string, fake: FakeWechat, deviceId: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/wechat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: fake.mintLoginCode({ deviceId }).code }) })
  if (res.status !== 200) throw new Error(`WeChat sign-in through ${base} answered ${res.status}`)
  return ((await res.json()) as { token: string }).token
}

/** `n` volunteers, each with an active pairing in `village`, signed in with WeChat through `base`. */
export async function pairedVolunteers(prisma: Db, fake: FakeWechat, o: { appid: string; base: string; village: string; n: number; prefix: string }) {
  const out: Array<{ token: string; pairingId: string }> = []
  for (let i = 0; i < o.n; i++) {
    const deviceId = `${o.prefix}-volunteer-${i}`
    const { userId } = await wechatUser(prisma, o.appid, deviceId, 'volunteer', `${o.village.slice(0, 9)}000`)
    const pairingId = await activePairing(prisma, userId, o.village, `志愿者${i}`)
    out.push({ token: await signInWithWechat(o.base, fake, deviceId), pairingId })
  }
  return out
}

export interface Answer {
  status: number
  retryAfter: string | null
  body: Record<string, any> | null // `any`: each test reads the fields of the reply it expects
}

/** POSTs JSON as a phone would; a connection refused or cut is status 0 — no answer, as the phone sees it. */
export async function postJson(url: string, body: object, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) })
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json().catch(() => null)) as Answer['body'] }
  } catch {
    return { status: 0, retryAfter: null, body: null }
  }
}

/**
 * `n` check-ins spread over `people`, each with its Idempotency-Key and a distinct visit (its own
 * start minute), so "none stored twice" is visible in the data too.
 */
export function checkinStream(people: Array<{ token: string; pairingId: string }>, n: number) {
  const now = Date.now()
  return Array.from({ length: n }, (_, i) => {
    const who = people[i % people.length]!
    return {
      key: randomUUID(), token: who.token,
      body: { pairingId: who.pairingId, startedAt: new Date(now - (3 * 60 + i) * 60_000).toISOString(), durationMinutes: 60, contactMode: 'home_visit', serviceTypes: ['reading'], summary: `第${i}次走访：一起读书` },
    }
  })
}
