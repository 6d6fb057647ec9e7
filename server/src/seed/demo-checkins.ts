/**
 * The demo's check-ins (issue #8), all on 王阿姨's pairing with her 古顶村 child (demo-pairings.ts):
 * two visits 李主任 confirmed — so her record page shows platform-recorded hours and points and the
 * pairing is on track — and last Saturday-ish's home visit still waiting in 李主任's queue. She has
 * opted in to the honour board as 王阿姨 (not her full name). Run after seedPairings.
 */
import { pointsFor } from '@qstx/shared'
import type { Tx } from '../db/prisma'
import { recordConfirmedContact } from '../modules/pairings/contact'

const DAY = 86_400_000
/** 10:00 in China, `days` ago. */
const morning = (days: number) => {
  const d = new Date(Date.now() - days * DAY)
  return new Date(`${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}T02:00:00Z`)
}

const VISITS = [
  { daysAgo: 26, decidedDaysAgo: 24, durationMinutes: 90, contactMode: 'home_visit', serviceTypes: ['reading', 'companionship'], summary: '第一次上门，和孩子一起读了绘本《猜猜我有多爱你》，认识了奶奶', childMood: '开始有点害羞，后来主动拿出自己的画给我看', problemsFound: '家里没有适合她年龄的课外书', measuresSuggested: '下次带几本拼音读物' },
  { daysAgo: 12, decidedDaysAgo: 10, durationMinutes: 30, contactMode: 'phone_video', serviceTypes: ['emotional_comfort', 'study_help'], summary: '视频通话，听她讲学校运动会，帮她看了一道数学题', childMood: '很开心，说想妈妈了' },
  { daysAgo: 2, decidedDaysAgo: null, durationMinutes: 90, contactMode: 'home_visit', serviceTypes: ['reading', 'companionship'], summary: '送去三本拼音读物，一起读了半本，教她查字典', childMood: '读得很认真' },
] as const

export async function seedCheckins(tx: Tx): Promise<number> {
  const wang = await tx.user.findUniqueOrThrow({ where: { username: 'demo.volunteer.wang' }, select: { id: true } })
  const director = await tx.user.findUniqueOrThrow({ where: { username: 'demo.director.guding' }, select: { id: true } })
  const volunteer = await tx.volunteer.findUniqueOrThrow({ where: { userId: wang.id }, select: { id: true } })
  const pairing = await tx.pairing.findFirstOrThrow({ where: { volunteerId: volunteer.id, state: 'active' }, select: { id: true, villageCode: true } })
  for (const v of VISITS) {
    const startedAt = morning(v.daysAgo)
    const decided = v.decidedDaysAgo !== null
    await tx.checkin.create({
      data: {
        pairingId: pairing.id, volunteerId: volunteer.id, startedAt, durationMinutes: v.durationMinutes, contactMode: v.contactMode,
        serviceTypes: [...v.serviceTypes], summary: v.summary, childMood: v.childMood, problemsFound: 'problemsFound' in v ? v.problemsFound : null,
        measuresSuggested: 'measuresSuggested' in v ? v.measuresSuggested : null, secCheck: 'pass', createdAt: new Date(startedAt.getTime() + 6 * 3_600_000),
        ...(decided
          ? { status: 'confirmed' as const, decidedAt: morning(v.decidedDaysAgo), decidedById: director.id, points: pointsFor(v.durationMinutes, pairing.villageCode) }
          : {}),
      },
    })
    if (decided) await recordConfirmedContact(tx, pairing.id, startedAt)
  }
  await tx.honourOptIn.create({ data: { volunteerId: volunteer.id, showFullName: false, optedInAt: morning(20) } })
  return VISITS.length
}
