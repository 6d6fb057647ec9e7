/**
 * The demo's pairing ledger: one pairing in each situation a tester meets first —
 *   王阿姨 (demo.volunteer.wang) active with a child of 古顶村 (her card works);
 *   韦德福 proposed for another 古顶村 child, waiting for 李主任 to confirm the family agrees;
 *   黄思远 acknowledged for a child of 安塘村, waiting for 陈姐's approval;
 *   潘美玲 paused with a child of 洞马村 (expected back in three weeks);
 *   莫晓红 ended with a child of 安塘村 (the family declined), kept in the ledger.
 * Each is written as its events, and the row is their fold (shared foldPairingEvents) — the demo
 * ledger replays like a real one. Deterministic: children are picked by name among those with
 * consent on file; no faker, so the other seeds' sequences stay as they were.
 */
import { foldPairingEvents, type PairingEventFacts, type Role } from '@qstx/shared'
import type { Tx } from '../db/prisma'
import { DEMO_VILLAGES } from './personas'

const DAY = 86_400_000
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString()
const dateAgo = (days: number) => ago(days).slice(0, 10)
const date = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null)

type Step = Omit<PairingEventFacts, 'actorUserId' | 'reason' | 'endReason' | 'startDate' | 'expectedResumeDate'> & Partial<PairingEventFacts> & { by: string }

interface DemoPairing {
  volunteer: string
  village: string
  steps: Step[]
}

const coordinator = 'demo.coordinator'
const director = (village: string) => ({ [DEMO_VILLAGES[0]!]: 'demo.director.guding', [DEMO_VILLAGES[1]!]: 'demo.director.anting', [DEMO_VILLAGES[2]!]: 'demo.director.dongma' })[village]!

const PAIRINGS: DemoPairing[] = [
  {
    volunteer: 'demo.volunteer.wang', village: DEMO_VILLAGES[0]!, steps: [
      { type: 'proposed', at: ago(35), by: coordinator, reason: '同在和睦镇，擅长阅读指导，可以上门家访' },
      { type: 'acknowledged', at: ago(33), by: director(DEMO_VILLAGES[0]!), reason: '已上门征得奶奶同意' },
      { type: 'approved', at: ago(31), by: coordinator, startDate: dateAgo(30) },
    ],
  },
  {
    volunteer: 'demo.volunteer.individual', village: DEMO_VILLAGES[0]!, steps: [
      { type: 'proposed', at: ago(2), by: coordinator, reason: '退休教师，擅长学业辅导' },
    ],
  },
  {
    volunteer: 'demo.volunteer.youth', village: DEMO_VILLAGES[1]!, steps: [
      { type: 'proposed', at: ago(5), by: coordinator, reason: '青年志愿者，可在学校见面辅导功课' },
      { type: 'acknowledged', at: ago(1), by: director(DEMO_VILLAGES[1]!), reason: '电话联系了孩子的父亲，同意结对' },
    ],
  },
  {
    volunteer: 'demo.volunteer.proxy', village: DEMO_VILLAGES[2]!, steps: [
      { type: 'proposed', at: ago(44), by: coordinator },
      { type: 'acknowledged', at: ago(43), by: director(DEMO_VILLAGES[2]!) },
      { type: 'approved', at: ago(42), by: coordinator, startDate: dateAgo(40) },
      { type: 'paused', at: ago(7), by: coordinator, reason: '志愿者参加县里为期一个月的培训', expectedResumeDate: dateAgo(-21) },
    ],
  },
  {
    volunteer: 'demo.volunteer.social', village: DEMO_VILLAGES[1]!, steps: [
      { type: 'proposed', at: ago(44), by: coordinator },
      { type: 'acknowledged', at: ago(43), by: director(DEMO_VILLAGES[1]!) },
      { type: 'approved', at: ago(42), by: coordinator, startDate: dateAgo(41) },
      { type: 'ended', at: ago(10), by: coordinator, endReason: 'family_declined', reason: '孩子的奶奶希望改由本村的志愿者陪伴' },
    ],
  },
]

const ROLE_OF: Record<string, Role> = { [coordinator]: 'coordinator' }

export async function seedPairings(tx: Tx): Promise<number> {
  const users = new Map((await tx.user.findMany({ where: { username: { startsWith: 'demo.' } }, select: { id: true, username: true } })).map((u) => [u.username!, u.id]))
  const used = new Set<string>()
  for (const d of PAIRINGS) {
    const volunteer = await tx.volunteer.findUniqueOrThrow({ where: { userId: users.get(d.volunteer)! }, select: { id: true } })
    // Consent on file is what a proposal needs; the first child by name not yet taken here.
    const children = await tx.child.findMany({
      where: { villageCode: d.village, consentDate: { not: null }, consentGivenBy: { not: null }, closedAt: null },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true },
    })
    const child = children.find((c) => !used.has(c.id))!
    used.add(child.id)
    const facts: PairingEventFacts[] = d.steps.map((s) => ({
      type: s.type, at: s.at, actorUserId: users.get(s.by)!, reason: s.reason ?? null, endReason: s.endReason ?? null,
      startDate: s.startDate ?? null, expectedResumeDate: s.expectedResumeDate ?? null,
    }))
    const p = foldPairingEvents(facts)
    const at = (s: string | null) => (s ? new Date(s) : null)
    const row = await tx.pairing.create({
      data: {
        childId: child.id, volunteerId: volunteer.id, villageCode: d.village, state: p.state,
        proposedAt: new Date(p.proposedAt), proposedById: p.proposedById, acknowledgedAt: at(p.acknowledgedAt), acknowledgedById: p.acknowledgedById,
        approvedAt: at(p.approvedAt), approvedById: p.approvedById, startDate: date(p.startDate), pausedAt: at(p.pausedAt), pauseReason: p.pauseReason,
        expectedResumeDate: date(p.expectedResumeDate), endedAt: at(p.endedAt), endReason: p.endReason, endNote: p.endNote,
        declinedAt: at(p.declinedAt), declineReason: p.declineReason, stateChangedAt: new Date(p.stateChangedAt),
      },
    })
    const stateAfter = (i: number) => foldPairingEvents(facts.slice(0, i + 1)).state
    await tx.pairingEvent.createMany({
      data: d.steps.map((s, i) => ({
        pairingId: row.id, type: s.type, at: new Date(s.at), actorUserId: users.get(s.by)!, actorRole: ROLE_OF[s.by] ?? ('child_director' as const),
        fromState: i === 0 ? null : stateAfter(i - 1), toState: stateAfter(i), reason: s.reason ?? null, endReason: s.endReason ?? null,
        startDate: date(s.startDate ?? null), expectedResumeDate: date(s.expectedResumeDate ?? null),
      })),
    })
  }
  return PAIRINGS.length
}
