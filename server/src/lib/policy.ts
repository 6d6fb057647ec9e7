/**
 * The shared half of authorization; each module's policy.ts builds on it (ARCHITECTURE.md
 * convention 4). Three separate questions:
 *   may this role do this action   → assertCan (function level, 403)
 *   which rows                     → scopeWhere / inScope (region prefix; outside answers 404)
 *   which fields                   → per-module redact functions with per-role allow-lists
 */
import { isWithinRegion, regionPrefix, roleCan, type Action } from '@qstx/shared'
import type { ScopedActor } from './actor'
import { AppError } from './app-error'

export function assertCan(actor: ScopedActor, action: Action): void {
  if (!roleCan(actor.role, action)) throw new AppError('FORBIDDEN')
}

/** True when a record's region lies inside the actor's region. */
export function inScope(actor: ScopedActor, regionCode: string | null | undefined): boolean {
  return !!regionCode && isWithinRegion(regionCode, actor.regionCode)
}

/** A Prisma `where` fragment restricting `field` to the actor's region (indexed prefix match). */
export function scopeWhere<F extends string>(actor: ScopedActor, field: F): Record<F, { startsWith: string }> {
  return { [field]: { startsWith: regionPrefix(actor.regionCode) } } as Record<F, { startsWith: string }>
}
