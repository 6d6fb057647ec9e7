/**
 * Who may see and keep a child's entrusted care (shared/care/permissions.ts): the file's keepers
 * read it (director, township supervisor, county civil affairs — the roles with the full file);
 * the village's director records the steps. The role is asked before the child is looked up (403
 * for any id), then the region (404 outside, exactly like a missing child).
 */
import { sql } from '../../db/sql'
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import { assertCan, inScope, scopeSql } from '../../lib/policy'

export const assertMayRead = (actor: ScopedActor): void => assertCan(actor, 'entrusted.read')
export const assertMayRecord = (actor: ScopedActor): void => assertCan(actor, 'entrusted.record')

export function assertChildInScope(actor: ScopedActor, villageCode: string | undefined): void {
  if (!inScope(actor, villageCode)) throw notFound()
}

/** The files this actor may read, for the page's SQL (children aliased `ch`). */
export const careScopeSql = (actor: ScopedActor) => scopeSql(actor, sql`ch."villageCode"`)
