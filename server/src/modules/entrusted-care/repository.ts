import type { CareQuality, CarerCapacity, EntrustedCareEventType, EntrustedCarer, EntrustedFollowUp, EntrustedReason, Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'
import { one, sql, type Queryable, type Sql } from '../../db/sql'
import { auditInsert, type AuditContext, type AuditEntry } from '../../lib/audit'

/** The entrusted-care columns a step or an assessment decides on, the row locked until the transaction ends. */
export interface CareHead {
  id: string
  villageCode: string
  closedAt: Date | null
  entrustedCarer: EntrustedCarer | null
  entrustedCarerName: string | null
  entrustedCareQuality: CareQuality | null
  entrustedAssessedOn: string | null
  entrustedFollowUp: EntrustedFollowUp | null
}

export async function lockCareHead(tx: Tx, id: string): Promise<CareHead | undefined> {
  const [row] = await tx.$queryRaw<CareHead[]>`
    SELECT id, "villageCode", "closedAt", "entrustedCarer", "entrustedCarerName", "entrustedCareQuality",
           "entrustedAssessedOn"::text AS "entrustedAssessedOn", "entrustedFollowUp"
      FROM children WHERE id = ${id}::uuid FOR UPDATE`
  return row
}

export interface EventWrite {
  childId: string
  type: EntrustedCareEventType
  occurredOn: Date
  capacity?: CarerCapacity | null
  quality?: CareQuality | null
  note?: string | null
  visitId?: string | null
  fromCarer?: Prisma.InputJsonValue
  toCarer?: Prisma.InputJsonValue
  byUserId: string
  createdAt: Date
}

export const insertEvent = (tx: Tx, data: EventWrite) => tx.entrustedCareEvent.create({ data, select: { id: true } }).then((r) => ({ id: String(r.id) }))

export interface CareWrite {
  entrustedCarer?: EntrustedCarer
  entrustedCarerName?: string | null
  entrustedReason?: EntrustedReason | null
  entrustedSince?: Date | null
  entrustedAgreementOn?: Date | null
  entrustedCareQuality?: CareQuality | null
  entrustedAssessedOn?: Date | null
  entrustedFollowUp?: EntrustedFollowUp | null
}

/** The file's entrusted-care columns; the version moves on, so a form loaded before is refused (409), not silently undone. */
export function updateCare(tx: Tx, id: string, data: CareWrite, at: Date) {
  return tx.child.update({ where: { id }, data: { ...data, updatedAt: at, version: { increment: 1 } }, select: { id: true } })
}

export interface CareSqlRow {
  childId: string
  name: string
  villageName: string
  filedOn: string
  entrustedCarer: EntrustedCarer | null
  entrustedReason: EntrustedReason | null
  entrustedCareQuality: CareQuality | null
  entrustedCarerName: string | null
  entrustedSince: string | null
  entrustedAgreementOn: string | null
  parentContactFrequency: string | null
  parentContactModes: string[]
  entrustedAssessedOn: string | null
  entrustedFollowUp: EntrustedFollowUp | null
  events: Array<{
    id: string; type: EntrustedCareEventType; on: string; capacity: CarerCapacity | null; quality: CareQuality | null; note: string | null
    from: { carer: EntrustedCarer; name: string | null } | null; to: { carer: EntrustedCarer; name: string | null } | null; byName: string; createdAt: string
  }>
}

/**
 * The page in one statement (ARCHITECTURE.md "Hot paths"): the file's entrusted care, its log with
 * who recorded each step, and the audit row of the view — written only when the child is found
 * under `where`, so a miss or a child out of reach writes none.
 */
export function readCare(db: Queryable, o: { id: string; where: Sql; audit: [AuditContext, AuditEntry] }) {
  return one<CareSqlRow>(db, sql`WITH c AS (
      SELECT ch.id AS "childId", ch.name, coalesce(r.name, ch."villageCode") AS "villageName",
             ((ch."createdAt" AT TIME ZONE 'UTC') + interval '8 hours')::date::text AS "filedOn",
             ch."entrustedCarer", ch."entrustedReason", ch."entrustedCareQuality", ch."entrustedCarerName",
             ch."entrustedSince"::text AS "entrustedSince", ch."entrustedAgreementOn"::text AS "entrustedAgreementOn",
             ch."parentContactFrequency", ch."parentContactModes", ch."entrustedAssessedOn"::text AS "entrustedAssessedOn", ch."entrustedFollowUp"
        FROM children ch LEFT JOIN regions r ON r.code = ch."villageCode"
       WHERE ch.id = ${o.id}::uuid AND ${o.where}),
    audit AS (${auditInsert(...o.audit, sql`EXISTS (SELECT 1 FROM c)`)})
    SELECT c.*, (SELECT coalesce(json_agg(json_build_object(
               'id', e.id::text, 'type', e.type, 'on', e."occurredOn"::text, 'capacity', e.capacity, 'quality', e.quality, 'note', e.note,
               'from', e."fromCarer", 'to', e."toCarer", 'byName', u."displayName",
               'createdAt', to_char(e."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY e.id DESC), '[]')
            FROM entrusted_care_events e JOIN users u ON u.id = e."byUserId" WHERE e."childId" = c."childId") AS events
      FROM c`)
}
