/**
 * Staffing's reads: villages with their served children and directors, directors with their
 * training, and the grouped figures the dashboards and the annual report show. Directors are the
 * active child_director assignments of people whose account is not disabled.
 */
import { EXTRA_DIRECTOR_ABOVE } from '@qstx/shared'
import type { Tx } from '../../db/prisma'

const activeDirectors = `SELECT ra."userId", ra."regionCode", ra."createdAt" FROM role_assignments ra JOIN users u ON u.id = ra."userId"
  WHERE ra.role = 'child_director' AND ra."revokedAt" IS NULL AND u."disabledAt" IS NULL AND ra."regionCode" LIKE $1`

export function villages(tx: Tx, prefix: string) {
  return tx.$queryRawUnsafe<Array<{ code: string; name: string; children: number; directors: number }>>(
    `WITH k AS (SELECT "villageCode" AS code, count(*)::int AS n FROM children WHERE "villageCode" LIKE $1 AND "closedAt" IS NULL GROUP BY 1),
          d AS (SELECT "regionCode" AS code, count(DISTINCT "userId")::int AS n FROM (${activeDirectors}) x GROUP BY 1)
     SELECT coalesce(k.code, d.code) AS code, coalesce(r.name, k.code, d.code) AS name, coalesce(k.n, 0) AS children, coalesce(d.n, 0) AS directors
       FROM k FULL JOIN d ON d.code = k.code LEFT JOIN regions r ON r.code = coalesce(k.code, d.code)
      ORDER BY 1`,
    `${prefix}%`,
  )
}

/** Directors of the region, with their training; `firstDay`/`lastDay` bound the training year (YYYY-MM-DD). */
export function directors(tx: Tx, prefix: string, firstDay: string, lastDay: string) {
  return tx.$queryRawUnsafe<Array<{ userId: string; name: string; villageCode: string; villageName: string; assigned: number; lastTrainedOn: string | null; trainedThisYear: boolean }>>(
    `SELECT a."userId", u."displayName" AS name, a."regionCode" AS "villageCode", coalesce(r.name, a."regionCode") AS "villageName",
            (SELECT count(*)::int FROM children c WHERE c."villageCode" = a."regionCode" AND c."closedAt" IS NULL AND c."directorUserId" = a."userId") AS assigned,
            (SELECT max(t."trainedOn")::text FROM director_trainings t WHERE t."userId" = a."userId") AS "lastTrainedOn",
            EXISTS (SELECT 1 FROM director_trainings t WHERE t."userId" = a."userId" AND t."trainedOn" BETWEEN $2::date AND $3::date) AS "trainedThisYear"
       FROM (${activeDirectors}) a JOIN users u ON u.id = a."userId" LEFT JOIN regions r ON r.code = a."regionCode"
      ORDER BY a."regionCode", a."createdAt", u."displayName"`,
    `${prefix}%`, firstDay, lastDay,
  )
}

export function villageChildren(tx: Tx, villageCode: string) {
  return tx.child.findMany({ where: { villageCode, closedAt: null }, select: { id: true, name: true, directorUserId: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] })
}

/** The villages each person directs now (none: not a director, or no longer). */
export async function directorVillages(tx: Tx, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await tx.roleAssignment.findMany({
    where: { userId: { in: [...userIds] }, role: 'child_director', revokedAt: null, user: { disabledAt: null } },
    select: { userId: true, regionCode: true }, orderBy: { createdAt: 'asc' },
  })
  const out = new Map<string, string[]>()
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.regionCode])
  return out
}

export function trainingsOf(tx: Tx, userId: string) {
  return tx.directorTraining.findMany({ where: { userId }, orderBy: [{ trainedOn: 'desc' }, { createdAt: 'desc' }], include: { recordedBy: { select: { displayName: true } } } })
}

export function insertTrainings(tx: Tx, rows: Array<{ userId: string; regionCode: string; trainedOn: Date; course: string; organiser: string; hours: number; recordedById: string; createdAt: Date }>) {
  return tx.directorTraining.createMany({ data: rows })
}

export function assignDirector(tx: Tx, childId: string, directorUserId: string | null) {
  return tx.child.update({ where: { id: childId }, data: { directorUserId }, select: { id: true } })
}

export interface StaffingFigureRow {
  code: string
  villagesNeedingDirector: number
  directors: number
  directorsUntrained: number
}

/**
 * Per sub-region (`len` digits): villages needing a director (none while children are served, or
 * more than EXTRA_DIRECTOR_ABOVE children with only one — shared staffingFlag), directors, and
 * directors without a training between `firstDay` and `lastDay`.
 */
export function staffingFigures(tx: Tx, prefix: string, len: number, firstDay: string, lastDay: string) {
  return tx.$queryRawUnsafe<StaffingFigureRow[]>(
    `WITH k AS (SELECT "villageCode" AS code, count(*)::int AS n FROM children WHERE "villageCode" LIKE $1 AND "closedAt" IS NULL GROUP BY 1),
          a AS (${activeDirectors}),
          d AS (SELECT "regionCode" AS code, count(DISTINCT "userId")::int AS n FROM a GROUP BY 1),
          v AS (SELECT coalesce(k.code, d.code) AS code, coalesce(k.n, 0) AS children, coalesce(d.n, 0) AS directors FROM k FULL JOIN d ON d.code = k.code),
          t AS (SELECT a."regionCode" AS code, a."userId",
                       NOT EXISTS (SELECT 1 FROM director_trainings x WHERE x."userId" = a."userId" AND x."trainedOn" BETWEEN $3::date AND $4::date) AS untrained
                  FROM (SELECT DISTINCT ON ("userId") "userId", "regionCode" FROM a ORDER BY "userId", "createdAt") a)
     SELECT code, sum(needs)::int AS "villagesNeedingDirector", sum(dirs)::int AS directors, sum(untrained)::int AS "directorsUntrained" FROM (
       SELECT left(v.code, $2) AS code,
              CASE WHEN (v.directors = 0 AND v.children > 0) OR (v.directors > 0 AND v.directors < CASE WHEN v.children > $5 THEN 2 ELSE 1 END) THEN 1 ELSE 0 END AS needs,
              0 AS dirs, 0 AS untrained FROM v
       UNION ALL
       SELECT left(t.code, $2), 0, 1, CASE WHEN t.untrained THEN 1 ELSE 0 END FROM t) x
     GROUP BY code`,
    `${prefix}%`, len, firstDay, lastDay, EXTRA_DIRECTOR_ABOVE,
  )
}
