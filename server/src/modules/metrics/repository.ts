/**
 * The figures a scrape reads from PostgreSQL, in one statement. Each is cheap at any size: the
 * job table holds only work not yet done (graphile-worker deletes finished jobs), and check-ins
 * waiting for a decision are found through their (status, createdAt) index.
 *
 * The outbox is the notifications' delivery jobs (lib/notify.ts enqueues one per notification in
 * the same transaction), so its backlog is those jobs that may still run. Job times are the
 * database's (graphile-worker stamps them with now()); a check-in's are the app clock's.
 */
import { CONFIRM_REMINDER_AFTER_DAYS } from '../checkins/reminders'
import { one, sql, type Queryable } from '../../db/sql'

export interface ScrapeFigures {
  outbox: number
  outboxAgeSeconds: number
  jobsReady: Record<string, number>
  jobsFailed: Record<string, number>
  confirmRemindersDue: number
}

export async function scrapeFigures(db: Queryable, now: Date): Promise<ScrapeFigures> {
  const due = new Date(now.getTime() - CONFIRM_REMINDER_AFTER_DAYS * 86_400_000)
  return (await one<ScrapeFigures>(db, sql`
    WITH j AS (SELECT task_identifier AS task, run_at, created_at, locked_at, attempts < max_attempts AS live FROM graphile_worker.jobs)
    SELECT
      (SELECT count(*)::int FROM j WHERE task = 'deliver_notification' AND live) AS "outbox",
      (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM j WHERE task = 'deliver_notification' AND live) AS "outboxAgeSeconds",
      (SELECT coalesce(json_object_agg(task, n), '{}') FROM (SELECT task, count(*)::int AS n FROM j WHERE live AND locked_at IS NULL AND run_at <= now() GROUP BY task) x) AS "jobsReady",
      (SELECT coalesce(json_object_agg(task, n), '{}') FROM (SELECT task, count(*)::int AS n FROM j WHERE NOT live GROUP BY task) x) AS "jobsFailed",
      (SELECT count(*)::int FROM checkins c WHERE c.status = 'pending' AND c."createdAt" <= ${due}::timestamptz
         AND NOT EXISTS (SELECT 1 FROM reminders_sent r WHERE r.kind = 'checkin.confirm' AND r."subjectId" = c.id)) AS "confirmRemindersDue"`))!
}
