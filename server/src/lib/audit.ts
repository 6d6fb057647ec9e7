/**
 * Writes one row of the append-only audit trail, inside the caller's transaction so the record and
 * the action commit or fail together. Holds ids and field names only, never personal data.
 */
import type { FastifyRequest } from 'fastify'
import type { Role } from '@qstx/shared'
import type { Tx } from '../db/prisma'
import { sql, type Sql } from '../db/sql'

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

function auditRow(ctx: AuditContext, entry: AuditEntry) {
  return {
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
  }
}

export function recordAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry) {
  return tx.auditLog.create({ data: auditRow(ctx, entry) })
}

/**
 * The same row as one INSERT for a hot path's single statement: put it in a data-modifying CTE
 * beside the read (`WITH audit AS (${auditInsert(…)}) SELECT …`), so the read and its audit row are
 * one round trip and commit together — a file is never served without its audit. Give the CTE a
 * condition (`… SELECT … WHERE EXISTS (…)`) through `when` when the row is only written if the
 * read finds something.
 */
export function auditInsert(ctx: AuditContext, entry: AuditEntry, when: Sql = sql`TRUE`): Sql {
  const r = auditRow(ctx, entry)
  return sql`INSERT INTO audit_logs ("at", "actorUserId", "actorRole", "regionCode", "action", "result", "targetType", "targetId", "fieldsRevealed", "requestId", "ip")
    SELECT ${r.at}::timestamptz, ${r.actorUserId}::uuid, ${r.actorRole}::"Role", ${r.regionCode}, ${r.action}, ${r.result}, ${r.targetType}, ${r.targetId}, ${r.fieldsRevealed}::text[], ${r.requestId}, ${r.ip}
    WHERE ${when}`
}

export type AuditSubjectKey = { auditId: bigint } | { exportId: string }
export interface AuditSubjects {
  children: Iterable<string>
  volunteers: Iterable<string>
}

/**
 * Names the people an export held (audit_subjects), in the caller's transaction. In slices, so a
 * province's ledger never becomes one enormous statement.
 */
export async function recordAuditSubjects(tx: Tx, key: AuditSubjectKey, s: AuditSubjects): Promise<void> {
  const all: Array<[type: string, id: string]> = [...[...new Set(s.children)].map((id) => ['child', id] as [string, string]), ...[...new Set(s.volunteers)].map((id) => ['volunteer', id] as [string, string])]
  const auditId = 'auditId' in key ? key.auditId : null
  const exportId = 'exportId' in key ? key.exportId : null
  for (let at = 0; at < all.length; at += 20_000) {
    const slice = all.slice(at, at + 20_000)
    await tx.$executeRaw`INSERT INTO audit_subjects ("auditId", "exportId", "subjectType", "subjectId")
      SELECT ${auditId}::bigint, ${exportId}::uuid, t, i FROM unnest(${slice.map((x) => x[0])}::text[], ${slice.map((x) => x[1])}::uuid[]) AS s(t, i)`
  }
}
