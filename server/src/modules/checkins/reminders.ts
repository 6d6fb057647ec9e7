/**
 * The check-in reminders, run by the worker's crontab (jobs/worker.ts):
 *   - the village directors, when a check-in has waited 3 days for their decision;
 *   - the volunteer, when a pairing's cadence says a contact is due (or overdue).
 * Each reminder is a `reminders_sent` row — unique (kind, subjectId, dueKey) — inserted in the same
 * transaction as its notification: once per check-in, once per pairing and due date, however often
 * the job runs, restarts, or runs on two workers at once.
 */
import { CHECKIN_PAGES, chinaDate } from '@qstx/shared'
import type { Db, Tx } from '../../db/prisma'
import { deleteExpiredKeys } from '../../lib/idempotency'
import { notify } from '../../lib/notify'
import { villageDirectors } from '../pairings/repository'
import { cadenceOfPairings } from './cadence'

export const CONFIRM_REMINDER_AFTER_DAYS = 3
const DAY = 86_400_000
const BATCH = 1000

/** Inserts the reminder rows that are new; answers the subjects that were (the ones to notify now). */
async function claimReminders(tx: Tx, kind: string, items: Array<{ subjectId: string; dueKey: string }>, now: Date): Promise<Set<string>> {
  if (items.length === 0) return new Set()
  const rows = await tx.$queryRaw<Array<{ subjectId: string }>>`
    INSERT INTO "reminders_sent" ("kind", "subjectId", "dueKey", "sentAt")
    SELECT ${kind}, s, d, ${now} FROM unnest(${items.map((i) => i.subjectId)}::uuid[], ${items.map((i) => i.dueKey)}::text[]) AS t(s, d)
    ON CONFLICT ("kind", "subjectId", "dueKey") DO NOTHING RETURNING "subjectId"::text AS "subjectId"`
  return new Set(rows.map((r) => r.subjectId))
}

/** Directors: one notification per village and run, naming how many check-ins newly waited 3 days. */
export async function sendConfirmReminders(prisma: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - CONFIRM_REMINDER_AFTER_DAYS * DAY)
  const waiting = await prisma.$queryRaw<Array<{ id: string; villageCode: string }>>`
    SELECT c.id::text AS id, p."villageCode"
      FROM checkins c JOIN pairings p ON p.id = c."pairingId"
     WHERE c.status = 'pending' AND c."createdAt" <= ${cutoff}
       AND NOT EXISTS (SELECT 1 FROM reminders_sent r WHERE r.kind = 'checkin.confirm' AND r."subjectId" = c.id)
     ORDER BY c."createdAt" LIMIT ${BATCH * 10}`
  const byVillage = new Map<string, typeof waiting>()
  for (const w of waiting) byVillage.set(w.villageCode, [...(byVillage.get(w.villageCode) ?? []), w])
  let notified = 0
  for (const [villageCode, items] of byVillage) {
    notified += await prisma.$transaction(async (tx) => {
      const fresh = await claimReminders(tx, 'checkin.confirm', items.map((i) => ({ subjectId: i.id, dueKey: `${CONFIRM_REMINDER_AFTER_DAYS}d` })), now)
      if (fresh.size === 0) return 0
      const directors = await villageDirectors(tx, villageCode)
      for (const d of directors) {
        await notify(tx, { recipientUserId: d.userId, kind: 'checkin.confirm_reminder', title: '有走访记录待确认', body: `${fresh.size}条爱心家长走访记录已等待${CONFIRM_REMINDER_AFTER_DAYS}天，请尽快确认`, page: CHECKIN_PAGES.queue })
      }
      return directors.length
    })
  }
  return notified
}

const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/** Volunteers: once per pairing and due date, when the cadence says due, overdue or stale. */
export async function sendDueReminders(prisma: Db, now: Date): Promise<number> {
  const today = chinaDate(now)
  let after = '00000000-0000-0000-0000-000000000000'
  let notified = 0
  for (;;) {
    const pairings = await prisma.pairing.findMany({
      where: { state: 'active', id: { gt: after } },
      select: { id: true, state: true, villageCode: true, startDate: true, lastConfirmedContactAt: true, volunteer: { select: { userId: true } } },
      orderBy: { id: 'asc' },
      take: BATCH,
    })
    if (pairings.length === 0) return notified
    after = pairings.at(-1)!.id
    const cadence = await cadenceOfPairings(prisma, pairings, today)
    const due = pairings.flatMap((p) => {
      const c = cadence.get(p.id)
      return c && c.health !== 'on_track' ? [{ p, c }] : []
    })
    notified += await prisma.$transaction(async (tx) => {
      const fresh = await claimReminders(tx, 'checkin.due', due.map(({ p, c }) => ({ subjectId: p.id, dueKey: c.nextDueOn })), now)
      for (const { p, c } of due.filter(({ p }) => fresh.has(p.id))) {
        const body = c.nextDueOn < today ? '约定的联系时间已过，请尽快联系孩子，并在小程序中记录' : `请在${monthDay(c.nextDueOn)}前联系孩子，并在小程序中记录`
        await notify(tx, { recipientUserId: p.volunteer.userId, kind: 'checkin.due', title: '该联系结对的孩子了', body, page: CHECKIN_PAGES.create(p.id) })
      }
      return fresh.size
    })
  }
}

/** The daily clean-up of idempotency keys (8 days). */
export const cleanIdempotencyKeys = deleteExpiredKeys
