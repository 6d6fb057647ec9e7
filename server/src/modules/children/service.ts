/**
 * Writing children's files: a director registers and keeps the children of their village. Every
 * write runs in one transaction with its history row and its audit row; edits are optimistic
 * (the version the form was loaded with must still be current).
 */
import type { CloseChildBody, CreateChildBody, UpdateChildBody } from '@qstx/shared'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Tx } from '../../db/prisma'
import { assertMatchesIdNumber, columnsFor, withDefaults } from './columns'
import { alreadyRegistered, candidateOf, todayIn, warningsOf, type ChildDeps } from './context'
import { diffFiles, fileFromRow } from './file'
import { assertMayWrite, assertVillageDirector, redactFullFile } from './policy'
import * as repo from './repository'
import { closePairingsOfChild } from '../pairings/exits'
import { assertEditMayChangeCarer, carerChangedByEdit } from '../entrusted-care/assess'

export function createChildWriteService(deps: ChildDeps) {
  const { prisma, clock, keyring } = deps

  async function answer(tx: Tx, id: string) {
    const file = fileFromRow((await repo.findChild(tx, id))!)
    return { child: redactFullFile(await candidateOf(tx, deps, file)), warnings: warningsOf(file, todayIn(clock)) }
  }

  async function create(actor: ScopedActor, body: CreateChildBody, ctx: AuditContext) {
    assertVillageDirector(actor, 'child.create')
    const villageCode = actor.regionCode
    const full = withDefaults(body, actor.displayName, todayIn(clock))
    assertMatchesIdNumber(full.idNumber, full.birthDate, full.gender)
    const index = keyring.blindIndex(full.idNumber)
    return prisma
      .$transaction(async (tx) => {
        const existing = await repo.findChildByIdIndex(tx, index)
        if (existing) throw alreadyRegistered(existing.villageCode, villageCode)
        const { data, guardians } = columnsFor(full, keyring, null, null)
        const now = clock.now()
        const { id } = await repo.insertChild(tx, { ...(data as object), villageCode, createdById: actor.userId, createdAt: now, updatedAt: now } as Parameters<typeof repo.insertChild>[1])
        if (guardians?.length) await repo.replaceGuardians(tx, id, guardians)
        await repo.insertHistory(tx, [{ childId: id, at: now, kind: 'created', actorUserId: actor.userId, actorName: actor.displayName }])
        await recordAudit(tx, ctx, { action: 'child.create', result: 'success', targetType: 'child', targetId: id })
        return answer(tx, id)
      })
      .catch((err) => {
        // Two directors registering the same ID number at once: the unique blind index decides.
        if (err?.code === 'P2002') throw new AppError('CHILD_ALREADY_REGISTERED')
        throw err
      })
  }

  async function update(actor: ScopedActor, id: string, body: UpdateChildBody, ctx: AuditContext) {
    assertMayWrite(actor, 'child.update')
    const { version, ...changes } = body
    return prisma
      .$transaction(async (tx) => {
        const row = await repo.findChild(tx, id)
        if (!row) throw notFound()
        assertMayWrite(actor, 'child.update', row.villageCode)
        if (row.closedAt) throw new AppError('CHILD_CLOSED')
        if (row.version !== version) throw new AppError('CONFLICT')
        const before = fileFromRow(row)
        if (changes.idNumber !== undefined || changes.birthDate !== undefined || changes.gender !== undefined) {
          const idNumber = changes.idNumber ?? (row.idNumberEnc ? keyring.decrypt(row.idNumberEnc) : null)
          if (idNumber) assertMatchesIdNumber(idNumber, changes.birthDate ?? before.birthDate, changes.gender ?? before.gender)
        }
        if (changes.idNumber !== undefined) {
          const other = await repo.findChildByIdIndex(tx, keyring.blindIndex(changes.idNumber))
          if (other && other.id !== id) throw alreadyRegistered(other.villageCode, row.villageCode)
        }
        const carerOf = (e: { carer: string; carerName?: string | null } | null | undefined) => (e ? { carer: e.carer, carerName: e.carerName ?? null } : null)
        const e = changes.entrustedCare
        const carerAfter = e === undefined ? carerOf(before.entrustedCare) : e && { carer: e.carer, carerName: e.carerName !== undefined ? e.carerName : (before.entrustedCare?.carerName ?? null) }
        assertEditMayChangeCarer(carerOf(before.entrustedCare), carerAfter, row.entrustedFollowUp)
        const { data, guardians } = columnsFor(changes, keyring, before, row.idNumberIndex)
        if (!(await repo.updateChild(tx, id, version, { ...data, updatedAt: clock.now() }))) throw new AppError('CONFLICT')
        if (guardians) await repo.replaceGuardians(tx, id, guardians)
        // A new carer is its own entry in the history (and the entrusted-care log); the rest of the edit is 'updated'.
        const carerChanged = await carerChangedByEdit(tx, actor, id, carerOf(before.entrustedCare), carerAfter, todayIn(clock), clock.now())
        const after = fileFromRow((await repo.findChild(tx, id))!)
        const changed = diffFiles(before, after).filter((c) => !(carerChanged && c.field === 'entrustedCare'))
        if (changed.length) {
          await repo.insertHistory(tx, [{ childId: id, at: clock.now(), kind: 'updated', actorUserId: actor.userId, actorName: actor.displayName, changes: changed }])
        }
        await recordAudit(tx, ctx, { action: 'child.update', result: 'success', targetType: 'child', targetId: id })
        return answer(tx, id)
      })
      .catch((err) => {
        if (err?.code === 'P2002') throw new AppError('CHILD_ALREADY_REGISTERED')
        throw err
      })
  }

  /** Ageing out, moving away, no longer eligible: the file is closed, kept, and read-only. */
  async function close(actor: ScopedActor, id: string, body: CloseChildBody, ctx: AuditContext) {
    assertMayWrite(actor, 'child.close')
    return prisma.$transaction(async (tx) => {
      const head = await repo.findChildHead(tx, id)
      if (!head) throw notFound()
      assertMayWrite(actor, 'child.close', head.villageCode)
      const at = clock.now()
      if (!(await repo.closeChild(tx, id, { closedAt: at, closedReason: body.reason, closedNote: body.note ?? null }))) throw new AppError('CHILD_CLOSED')
      await repo.insertHistory(tx, [{ childId: id, at, kind: 'closed', actorUserId: actor.userId, actorName: actor.displayName, changes: [{ field: 'closedReason', to: body.reason }], note: body.note ?? null }])
      await recordAudit(tx, ctx, { action: 'child.close', result: 'success', targetType: 'child', targetId: id })
      // A closed file's live pairing ends with it (pairings/exits.ts).
      await closePairingsOfChild(tx, id, body.reason, ctx)
      return redactFullFile(await candidateOf(tx, deps, fileFromRow((await repo.findChild(tx, id))!)))
    })
  }

  return { create, update, close }
}
