/**
 * A child moved village: the file follows, with its history, once the director who keeps it says
 * yes. The receiving director names the child by ID number and learns nothing of the file until
 * it is theirs; the keeping director sees who asks and why. Every step is audited.
 */
import { regionPrefix, type RequestTransferBody } from '@qstx/shared'
import type { Tx } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { ChildDeps } from './context'
import { ROLE_VIEWS, assertCan, assertMayWrite, assertVillageDirector, inScope } from './policy'
import * as repo from './repository'

type TransferRow = NonNullable<Awaited<ReturnType<typeof repo.findTransfer>>>

async function present(tx: Tx, actor: ScopedActor, rows: TransferRow[]) {
  const names = await repo.regionNames(tx, rows.flatMap((t) => [t.fromVillageCode, t.toVillageCode]))
  const keeper = ROLE_VIEWS[actor.role].file === 'full'
  return rows.map((t) => {
    const holds = inScope(actor, t.fromVillageCode)
    const asked = inScope(actor, t.toVillageCode)
    const isDirector = actor.role === 'child_director'
    return {
      id: t.id,
      status: t.status,
      yourPart: isDirector && holds ? ('holder' as const) : isDirector && asked ? ('requester' as const) : ('observer' as const),
      idNumberLast4: t.child.idNumberLast4,
      child: keeper && inScope(actor, t.child.villageCode) ? { id: t.child.id, name: t.child.name } : null,
      // The village that kept the file stays hidden from the asking side until the file is theirs.
      fromVillageName: holds || (asked && t.status === 'accepted') ? names.get(t.fromVillageCode)! : null,
      toVillageCode: t.toVillageCode,
      toVillageName: names.get(t.toVillageCode)!,
      reason: t.reason,
      requestedByName: t.requestedByName,
      requestedAt: t.requestedAt.toISOString(),
      decidedAt: t.decidedAt?.toISOString() ?? null,
      declineReason: t.declineReason,
    }
  })
}

export function createTransferService(deps: ChildDeps) {
  const { prisma, clock, keyring } = deps

  async function request(actor: ScopedActor, body: RequestTransferBody, ctx: AuditContext) {
    assertVillageDirector(actor, 'child.transfer.request')
    const to = actor.regionCode
    return prisma.$transaction(async (tx) => {
      const child = await repo.findChildByIdIndex(tx, keyring.blindIndex(body.idNumber))
      if (!child) throw new AppError('NOT_FOUND', '没有找到这个身份证号的儿童档案；儿童尚未建档的，请直接建档')
      if (child.villageCode === to) throw new AppError('CONFLICT', '该儿童的档案已在本村')
      await repo.lockChild(tx, child.id)
      if (await repo.pendingTransferOf(tx, child.id)) throw new AppError('TRANSFER_PENDING')
      const t = await repo.insertTransfer(tx, {
        childId: child.id, fromVillageCode: child.villageCode, toVillageCode: to, reason: body.reason,
        requestedById: actor.userId, requestedByName: actor.displayName, requestedAt: clock.now(),
      })
      await recordAudit(tx, ctx, { action: 'child.transfer.request', result: 'success', targetType: 'child_transfer', targetId: t.id })
      const [view] = await present(tx, actor, [(await repo.findTransfer(tx, t.id))!])
      return view!
    })
  }

  async function list(actor: ScopedActor) {
    assertCan(actor, 'child.transfer.list')
    const rows = await repo.listTransfers(prisma, regionPrefix(actor.regionCode))
    return present(prisma, actor, rows)
  }

  /** Shared by accept, decline and cancel: the pending transfer, locked, seen from `side`. */
  async function pending(tx: Tx, actor: ScopedActor, id: string, side: 'holder' | 'requester') {
    const t = await repo.findTransfer(tx, id)
    if (!t || !inScope(actor, side === 'holder' ? t.fromVillageCode : t.toVillageCode)) throw notFound()
    await repo.lockChild(tx, t.childId)
    if (t.status !== 'pending') throw new AppError('CONFLICT', '该转移申请已处理')
    return t
  }

  async function accept(actor: ScopedActor, id: string, ctx: AuditContext) {
    assertMayWrite(actor, 'child.transfer.decide')
    return prisma.$transaction(async (tx) => {
      const t = await pending(tx, actor, id, 'holder')
      const at = clock.now()
      if (!(await repo.decideTransfer(tx, id, { status: 'accepted', decidedById: actor.userId, decidedAt: at }))) throw new AppError('CONFLICT', '该转移申请已处理')
      if (!(await repo.moveChild(tx, t.childId, t.fromVillageCode, t.toVillageCode, at))) throw new AppError('CONFLICT', '该儿童的档案已不在本村')
      await repo.insertHistory(tx, [{
        childId: t.childId, at, kind: 'transferred', actorUserId: actor.userId, actorName: actor.displayName,
        fromVillageCode: t.fromVillageCode, toVillageCode: t.toVillageCode, note: t.reason,
      }])
      await recordAudit(tx, ctx, { action: 'child.transfer.accept', result: 'success', targetType: 'child_transfer', targetId: id })
      const [view] = await present(tx, actor, [(await repo.findTransfer(tx, id))!])
      return view!
    })
  }

  async function decline(actor: ScopedActor, id: string, reason: string, ctx: AuditContext) {
    assertMayWrite(actor, 'child.transfer.decide')
    return prisma.$transaction(async (tx) => {
      await pending(tx, actor, id, 'holder')
      if (!(await repo.decideTransfer(tx, id, { status: 'declined', decidedById: actor.userId, decidedAt: clock.now(), declineReason: reason }))) throw new AppError('CONFLICT', '该转移申请已处理')
      await recordAudit(tx, ctx, { action: 'child.transfer.decline', result: 'success', targetType: 'child_transfer', targetId: id })
      const [view] = await present(tx, actor, [(await repo.findTransfer(tx, id))!])
      return view!
    })
  }

  /** The asking director withdraws their own request while it is pending. */
  async function cancel(actor: ScopedActor, id: string, ctx: AuditContext) {
    assertMayWrite(actor, 'child.transfer.request')
    return prisma.$transaction(async (tx) => {
      await pending(tx, actor, id, 'requester')
      if (!(await repo.decideTransfer(tx, id, { status: 'cancelled', decidedById: actor.userId, decidedAt: clock.now() }))) throw new AppError('CONFLICT', '该转移申请已处理')
      await recordAudit(tx, ctx, { action: 'child.transfer.cancel', result: 'success', targetType: 'child_transfer', targetId: id })
      const [view] = await present(tx, actor, [(await repo.findTransfer(tx, id))!])
      return view!
    })
  }

  return { request, list, accept, decline, cancel }
}
