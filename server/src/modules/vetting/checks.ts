/**
 * The coordinator's checks, recorded piece by piece as they happen (an interview one day, the
 * criminal-record query's answer weeks later). Each piece must make sense with the rest: a
 * verified identity has a date, a query result has the date it came, training names its course.
 */
import { chinaDate, type RecordChecksBody } from '@qstx/shared'
import type { Prisma } from '../../generated/prisma/client'
import { AppError } from '../../lib/app-error'
import type { VolunteerRow } from '../volunteers/repository'

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
export const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)

export function checksView(v: VolunteerRow) {
  return {
    identityVerified: v.identityVerified,
    identityVerifiedOn: isoDay(v.identityVerifiedOn),
    criminalRecordResult: v.criminalRecordResult,
    criminalRecordCheckedOn: isoDay(v.criminalRecordCheckedOn),
    trainingCompletedOn: isoDay(v.trainingCompletedOn),
    trainingCourse: v.trainingCourse,
    interviewNote: v.interviewNote,
  }
}

/** The columns to write, or VALIDATION_FAILED naming each field that does not fit. */
export function checkChanges(v: VolunteerRow, body: RecordChecksBody, now: Date): Prisma.VolunteerUpdateManyMutationInput {
  const next = { ...checksView(v), ...body }
  const errors: Record<string, string> = {}
  const today = chinaDate(now)
  for (const key of ['identityVerifiedOn', 'criminalRecordCheckedOn', 'trainingCompletedOn'] as const) {
    if (body[key] && body[key] > today) errors[key] = '日期不能晚于今天'
  }
  // Unticking "verified" clears its date; ticking it needs one.
  if (body.identityVerified === false) next.identityVerifiedOn = null
  if (next.identityVerified && !next.identityVerifiedOn) errors.identityVerifiedOn = '请填写当面核验身份的日期'
  if (!next.identityVerified && body.identityVerifiedOn) errors.identityVerified = '请确认已当面核验身份'
  if ((next.criminalRecordResult === 'clear' || next.criminalRecordResult === 'not_clear') && !next.criminalRecordCheckedOn) {
    errors.criminalRecordCheckedOn = '请填写收到查询结果的日期'
  }
  if (next.criminalRecordCheckedOn && !next.criminalRecordResult) errors.criminalRecordResult = '请选择入职查询结果'
  if (next.trainingCompletedOn && !next.trainingCourse) errors.trainingCourse = '请填写培训课程名称'
  if (next.trainingCourse && !next.trainingCompletedOn) errors.trainingCompletedOn = '请填写培训完成日期'
  if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', undefined, errors)
  return {
    identityVerified: next.identityVerified,
    identityVerifiedOn: next.identityVerifiedOn ? day(next.identityVerifiedOn) : null,
    criminalRecordResult: next.criminalRecordResult,
    criminalRecordCheckedOn: next.criminalRecordCheckedOn ? day(next.criminalRecordCheckedOn) : null,
    trainingCompletedOn: next.trainingCompletedOn ? day(next.trainingCompletedOn) : null,
    trainingCourse: next.trainingCourse,
    interviewNote: next.interviewNote,
  }
}

/** Approval needs all three: identity seen in person, a clear criminal-record query, training done. */
export function assertReadyToApprove(v: VolunteerRow): void {
  const missing: Record<string, string> = {}
  if (!v.identityVerified) missing.identityVerified = '请先当面核验身份'
  if (v.criminalRecordResult === 'not_clear') missing.criminalRecordResult = '入职查询发现违法犯罪记录，不能批准'
  else if (v.criminalRecordResult !== 'clear') missing.criminalRecordResult = '请先记录入职查询结果（无违法犯罪记录）'
  if (!v.trainingCompletedOn) missing.trainingCompletedOn = '请先记录岗前培训完成情况'
  if (Object.keys(missing).length) throw new AppError('VETTING_CHECKS_INCOMPLETE', undefined, missing)
}
