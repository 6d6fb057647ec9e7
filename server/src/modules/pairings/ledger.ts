/**
 * Reading the ledger: the rows of a region (by state, village or township, volunteer, child, team,
 * stale), one pairing with its events, a volunteer's own pairings, and the team roster's seam.
 * Opening one pairing is audited like opening a file; lists are not (as children's lists).
 */
import { chinaDate, type PairingDetail, type PairingListQuery } from '@qstx/shared'
import type { Tx } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { recordAudit, type AuditContext } from '../../lib/audit'
import { regionNames } from '../children/repository'
import { ledgerPage } from './ledger-sql'
import { assertCan, assertMayAct } from './policy'
import * as repo from './repository'
import type { PairingDeps } from './service'
import { dateString, myView, rowView } from './views'

export async function detailOf(tx: Tx, id: string, today: string): Promise<PairingDetail> {
  const p = (await repo.findPairing(tx, id))!
  const [events, names] = await Promise.all([repo.events(tx, id), regionNames(tx, [p.villageCode])])
  const people = new Map((await repo.userNames(tx, [p.proposedById, p.acknowledgedById, p.approvedById, ...events.map((e) => e.actorUserId)].filter((x): x is string => !!x))).map((u) => [u.id, u.displayName]))
  const nameOf = (id: string | null) => (id ? (people.get(id) ?? null) : null)
  return {
    ...rowView(p, names, today),
    proposedByName: nameOf(p.proposedById),
    acknowledgedByName: nameOf(p.acknowledgedById),
    approvedByName: nameOf(p.approvedById),
    pauseReason: p.pauseReason,
    endNote: p.endNote,
    declineReason: p.declineReason,
    events: events.map((e) => ({
      at: e.at.toISOString(), type: e.type, actorName: nameOf(e.actorUserId), actorRole: e.actorRole, fromState: e.fromState, toState: e.toState,
      reason: e.reason, endReason: e.endReason, startDate: dateString(e.startDate), expectedResumeDate: dateString(e.expectedResumeDate),
    })),
  }
}

export function createLedgerService({ prisma, pg, clock }: PairingDeps) {
  const today = () => chinaDate(clock.now())

  async function list(actor: ScopedActor, q: PairingListQuery) {
    assertCan(actor, 'pairing.list')
    const t = today()
    const { rows, counts, staleCount, total } = await ledgerPage(pg, actor, q, t)
    const villageNames = await regionNames(prisma, rows.map((r) => r.villageCode))
    return { items: rows.map((r) => rowView(r, villageNames, t)), total, page: q.page, pageSize: q.pageSize, counts, staleCount }
  }

  async function get(actor: ScopedActor, id: string, ctx: AuditContext) {
    const head = await repo.findPairing(prisma, id)
    assertMayAct(actor, 'pairing.read', head?.villageCode)
    const out = await detailOf(prisma, id, today())
    await recordAudit(prisma, ctx, { action: 'pairing.read', result: 'success', targetType: 'pairing', targetId: id })
    return out
  }

  /** A volunteer's own: active and paused first-hand, ended as history; proposals stay with staff until approved. */
  async function mine(actor: ScopedActor) {
    assertCan(actor, 'pairing.mine')
    const rows = await repo.ofVolunteerUser(prisma, actor.userId, ['active', 'paused', 'ended'])
    const names = await regionNames(prisma, rows.map((r) => r.villageCode))
    return { items: rows.map((r) => myView(r, names)) }
  }

  return { list, get, mine }
}
