import type { ConcernEventType, Role, SpecialAttention } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'
import { one, sql, type Queryable, type Sql } from '../../db/sql'
import { auditInsert, type AuditContext, type AuditEntry } from '../../lib/audit'

/** The child's row locked, with whether `userId` is its actively paired (and approved) love parent. */
export async function lockChild(tx: Tx, id: string, userId: string) {
  const [row] = await tx.$queryRaw<Array<{ villageCode: string; closedAt: Date | null; specialAttention: SpecialAttention[]; pairedWithActor: boolean }>>`
    SELECT c."villageCode", c."closedAt", c."specialAttention"::text[] AS "specialAttention",
           EXISTS (SELECT 1 FROM pairings p JOIN volunteers v ON v.id = p."volunteerId"
                    WHERE p."childId" = c.id AND p.state = 'active' AND v."userId" = ${userId}::uuid AND v.status = 'approved') AS "pairedWithActor"
      FROM children c WHERE c.id = ${id}::uuid FOR UPDATE`
  return row ?? null
}

export const insertConcern = (tx: Tx, data: {
  childId: string; signs: string[]; noticedOn: Date; description: string; recordedById: string; recordedRole: Role; attentionRaised: boolean; createdAt: Date
}) => tx.psychConcern.create({ data, select: { id: true } })

export const setAttention = (tx: Tx, childId: string, specialAttention: SpecialAttention[], at: Date) =>
  tx.child.update({ where: { id: childId }, data: { specialAttention, updatedAt: at, version: { increment: 1 } }, select: { id: true } })

/** The village's directors now serving (to be told of a love parent's concern). */
export const villageDirectors = (tx: Tx, villageCode: string) =>
  tx.roleAssignment.findMany({ where: { role: 'child_director', regionCode: villageCode, revokedAt: null, user: { disabledAt: null } }, select: { userId: true } })

export function concernHead(tx: Tx, id: string) {
  return tx.psychConcern.findUnique({ where: { id }, select: { id: true, childId: true, child: { select: { villageCode: true } }, events: { where: { type: 'closed' }, select: { id: true } } } })
}

/** Concerns of the child other than `exceptId` that are not closed. */
export const otherOpenConcerns = (tx: Tx, childId: string, exceptId: string) =>
  tx.psychConcern.count({ where: { childId, id: { not: exceptId }, events: { none: { type: 'closed' } } } })

export const insertEvent = (tx: Tx, data: { concernId: string; type: ConcernEventType; occurredOn: Date; referredTo: string | null; note: string; byUserId: string; createdAt: Date }) =>
  tx.psychConcernEvent.create({ data, select: { id: true } }).then((r) => ({ id: String(r.id) }))

export interface ConcernListRow {
  childId: string
  name: string
  specialAttention: boolean
  items: Array<{
    id: string; signs: string[]; noticedOn: string; description: string; recordedByName: string; recordedByRole: 'child_director' | 'volunteer'
    createdAt: string; events: Array<{ id: string; type: ConcernEventType; on: string; referredTo: string | null; note: string; byName: string; createdAt: string }>
  }>
}

const iso = (col: Sql) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** A child's concerns with their handling, and the audit row of the view, in one statement (none when out of reach). */
export function readConcerns(db: Queryable, o: { childId: string; where: Sql; audit: [AuditContext, AuditEntry] }) {
  return one<ConcernListRow>(db, sql`WITH c AS (
      SELECT ch.id AS "childId", ch.name, 'psych_behaviour' = ANY(ch."specialAttention"::text[]) AS "specialAttention"
        FROM children ch WHERE ch.id = ${o.childId}::uuid AND ${o.where}),
    audit AS (${auditInsert(...o.audit, sql`EXISTS (SELECT 1 FROM c)`)})
    SELECT c.*, (SELECT coalesce(json_agg(json_build_object(
               'id', k.id, 'signs', k.signs, 'noticedOn', k."noticedOn"::text, 'description', k.description, 'recordedByName', u."displayName",
               'recordedByRole', k."recordedRole", 'createdAt', ${iso(sql`k."createdAt"`)},
               'events', (SELECT coalesce(json_agg(json_build_object('id', e.id::text, 'type', e.type, 'on', e."occurredOn"::text, 'referredTo', e."referredTo",
                                    'note', e.note, 'byName', eu."displayName", 'createdAt', ${iso(sql`e."createdAt"`)}) ORDER BY e.id), '[]')
                            FROM psych_concern_events e JOIN users eu ON eu.id = e."byUserId" WHERE e."concernId" = k.id)
             ) ORDER BY k."createdAt" DESC, k.id), '[]')
            FROM psych_concerns k JOIN users u ON u.id = k."recordedById" WHERE k."childId" = c."childId") AS items
      FROM c`)
}
