import type { Tx } from '../../db/prisma'

export function listForUser(tx: Tx, recipientUserId: string, take: number) {
  return tx.notification.findMany({ where: { recipientUserId }, orderBy: { createdAt: 'desc' }, take })
}

export function countUnread(tx: Tx, recipientUserId: string) {
  return tx.notification.count({ where: { recipientUserId, readAt: null } })
}

/** Only the recipient's own notification matches: anyone else's id behaves as missing. */
export function markRead(tx: Tx, id: string, recipientUserId: string, at: Date) {
  return tx.notification.updateMany({ where: { id, recipientUserId, readAt: null }, data: { readAt: at } })
}

export function existsForUser(tx: Tx, id: string, recipientUserId: string) {
  return tx.notification.count({ where: { id, recipientUserId } }).then((n) => n > 0)
}
