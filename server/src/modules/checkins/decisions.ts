/**
 * The village director's confirmation (李主任, step 3): confirm or dispute each check-in, once.
 * Confirming counts it — points under the rule in force, and the pairing's last confirmed contact
 * moves forward through the pairings module's seam (pairings/contact.ts), in the same transaction.
 * Two directors deciding at once: the conditional update lets exactly one through, the other 409.
 */
import { CHECKIN_PAGES, chinaDate, pointsFor } from '@qstx/shared'
import type { Db } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import { notify } from '../../lib/notify'
import { regionNames } from '../children/repository'
import { recordConfirmedContact } from '../pairings/contact'
import { advanceWaterSafety } from '../duty/repository'
import { assertCan, assertMayAct, assertNotOwnCheckin } from './policy'
import * as repo from './repository'
import { staffView } from './views'

export type Decision = { kind: 'confirm'; note?: string | undefined } | { kind: 'dispute'; reason: string }

const NOTICE = {
  confirm: { kind: 'checkin.confirmed', title: '您的走访已确认', body: '服务时长和积分已记入（平台记录）' },
  dispute: { kind: 'checkin.disputed', title: '您的走访记录有疑问', body: '儿童主任对这条记录有疑问，请打开小程序查看' },
} as const

export function createDecisionService({ prisma, clock }: { prisma: Db; clock: Clock }) {
  async function decide(actor: ScopedActor, id: string, decision: Decision, ctx: AuditContext) {
    assertCan(actor, 'checkin.confirm')
    const now = clock.now()
    return prisma.$transaction(async (tx) => {
      const c = await repo.findForDecision(tx, id)
      assertMayAct(actor, 'checkin.confirm', c?.pairing.villageCode)
      assertNotOwnCheckin(actor, c!.volunteer.userId)
      const confirm = decision.kind === 'confirm'
      const decided = await repo.decideIfPending(tx, id, {
        status: confirm ? 'confirmed' : 'disputed', decidedAt: now, decidedById: actor.userId,
        decisionNote: (confirm ? decision.note : decision.reason) || null,
        points: confirm ? pointsFor(c!.durationMinutes, c!.pairing.villageCode) : null,
      })
      if (!decided) throw new AppError('CHECKIN_ALREADY_DECIDED')
      if (confirm) await recordConfirmedContact(tx, c!.pairingId, c!.startedAt)
      // A confirmed water-safety talk counts for the near-water child's task, the director's too (care/water-safety.ts).
      if (confirm && c!.serviceTypes.includes('water_safety')) await advanceWaterSafety(tx, c!.pairing.child.id, new Date(`${chinaDate(c!.startedAt)}T00:00:00Z`))
      await recordAudit(tx, ctx, { action: `checkin.${decision.kind}`, result: 'success', targetType: 'checkin', targetId: id })
      await notify(tx, { recipientUserId: c!.volunteer.userId, ...NOTICE[decision.kind], page: CHECKIN_PAGES.mine })
      const after = (await repo.findForDecision(tx, id))!
      const names = await regionNames(tx, [after.pairing.villageCode])
      return staffView(after, names, new Map([[actor.userId, actor.displayName]]), now)
    })
  }

  return {
    confirm: (actor: ScopedActor, id: string, note: string | undefined, ctx: AuditContext) => decide(actor, id, { kind: 'confirm', note }, ctx),
    dispute: (actor: ScopedActor, id: string, reason: string, ctx: AuditContext) => decide(actor, id, { kind: 'dispute', reason }, ctx),
  }
}
