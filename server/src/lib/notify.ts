/**
 * The transactional outbox. `notify` writes the in-app notification and enqueues its WeChat
 * delivery job (graphile-worker's add_job, a SQL function) on the caller's transaction: both commit
 * with the action or neither does, and the worker delivers after commit — even after a crash.
 */
import type { Tx } from '../db/prisma'

export interface NotificationInput {
  recipientUserId: string
  /** Stable kind, e.g. 'volunteer.approved'; the worker picks the WeChat template by it. */
  kind: string
  /** Short Chinese title and sentence; no child's personal data (they travel through WeChat). */
  title: string
  body: string
  /** Mini-program page to open (ids only). */
  page?: string
}

export async function notify(tx: Tx, n: NotificationInput): Promise<string> {
  const row = await tx.notification.create({
    data: { recipientUserId: n.recipientUserId, kind: n.kind, title: n.title, body: n.body, page: n.page ?? null },
    select: { id: true },
  })
  // job_key makes a retried enqueue of the same notification replace, never duplicate, the job.
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    'deliver_notification', json_build_object('id', ${row.id}::text), job_key := ${row.id}::text, max_attempts := 10)`
  return row.id
}
