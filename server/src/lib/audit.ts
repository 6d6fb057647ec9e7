/**
 * Writes one row of the append-only audit trail, inside the caller's transaction so the record and
 * the action commit or fail together. Holds ids and field names only, never personal data.
 */
import type { FastifyRequest } from 'fastify'
import type { Role } from '@qstx/shared'
import type { Tx } from '../db/prisma'

export interface AuditContext {
  requestId: string
  ip: string
  actorUserId: string | null
  actorRole: Role | null
  regionCode: string | null
  at: Date
}

export function auditContext(request: FastifyRequest): AuditContext {
  return {
    requestId: String(request.id),
    ip: request.ip,
    actorUserId: request.actor?.userId ?? request.userId ?? null,
    actorRole: request.actor?.role ?? null,
    regionCode: request.actor?.regionCode ?? null,
    at: request.server.clock.now(),
  }
}

export interface AuditEntry {
  action: string
  result: 'success' | 'failure' | 'denied'
  targetType?: string
  targetId?: string
  fieldsRevealed?: string[]
  /** Overrides the context's actor (e.g. a sign-in, where the actor becomes known only now). */
  actorUserId?: string | null
  actorRole?: Role | null
  regionCode?: string | null
}

export function recordAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry) {
  return tx.auditLog.create({
    data: {
      at: ctx.at,
      actorUserId: entry.actorUserId !== undefined ? entry.actorUserId : ctx.actorUserId,
      actorRole: entry.actorRole !== undefined ? entry.actorRole : ctx.actorRole,
      regionCode: entry.regionCode !== undefined ? entry.regionCode : ctx.regionCode,
      action: entry.action,
      result: entry.result,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      fieldsRevealed: entry.fieldsRevealed ?? [],
      requestId: ctx.requestId,
      ip: ctx.ip,
    },
  })
}
