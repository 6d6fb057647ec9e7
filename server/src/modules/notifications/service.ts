/** A person's own notifications: no role needed, and nobody else's are reachable. */
import type { Db } from '../../db/prisma'
import { notFound } from '../../lib/app-error'
import type { Clock } from '../../lib/clock'
import * as repo from './repository'

export function createNotificationService({ prisma, clock }: { prisma: Db; clock: Clock }) {
  async function list(userId: string) {
    const [rows, unread] = await Promise.all([repo.listForUser(prisma, userId, 50), repo.countUnread(prisma, userId)])
    return {
      items: rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, page: n.page, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })),
      unread,
    }
  }

  async function markRead(userId: string, id: string) {
    const { count } = await repo.markRead(prisma, id, userId, clock.now())
    if (count === 0 && !(await repo.existsForUser(prisma, id, userId))) throw notFound()
  }

  return { list, markRead }
}
