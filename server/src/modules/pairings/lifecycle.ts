/**
 * The pairing's steps (陈姐 proposes → 李主任 confirms the family agrees → 陈姐 approves → active
 * from a start date; pause, resume, end), each one transaction with its event, audit row and
 * notifications.
 *
 * Locks, always in the order child → volunteer → pairing, so concurrent steps queue instead of
 * deadlocking: a proposal locks the child's row (two proposals for one child queue, the second
 * sees the first) and then the volunteer's (assertPairable: capacity is counted while no other
 * proposal or suspension can change it); an approval locks the volunteer before the pairing.
 * The partial unique index is the last word on "one live pairing per child".
 */
import { chinaDate, hasGuardianConsent, type ApprovePairingBody, type EndPairingBody, type PausePairingBody, type ProposePairingBody } from '@qstx/shared'
import type { Db, Tx } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import { assertPairable } from '../volunteers/policy'
import { detailOf } from './ledger'
import * as notices from './notices'
import { assertCan, assertMayAct, inScope, volunteerReachable } from './policy'
import * as repo from './repository'
import { addDays, dateString } from './views'
import { transition } from './transition'

/** A second proposal that slipped past the checks meets the partial unique index. */
function childTakenRace(err: unknown): never {
  if ((err as { code?: string })?.code === 'P2002') throw new AppError('PAIRING_CHILD_TAKEN')
  throw err
}

function assertChildPairable(child: repo.PairingChild | null, actor: ScopedActor): asserts child is repo.PairingChild {
  if (!child || !inScope(actor, child.villageCode)) throw notFound()
  if (child.closedAt) throw new AppError('CHILD_CLOSED')
  const consent = child.consentGivenBy && child.consentDate ? { givenBy: child.consentGivenBy, date: dateString(child.consentDate)! } : null
  if (!hasGuardianConsent(consent)) throw new AppError('PAIRING_CONSENT_MISSING')
}

export function createLifecycleService({ prisma, clock }: { prisma: Db; clock: Clock }) {
  const today = () => chinaDate(clock.now())

  /** Loads a pairing the actor may act on (404 outside the region). */
  async function open(tx: Tx, actor: ScopedActor, id: string, action: Parameters<typeof assertMayAct>[1]) {
    assertCan(actor, action)
    const p = await repo.findPairing(tx, id)
    assertMayAct(actor, action, p?.villageCode)
    return p!
  }

  async function propose(actor: ScopedActor, body: ProposePairingBody, ctx: AuditContext) {
    assertCan(actor, 'pairing.propose')
    return prisma
      .$transaction(async (tx) => {
        const child = await repo.childForPairing(tx, body.childId, true)
        assertChildPairable(child, actor)
        // Reachability before anything about the volunteer's status: outside it, no existence oracle.
        const region = await repo.volunteerRegion(tx, body.volunteerId)
        if (!region || !volunteerReachable(actor, child.villageCode, region.serviceRegionCode)) throw notFound()
        const v = await assertPairable(tx, body.volunteerId)
        if (await repo.liveOfChild(tx, child.id)) throw new AppError('PAIRING_CHILD_TAKEN')
        if ((await repo.countLiveOfVolunteer(tx, v.id)) >= v.capacity) throw new AppError('PAIRING_CAPACITY_FULL')
        const p = await repo.insertPairing(tx, {
          childId: child.id, volunteerId: v.id, villageCode: child.villageCode, state: 'proposed',
          proposedAt: ctx.at, proposedById: ctx.actorUserId, stateChangedAt: ctx.at,
        })
        await repo.insertEvent(tx, {
          pairingId: p.id, type: 'proposed', at: ctx.at, actorUserId: ctx.actorUserId, actorRole: ctx.actorRole,
          fromState: null, toState: 'proposed', reason: body.note ?? null,
        })
        await recordAudit(tx, ctx, { action: 'pairing.propose', result: 'success', targetType: 'pairing', targetId: p.id })
        await notices.toDirectors(tx, p)
        return detailOf(tx, p.id, today())
      })
      .catch(childTakenRace)
  }

  async function acknowledge(actor: ScopedActor, id: string, note: string | null | undefined, ctx: AuditContext) {
    return prisma.$transaction(async (tx) => {
      const p = await open(tx, actor, id, 'pairing.acknowledge')
      await transition(tx, p, 'acknowledge', { reason: note ?? null }, ctx)
      await notices.toCoordinator(tx, p, 'acknowledged')
      return detailOf(tx, id, today())
    })
  }

  async function approve(actor: ScopedActor, id: string, body: ApprovePairingBody, ctx: AuditContext) {
    return prisma.$transaction(async (tx) => {
      const p = await open(tx, actor, id, 'pairing.approve')
      const t = today()
      if (body.startDate < chinaDate(p.proposedAt) || body.startDate > addDays(t, 90)) {
        throw new AppError('VALIDATION_FAILED', undefined, { startDate: '开始日期应在提出结对之后、90天以内' })
      }
      // The volunteer may have been suspended, or the file closed, since the proposal.
      await assertPairable(tx, p.volunteerId)
      assertChildPairable(await repo.childForPairing(tx, p.childId), actor)
      await transition(tx, p, 'approve', { reason: body.note ?? null, startDate: body.startDate }, ctx)
      await notices.toVolunteer(tx, p, 'approved')
      return detailOf(tx, id, t)
    })
  }

  /** The director for the family, or the coordinator, before the pairing starts. */
  async function decline(actor: ScopedActor, id: string, reason: string, ctx: AuditContext) {
    return prisma.$transaction(async (tx) => {
      const p = await open(tx, actor, id, 'pairing.decline')
      await transition(tx, p, 'decline', { reason }, ctx)
      if (p.proposedById !== ctx.actorUserId) await notices.toCoordinator(tx, p, 'declined')
      return detailOf(tx, id, today())
    })
  }

  async function pause(actor: ScopedActor, id: string, body: PausePairingBody, ctx: AuditContext) {
    return prisma.$transaction(async (tx) => {
      const p = await open(tx, actor, id, 'pairing.manage')
      const t = today()
      if (body.expectedResumeDate <= t || body.expectedResumeDate > addDays(t, 366)) {
        throw new AppError('VALIDATION_FAILED', undefined, { expectedResumeDate: '预计恢复日期应在今天之后、一年以内' })
      }
      await transition(tx, p, 'pause', body, ctx)
      await notices.toVolunteer(tx, p, 'paused')
      return detailOf(tx, id, t)
    })
  }

  async function resume(actor: ScopedActor, id: string, note: string | null | undefined, ctx: AuditContext) {
    return prisma.$transaction(async (tx) => {
      const p = await open(tx, actor, id, 'pairing.manage')
      await transition(tx, p, 'resume', { reason: note ?? null }, ctx)
      await notices.toVolunteer(tx, p, 'resumed')
      return detailOf(tx, id, today())
    })
  }

  async function end(actor: ScopedActor, id: string, body: EndPairingBody, ctx: AuditContext) {
    return prisma.$transaction(async (tx) => {
      const p = await open(tx, actor, id, 'pairing.manage')
      await transition(tx, p, 'end', { endReason: body.reason, reason: body.note ?? null }, ctx)
      await notices.toVolunteer(tx, p, 'ended')
      return detailOf(tx, id, today())
    })
  }

  return { propose, acknowledge, approve, decline, pause, resume, end }
}
