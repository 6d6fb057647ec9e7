/**
 * When someone leaves, their live pairings do not linger. Called in the same transaction as the
 * change that causes it:
 *   - a volunteer withdraws or is suspended (volunteers/status.ts): active and paused pairings end
 *     (volunteer_withdrew / volunteer_suspended), proposals not yet started are declined; the
 *     coordinator who proposed each is told, so the child comes back to the priority list with a
 *     message rather than silently. Ending (not flagging) also closes the child's card at once.
 *   - a child's file is closed (children/service.ts): the child's live pairing ends (aged out,
 *     moved away, other) and the volunteer is told.
 */
import { PAIRING_END_REASON_LABELS, type PairingEndReason } from '@qstx/shared'
import type { Tx } from '../../db/prisma'
import type { AuditContext } from '../../lib/audit'
import * as notices from './notices'
import * as repo from './repository'
import { transition } from './transition'

async function close(tx: Tx, p: repo.PairingRow, endReason: PairingEndReason, note: string, ctx: AuditContext) {
  if (p.state === 'active' || p.state === 'paused') await transition(tx, p, 'end', { endReason, reason: note }, ctx)
  else await transition(tx, p, 'decline', { reason: note }, ctx)
}

export async function closePairingsOfVolunteer(tx: Tx, volunteerId: string, why: 'withdraw' | 'suspend', ctx: AuditContext): Promise<number> {
  const endReason = why === 'withdraw' ? 'volunteer_withdrew' : 'volunteer_suspended'
  const note = PAIRING_END_REASON_LABELS[endReason]
  const rows = await repo.liveOfVolunteer(tx, volunteerId)
  for (const p of rows) {
    await close(tx, p, endReason, note, ctx)
    await notices.toCoordinator(tx, p, 'ended', `${note}，请为孩子重新安排`)
  }
  return rows.length
}

const CHILD_END_REASON: Record<string, PairingEndReason> = { aged_out: 'child_aged_out', moved_out: 'child_moved' }

export async function closePairingsOfChild(tx: Tx, childId: string, closeReason: string, ctx: AuditContext): Promise<number> {
  const endReason = CHILD_END_REASON[closeReason] ?? 'other'
  const rows = await repo.liveRowsOfChild(tx, childId)
  for (const p of rows) {
    await close(tx, p, endReason, endReason === 'other' ? '儿童档案已结案' : PAIRING_END_REASON_LABELS[endReason], ctx)
    if (p.state === 'active' || p.state === 'paused') await notices.toVolunteer(tx, p, 'ended')
  }
  return rows.length
}
