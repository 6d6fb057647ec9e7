/**
 * Director staffing and training (shared/care/staffing.ts). Township supervisors and county civil
 * affairs read their region's villages and directors; a village director reads their own village
 * (to share its children out among its directors). County civil affairs keeps the training record
 * of the directors inside its county. The role is asked first (403), then the region (404 outside).
 */
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import { assertCan, inScope } from '../../lib/policy'

export function staffingRegion(actor: ScopedActor, regionCode: string | undefined): string {
  assertCan(actor, 'staffing.read')
  const region = regionCode ?? actor.regionCode
  if (!inScope(actor, region)) throw notFound()
  return region
}

/** A director's training record opens to whoever may read staffing where that director serves. */
export function assertMayReadDirector(actor: ScopedActor, villages: readonly string[]): void {
  if (!villages.some((v) => inScope(actor, v))) throw notFound()
}

export const assertMayRecordTraining = (actor: ScopedActor): void => assertCan(actor, 'training.record')

/** Every director named must serve inside the recorder's region; one outside reads as missing. */
export function assertDirectorsInScope(actor: ScopedActor, found: ReadonlyMap<string, string>, asked: readonly string[]): void {
  if (asked.some((id) => !inScope(actor, found.get(id)))) throw notFound()
}

export const assertMayAssign = (actor: ScopedActor): void => assertCan(actor, 'staffing.assign')
export const assertChildInScope = (actor: ScopedActor, villageCode: string | undefined): void => {
  if (!inScope(actor, villageCode)) throw notFound()
}
