/**
 * The volunteer's rules. Sign-up is self-service: a person reaches only their own application
 * (found by their user id), so there is no region scope here; coordinators reach applications
 * through vetting/policy.ts. What a pairing may use is decided here too.
 */
import { DRAFT_STATUSES, EDITABLE_STATUSES, canTransition, type VolunteerStatus } from '@qstx/shared'
import type { Tx } from '../../db/prisma'
import { AppError, notFound } from '../../lib/app-error'

/** 'draft' saves a half-finished form; 'edit' changes a submitted or approved profile. */
export function assertMayEdit(status: VolunteerStatus, mode: 'draft' | 'edit'): void {
  if (!(mode === 'draft' ? DRAFT_STATUSES : EDITABLE_STATUSES).includes(status)) {
    throw new AppError('VOLUNTEER_NOT_EDITABLE', mode === 'draft' && status !== 'rejected' && status !== 'withdrawn' ? '报名已经提交，请在个人资料中修改' : undefined)
  }
}

export function assertMaySubmit(status: VolunteerStatus): void {
  if (!canTransition(status, 'submit')) throw new AppError('VOLUNTEER_NOT_EDITABLE', '报名已经提交过了')
}

export function assertMayWithdraw(status: VolunteerStatus): void {
  if (!canTransition(status, 'withdraw')) throw new AppError('VOLUNTEER_NOT_EDITABLE', '报名已经结束')
}

/**
 * Only approved volunteers can be paired (issue #7 calls this inside its own transaction). Locks
 * the volunteer's row until that transaction ends, so a suspension or withdrawal cannot slip in
 * between this check and the pairing's insert.
 */
export async function assertPairable(tx: Tx, volunteerId: string): Promise<{ id: string; userId: string; serviceRegionCode: string; capacity: number }> {
  const rows = await tx.$queryRaw<Array<{ id: string; userId: string; status: VolunteerStatus; serviceRegionCode: string | null; capacity: number }>>`
    SELECT "id", "userId", "status", "serviceRegionCode", "capacity" FROM "volunteers" WHERE "id" = ${volunteerId}::uuid FOR UPDATE`
  const v = rows[0]
  if (!v) throw notFound()
  if (v.status !== 'approved' || !v.serviceRegionCode) throw new AppError('VOLUNTEER_NOT_PAIRABLE')
  return { id: v.id, userId: v.userId, serviceRegionCode: v.serviceRegionCode, capacity: v.capacity }
}
