/**
 * Recording a check-in (王阿姨, step 5): from the phone, often long after the visit, retried until
 * it gets an answer — so the whole of it runs under the Idempotency-Key (lib/idempotency.ts):
 * claim, then the checks, then one statement (one transaction) that inserts the check-in and
 * stores its answer — built here first, so the write is a single round trip.
 * The checks come after the claim on purpose: a retry of a check-in that already succeeded gets
 * its 201 back even if the pairing has ended since.
 */
import { randomUUID } from 'node:crypto'
import { checkinTimeProblems, type CheckinCreated, type CreateCheckinBody } from '@qstx/shared'
import { poolOf, type Db } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError } from '../../lib/app-error'
import type { Clock } from '../../lib/clock'
import { requestHash, withIdempotency } from '../../lib/idempotency'
import type { WechatClient } from '../../wechat/client'
import { assertCan, assertOwnPairing } from './policy'
import * as repo from './repository'
import { checkCheckinText } from './sec-check'
import { checkinView, roundCoordinate } from './views'

export const CHECKIN_ROUTE = 'POST /api/checkins'

export function createRecordService({ prisma, clock, wechat }: { prisma: Db; clock: Clock; wechat: WechatClient }) {
  // The hot path's statements go straight over the pool (db/sql.ts): the claim with its read, then the insert.
  const pool = poolOf(prisma)
  async function record(actor: ScopedActor, body: CreateCheckinBody, idempotencyKey: string) {
    assertCan(actor, 'checkin.record')
    const now = clock.now()
    const input = { userId: actor.userId, key: idempotencyKey, requestHash: requestHash(CHECKIN_ROUTE, body), now }
    // The pairing is read in the claim's own round trip; a replay just drops it.
    return withIdempotency<CheckinCreated, repo.CheckinPairing>(pool, input, async (claim, [pairing]) => {
      assertOwnPairing(actor, pairing)
      // Read without a lock: a pause landing between this read and the insert still leaves a visit
      // that happened while the pairing was active — the director sees it like any other.
      if (pairing.state !== 'active') throw new AppError('CHECKIN_PAIRING_NOT_ACTIVE')
      const startedAt = new Date(body.startedAt)
      const problems = checkinTimeProblems(startedAt, body.durationMinutes, now, pairing.startDate)
      if (problems) throw new AppError('VALIDATION_FAILED', Object.values(problems)[0], problems)
      // Outside the transaction: WeChat may take a moment, and no row is locked meanwhile.
      const checked = await checkCheckinText(wechat, pairing.openid, {
        summary: body.summary, childMood: body.childMood, problemsFound: body.problemsFound, measuresSuggested: body.measuresSuggested,
      })
      const row: repo.NewCheckin = {
        id: randomUUID(), pairingId: body.pairingId, volunteerId: pairing.volunteerId, startedAt, durationMinutes: body.durationMinutes,
        contactMode: body.contactMode, serviceTypes: body.serviceTypes, summary: body.summary,
        childMood: body.childMood || null, problemsFound: body.problemsFound || null, measuresSuggested: body.measuresSuggested || null,
        latitude: body.location ? roundCoordinate(body.location.latitude) : null,
        longitude: body.location ? roundCoordinate(body.location.longitude) : null,
        worried: body.worried, secCheck: checked.secCheck, secCheckLabel: checked.label, createdAt: now,
      }
      // The client opens the safeguarding report (hotlines first) at once; the report itself is
      // POST /api/safeguarding/reports, which notifies the people who must act.
      const response = { status: 201, body: { ...checkinView(repo.pendingRow(row)), openReport: body.worried } }
      // One statement, so one transaction: the check-in and its key's answer commit together.
      if (!(await repo.insertCheckinCompleting(pool, row, claim.completion(response)))) throw new AppError('IDEMPOTENCY_IN_PROGRESS')
      return response
    }, repo.pairingForCheckinSql(body.pairingId))
  }

  return { record }
}
