import type { z } from 'zod'
import type { AuditQuerySchema } from '@qstx/shared'
import type { Db } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { auditScope } from './policy'
import * as repo from './repository'

export async function listAudit(prisma: Db, actor: ScopedActor, q: z.infer<typeof AuditQuerySchema>) {
  const where = {
    ...auditScope(actor),
    ...(q.actorUserId ? { actorUserId: q.actorUserId } : {}),
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.targetType ? { targetType: q.targetType } : {}),
    ...(q.targetId ? { targetId: q.targetId } : {}),
    ...(q.from || q.to ? { at: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) } } : {}),
  }
  const { rows, total } = await repo.listAudit(prisma, where, q.sort, q.page, q.pageSize)
  const ids = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is string => !!id))]
  const names = new Map((await repo.userNames(prisma, ids)).map((u) => [u.id, u.displayName]))
  return {
    items: rows.map((r) => ({
      ...r,
      id: r.id.toString(),
      at: r.at.toISOString(),
      actorName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  }
}
