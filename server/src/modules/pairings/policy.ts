/**
 * Who may do what to which pairing (ARCHITECTURE.md convention 4):
 *   may this role do this action → assertCan (shared/pairings/permissions, 403)
 *   which rows                   → the child's village inside the actor's region; a volunteer's
 *                                  own pairings by their user id. Anything else answers 404.
 *   which fields                 → the response schemas in shared/schemas/pairings.ts: staff rows
 *                                  name the child, a volunteer sees the display name only.
 * Which volunteers a coordinator may propose: approved ones serving the child's county whose
 * service area overlaps the coordinator's region (a township coordinator also reaches the
 * county-wide volunteers, not another township's).
 */
import { isWithinRegion, regionAncestry, regionLevel, type Action } from '@qstx/shared'
import { Prisma } from '../../generated/prisma/client'
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import { assertCan, digitsLiteral, inScope, withinRegionSql } from '../../lib/policy'

/**
 * The actor's pairings by the child's village, as SQL over the alias `p` (the ledger is read with
 * raw SQL, see ledger-sql.ts). A village-bound actor (a director) gets an equality, which the
 * (villageCode, stateChangedAt) index serves in order; a township or county a prefix match on the
 * pattern index, and the county named as well, for the (county, stateChangedAt) index that walks
 * one county's ledger newest first however many counties the database holds. A county's or
 * township's codes are written into the text (lib/policy withinRegionSql), so its ledger is planned
 * once knowing them; a village's stays a value (an equality plans well either way, and there are
 * tens of thousands of villages: one prepared statement each, per connection, would add up).
 */
export function pairingScopeSql(actor: ScopedActor): Prisma.Sql {
  const level = regionLevel(actor.regionCode)
  if (level === 'village') return Prisma.sql`p."villageCode" = ${actor.regionCode}`
  const prefix = withinRegionSql(Prisma.sql`p."villageCode"`, actor.regionCode)
  return level === 'county' || level === 'township' ? Prisma.sql`${prefix} AND left(p."villageCode", 6) = ${digitsLiteral(countyPrefixOf(actor.regionCode))}` : prefix
}

/** An action on one pairing: 403 for a role that may never do it, 404 outside the region. */
export function assertMayAct(actor: ScopedActor, action: Action, villageCode: string | null | undefined): void {
  assertCan(actor, action)
  if (!inScope(actor, villageCode)) throw notFound()
}

/** The child's county (6 significant digits) bounds every match. */
export const countyPrefixOf = (villageCode: string) => villageCode.slice(0, 6)

/** True when this coordinator may pair a child of `villageCode` with a volunteer serving `serviceRegion`. */
export function volunteerReachable(actor: ScopedActor, villageCode: string, serviceRegion: string | null): boolean {
  if (!serviceRegion || !serviceRegion.startsWith(countyPrefixOf(villageCode))) return false
  return isWithinRegion(serviceRegion, actor.regionCode) || regionAncestry(actor.regionCode).includes(serviceRegion)
}

/** The same overlap rule in SQL, on a volunteer's service region: inside the actor's region, or one of its ancestors. */
export function reachSql(actor: ScopedActor, serviceRegion: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${withinRegionSql(serviceRegion, actor.regionCode)} OR ${serviceRegion} = ANY (${regionAncestry(actor.regionCode)}::text[]))`
}

export { assertCan, inScope }
