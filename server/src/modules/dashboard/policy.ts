/**
 * Dashboards and the annual report show counts, never a person: the only questions are whether the
 * role may see them (coordinators, supervisors, county civil affairs — shared/reports/permissions)
 * and whether the region asked for lies inside the viewer's own (outside answers 404, like a
 * missing record). The drill-down walks down from the viewer's region, never up past it.
 */
import { regionAncestry, type Action } from '@qstx/shared'
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import { assertCan, inScope } from '../../lib/policy'

export function figuresRegion(actor: ScopedActor, action: Action, regionCode: string | undefined): string {
  assertCan(actor, action)
  const region = regionCode ?? actor.regionCode
  if (!inScope(actor, region)) throw notFound()
  return region
}

/** The drill-down's way back: the viewer's region and every level between it and `region`. */
export function pathWithin(actor: ScopedActor, region: string): string[] {
  const ancestry = regionAncestry(region)
  return ancestry.slice(ancestry.indexOf(actor.regionCode) === -1 ? ancestry.length - 1 : ancestry.indexOf(actor.regionCode))
}
