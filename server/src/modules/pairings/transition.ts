/**
 * Every change of a pairing's state goes through `transition`, inside the caller's transaction:
 * the conditional update of the projection (one of two concurrent decisions wins, the other gets
 * 409), the ledger event with the same facts, and the audit row. The projection columns each
 * transition writes are the ones shared foldPairingEvents derives from the event — keep the two
 * in step (repository.test.ts replays ledgers against rows).
 */
import {
  PAIRING_EVENT_OF, PAIRING_TRANSITIONS, canPairingTransition,
  type PairingEndReason, type PairingTransition,
} from '@qstx/shared'
import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'
import { AppError } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import * as repo from './repository'
import { dateOnly } from './views'

export interface TransitionFacts {
  /** Decline, pause: the reason; end: the note; acknowledge, approve, resume: an optional note. */
  reason?: string | null
  endReason?: PairingEndReason
  startDate?: string
  expectedResumeDate?: string
}

function projection(t: PairingTransition, f: TransitionFacts, ctx: AuditContext): Prisma.PairingUncheckedUpdateManyInput {
  switch (t) {
    case 'acknowledge': return { acknowledgedAt: ctx.at, acknowledgedById: ctx.actorUserId }
    case 'approve': return { approvedAt: ctx.at, approvedById: ctx.actorUserId, startDate: dateOnly(f.startDate!) }
    case 'decline': return { declinedAt: ctx.at, declineReason: f.reason ?? null }
    case 'pause': return { pausedAt: ctx.at, pauseReason: f.reason ?? null, expectedResumeDate: dateOnly(f.expectedResumeDate!) }
    case 'resume': return { pausedAt: null, pauseReason: null, expectedResumeDate: null }
    case 'end': return { endedAt: ctx.at, endReason: f.endReason!, endNote: f.reason ?? null }
  }
}

export async function transition(tx: Tx, p: Pick<repo.PairingRow, 'id' | 'state' | 'villageCode'>, t: PairingTransition, facts: TransitionFacts, ctx: AuditContext): Promise<void> {
  if (!canPairingTransition(p.state, t)) throw new AppError('PAIRING_STATE_CONFLICT')
  const to = PAIRING_TRANSITIONS[t].to
  if (!(await repo.updateIfState(tx, p.id, p.state, { ...projection(t, facts, ctx), state: to, stateChangedAt: ctx.at }))) {
    throw new AppError('PAIRING_STATE_CONFLICT')
  }
  await repo.insertEvent(tx, {
    pairingId: p.id, type: PAIRING_EVENT_OF[t], at: ctx.at, actorUserId: ctx.actorUserId, actorRole: ctx.actorRole,
    fromState: p.state, toState: to, reason: facts.reason ?? null, endReason: facts.endReason ?? null,
    startDate: facts.startDate ? dateOnly(facts.startDate) : null,
    expectedResumeDate: facts.expectedResumeDate ? dateOnly(facts.expectedResumeDate) : null,
  })
  // Self-service actors (a volunteer withdrawing) have no role region: the pairing's village is.
  await recordAudit(tx, ctx, { action: `pairing.${t}`, result: 'success', targetType: 'pairing', targetId: p.id, regionCode: ctx.regionCode ?? p.villageCode })
}
