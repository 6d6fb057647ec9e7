/**
 * The director's duty: directors record contacts and visits for children of their own village;
 * directors, township supervisors and county civil affairs read the calendar of their region.
 * The role is asked before the child is looked up (a role that may never do this gets the same 403
 * for an existing id as for a random one, so the answer does not tell that a child exists); then a
 * child outside the region answers 404 like a missing one.
 */
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import { sql } from '../../db/sql'
import { assertCan, inScope, scopeSql } from '../../lib/policy'

export const assertMayRecord = (actor: ScopedActor): void => assertCan(actor, 'duty.record')

export function assertMayRead(actor: ScopedActor, villageCode?: string): void {
  assertCan(actor, 'duty.read')
  if (villageCode !== undefined) assertChildInScope(actor, villageCode)
}

export function assertChildInScope(actor: ScopedActor, childVillage: string): void {
  if (!inScope(actor, childVillage)) throw notFound()
}

/** The files whose duty this actor reads, for the calendar's SQL (children aliased `ch`). */
export const dutyScopeSql = (actor: ScopedActor) => scopeSql(actor, sql`ch."villageCode"`)
