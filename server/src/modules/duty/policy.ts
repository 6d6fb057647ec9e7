/**
 * The director's duty: directors record contacts and visits for children of their own village;
 * directors, township supervisors and county civil affairs read the calendar of their region.
 * A child outside the region answers 404 like a missing one.
 */
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import { assertCan, inScope, scopeWhere } from '../../lib/policy'

export function assertMayRecord(actor: ScopedActor, childVillage: string): void {
  if (!inScope(actor, childVillage)) throw notFound()
  assertCan(actor, 'duty.record')
}

export function assertMayRead(actor: ScopedActor, childVillage?: string): void {
  if (childVillage !== undefined && !inScope(actor, childVillage)) throw notFound()
  assertCan(actor, 'duty.read')
}

export const dutyScope = (actor: ScopedActor) => scopeWhere(actor, 'villageCode')
