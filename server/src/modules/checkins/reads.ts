/**
 * Reading check-ins: the director's queue (oldest first), what stays unconfirmed for 14 days (for
 * coordinators and supervisors), one pairing's check-ins with its cadence (audited, like opening
 * the pairing), and the volunteer's record page — hours and points from confirmed check-ins only.
 */
import { HOURS_LABEL, HOURS_NOTE, WATER_SAFETY_LEAD_DAYS, chinaDate, hoursOf, regionPrefix, waterSafetyWindow } from '@qstx/shared'
import type { Db } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import { regionNames } from '../children/repository'
import { serviceTotals } from '../activities/repository'
import { cadenceOfPairings } from './cadence'
import { assertCan, assertMayAct, listPrefix } from './policy'
import * as repo from './repository'
import { checkinView, staffView } from './views'

/** Shown to the coordinator when the director has not decided within this many days. */
export const UNCONFIRMED_AFTER_DAYS = 14
const DAY = 86_400_000

interface Page {
  page: number
  pageSize: number
  sort: 'oldest' | 'newest'
}

export function createReadService({ prisma, clock }: { prisma: Db; clock: Clock }) {
  async function staffRows(rows: repo.StaffRow[]) {
    const [names, people] = await Promise.all([
      regionNames(prisma, rows.map((r) => r.pairing.villageCode)),
      repo.userNames(prisma, rows.flatMap((r) => (r.decidedById ? [r.decidedById] : []))),
    ])
    const now = clock.now()
    return rows.map((r) => staffView(r, names, new Map(people.map((u) => [u.id, u.displayName])), now))
  }

  async function queue(actor: ScopedActor, q: Page) {
    assertCan(actor, 'checkin.confirm')
    const { items, total } = await repo.staffPage(prisma, { status: 'pending' }, regionPrefix(actor.regionCode), q)
    return { items: await staffRows(items), total, page: q.page, pageSize: q.pageSize }
  }

  async function unconfirmed(actor: ScopedActor, q: Page & { regionCode?: string | undefined }) {
    assertCan(actor, 'checkin.unconfirmed')
    const cutoff = new Date(clock.now().getTime() - UNCONFIRMED_AFTER_DAYS * DAY)
    const { items, total } = await repo.staffPage(prisma, { status: 'pending', createdAt: { lte: cutoff } }, listPrefix(actor, q.regionCode), q)
    return { items: await staffRows(items), total, page: q.page, pageSize: q.pageSize }
  }

  async function ofPairing(actor: ScopedActor, pairingId: string, ctx: AuditContext) {
    assertCan(actor, 'checkin.read')
    const pairing = await repo.pairingHead(prisma, pairingId)
    assertMayAct(actor, 'checkin.read', pairing?.villageCode)
    const [rows, cadence] = await Promise.all([repo.ofPairing(prisma, pairingId), cadenceOfPairings(prisma, [pairing!], chinaDate(clock.now()))])
    await recordAudit(prisma, ctx, { action: 'checkin.read', result: 'success', targetType: 'pairing', targetId: pairingId })
    return { pairingId, cadence: cadence.get(pairingId) ?? null, items: await staffRows(rows) }
  }

  async function mine(actor: ScopedActor) {
    assertCan(actor, 'checkin.mine')
    const volunteer = await repo.volunteerOfUser(prisma, actor.userId)
    if (!volunteer) throw new AppError('VOLUNTEER_PROFILE_MISSING')
    const today = chinaDate(clock.now())
    // A window is at most the lead time plus a summer holiday long: talks older than that count for none in force.
    const since = new Date(clock.now().getTime() - (WATER_SAFETY_LEAD_DAYS + 70) * DAY)
    const [totals, activities, rows, pairings, talks] = await Promise.all([
      repo.totalsOf(prisma, volunteer.id), serviceTotals(prisma, volunteer.id), repo.recentOf(prisma, volunteer.id), repo.activePairingsOf(prisma, volunteer.id),
      repo.waterTalksOf(prisma, volunteer.id, since),
    ])
    const cadence = await cadenceOfPairings(prisma, pairings, today)
    const waterTask = (p: (typeof pairings)[number]) => {
      const w = p.child.nearWater ? waterSafetyWindow(p.villageCode, today) : null
      if (!w) return null
      const done = talks.some((t) => t.pairingId === p.id && chinaDate(t.startedAt) >= w.opensOn && chinaDate(t.startedAt) <= w.closesOn)
      return { label: w.label, dueOn: w.dueOn, done }
    }
    return {
      totals: {
        hours: hoursOf(totals.minutes + activities.minutes), points: totals.points + activities.points,
        confirmed: totals.confirmed, pending: totals.pending, disputed: totals.disputed,
      },
      activities: { confirmed: activities.confirmed, pending: activities.pending, hours: hoursOf(activities.minutes) },
      hoursLabel: HOURS_LABEL,
      hoursNote: HOURS_NOTE,
      pairings: pairings.flatMap((p) => {
        const c = cadence.get(p.id)
        return c ? [{ pairingId: p.id, childDisplayName: p.child.displayName, cadence: c, waterSafety: waterTask(p) }] : []
      }),
      items: rows.map((r) => ({ ...checkinView(r), child: { displayName: r.pairing.child.displayName } })),
    }
  }

  return { queue, unconfirmed, ofPairing, mine }
}
