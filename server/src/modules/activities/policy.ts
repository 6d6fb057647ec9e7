/**
 * Care activities (shared/care/activities.ts). Coordinators, team leaders and directors record an
 * activity held in a village inside their region; the same roles and the township and county read
 * them; the village's director confirms the volunteers' hours, as for check-ins. Children are named
 * by file only by roles that have a view of files (directors, coordinators), and only files inside
 * their region; team leaders give the count. The role is asked first (403), then the region (404).
 */
import { isWithinRegion, regionLevel } from '@qstx/shared'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { assertCan, inScope } from '../../lib/policy'
import { ROLE_VIEWS } from '../children/policy'

export const assertMayRecord = (actor: ScopedActor): void => assertCan(actor, 'activity.record')
export const assertMayRead = (actor: ScopedActor): void => assertCan(actor, 'activity.read')
export const assertMayConfirm = (actor: ScopedActor): void => assertCan(actor, 'activity.confirm')

export function assertInScope(actor: ScopedActor, villageCode: string | undefined): void {
  if (!inScope(actor, villageCode)) throw notFound()
}

/** Where an activity is recorded: a village inside the recorder's region. */
export function assertVillage(actor: ScopedActor, villageCode: string): void {
  assertInScope(actor, villageCode)
  if (regionLevel(villageCode) !== 'village') throw new AppError('VALIDATION_FAILED', '请选择活动所在的村（社区）', { villageCode: '请选择活动所在的村（社区）' })
}

export const mayNameChildren = (actor: ScopedActor): boolean => ROLE_VIEWS[actor.role].file !== null

/**
 * The volunteers a recorder may name: a team leader, the team's own members; others, approved
 * volunteers serving the village (their service area contains it) or inside the recorder's region.
 */
export function volunteerFits(actor: ScopedActor, villageCode: string, v: { status: string; serviceRegionCode: string | null; teamId: string | null }): boolean {
  if (v.status !== 'approved' || !v.serviceRegionCode) return false
  if (actor.role === 'group_leader') return !!actor.teamId && v.teamId === actor.teamId
  return isWithinRegion(villageCode, v.serviceRegionCode) || isWithinRegion(v.serviceRegionCode, actor.regionCode)
}

/** A director who is also the volunteer (two hats) does not confirm their own hours. */
export function assertNotOwnService(actor: ScopedActor, volunteerUserId: string): void {
  if (volunteerUserId === actor.userId) throw new AppError('FORBIDDEN', '不能确认自己的服务时长')
}
