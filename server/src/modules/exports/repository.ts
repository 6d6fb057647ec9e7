/**
 * What the exports read and keep. Every function takes the transaction client (or the pool), and
 * every read of children, visits and pairings is bounded by a region prefix the service checked.
 */
import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'
import type { AuditSubjects } from '../../lib/audit'
import type { ChildRow } from '../children/file'

export interface LedgerIdRow {
  id: string
  /** The village the file belonged to that year (the archived record's, else the live file's). */
  villageCode: string
  /** True when the year was handed over: the export shows the archived snapshot. */
  archived: boolean
}

export interface LedgerScope {
  prefix: string
  year: number
  /** The year's first and next year's first instant in China. */
  yearStart: Date
  yearEnd: Date
  childId?: string
}

/**
 * The children of a region's ledger for one year, in print order (village, name). A handed-over
 * year counts where it was handed over — the township that received it still exports it after the
 * child moved away — and a live file counts when it was open at some time of that year.
 */
export function ledgerChildIds(tx: Tx, s: LedgerScope): Promise<LedgerIdRow[]> {
  return tx.$queryRawUnsafe<LedgerIdRow[]>(
    `SELECT id, "villageCode", archived FROM (
       SELECT r."childId" AS id, r."villageCode", true AS archived, c.name
         FROM child_year_records r JOIN children c ON c.id = r."childId"
        WHERE r.year = $1 AND r."archivedAt" IS NOT NULL AND r."villageCode" LIKE $2
       UNION ALL
       SELECT c.id, c."villageCode", false, c.name
         FROM children c
        WHERE c."villageCode" LIKE $2 AND c."createdAt" < $4 AND (c."closedAt" IS NULL OR c."closedAt" >= $3)
          AND NOT EXISTS (SELECT 1 FROM child_year_records r WHERE r."childId" = c.id AND r.year = $1 AND r."archivedAt" IS NOT NULL)
     ) x
     WHERE ($5::uuid IS NULL OR id = $5::uuid)
     ORDER BY "villageCode", name, id`,
    s.year, `${s.prefix}%`, s.yearStart, s.yearEnd, s.childId ?? null,
  )
}

/**
 * The files of a batch with their guardians, in the shape children/file.ts reads (ChildRow). One
 * plain query rather than findMany + include: for a county's 50,000 files it allocates a fraction of
 * the objects (the export's memory budget is 150 MB) and takes half the time. Enum arrays come back
 * as text[] so they arrive as arrays; the search columns (nameGrams, facets) are not read.
 */
export function liveChildren(tx: Tx, ids: string[]): Promise<ChildRow[]> {
  return tx.$queryRawUnsafe<ChildRow[]>(
    `SELECT ${CHILD_COLUMNS},
            (SELECT coalesce(json_agg(json_build_object('id', g.id, 'relation', g.relation, 'name', g.name, 'phoneEnc', g."phoneEnc",
                                                        'healthy', g.healthy, 'healthDetail', g."healthDetail", 'occupation', g.occupation) ORDER BY g.ordinal), '[]')
               FROM child_guardians g WHERE g."childId" = c.id) AS guardians
       FROM children c WHERE c.id = ANY($1::uuid[])`,
    ids,
  )
}

const ENUM_ARRAYS = ['categories', 'difficultyKinds', 'specialAttention', 'priorityReasons']
const PLAIN = [
  'id', 'version', 'villageCode', 'name', 'displayName', 'gender', 'ethnicity', 'birthDate', 'idNumberEnc', 'idNumberLast4', 'addressEnc', 'hukouType',
  'singleParentFamily', 'schoolStage', 'schoolGrade', 'schoolName', 'boarding', 'guardianship', 'healthStatus', 'healthDetail', 'disabilityGrade',
  'psychBehaviour', 'assistance', 'educationAid', 'medicalAid', 'otherAid', 'fatherStatus', 'fatherAwaySince', 'motherStatus', 'motherAwaySince',
  'incomePerCapita', 'familySubsidies', 'socialSupport', 'entrustedCarer', 'entrustedReason', 'entrustedCareQuality', 'careGiven', 'otherNotes',
  'entrustedCarerName', 'entrustedSince', 'entrustedAgreementOn', 'parentContactFrequency', 'parentContactModes', 'entrustedAssessedOn', 'entrustedFollowUp',
  'filedByName', 'filedAt', 'riskLevel', 'riskAssessedAt', 'riskAssessor', 'nearWater', 'interests', 'needs', 'serviceTips', 'directorWorkPhone',
  'consentGivenBy', 'consentRelation', 'consentDate', 'consentMethod', 'closedAt', 'closedReason', 'closedNote', 'createdAt', 'updatedAt',
]
const CHILD_COLUMNS = [...PLAIN.map((c) => `c."${c}"`), ...ENUM_ARRAYS.map((c) => `c."${c}"::text[] AS "${c}"`)].join(', ')

export function archivedSnapshots(tx: Tx, ids: string[], year: number) {
  return tx.childYearRecord.findMany({ where: { childId: { in: ids }, year, archivedAt: { not: null } }, select: { childId: true, snapshot: true } })
}

/** The directors' contacts and home visits of the year (the form's Q1–Q4 rows), oldest first. */
export function visitsOf(tx: Tx, ids: string[], from: Date, to: Date) {
  return tx.directorVisit.findMany({
    where: { childId: { in: ids }, visitedOn: { gte: from, lte: to } },
    select: { childId: true, kind: true, visitedOn: true, problems: true, measures: true },
    orderBy: [{ visitedOn: 'asc' }, { createdAt: 'asc' }],
  })
}

const volunteerSelect = { realName: true, phoneEnc: true, workUnit: true, team: { select: { name: true } } } as const

/** Pairings that were under way at some time of the year (started by its end, not ended before it). */
const ledgerPairingWhere = (ids: string[], yearStart: Date, lastDay: Date): Prisma.PairingWhereInput => ({
  childId: { in: ids }, state: { in: ['active', 'paused', 'ended'] }, startDate: { lte: lastDay }, OR: [{ endedAt: null }, { endedAt: { gte: yearStart } }],
})

export function pairingsOf(tx: Tx, ids: string[], yearStart: Date, lastDay: Date) {
  return tx.pairing.findMany({
    where: ledgerPairingWhere(ids, yearStart, lastDay),
    select: { childId: true, state: true, startDate: true, endedAt: true, volunteer: { select: volunteerSelect } },
    orderBy: [{ startDate: 'desc' }, { id: 'asc' }],
  })
}

/** The first (longest-serving) active director of each village, for the pairing block. */
export async function villageDirectors(tx: Tx, villages: string[]): Promise<Map<string, string>> {
  const rows = await tx.roleAssignment.findMany({
    where: { role: 'child_director', regionCode: { in: villages }, revokedAt: null, user: { disabledAt: null } },
    orderBy: { createdAt: 'asc' },
    select: { regionCode: true, user: { select: { displayName: true } } },
  })
  const out = new Map<string, string>()
  for (const r of rows) if (!out.has(r.regionCode)) out.set(r.regionCode, r.user.displayName)
  return out
}

// ── the pairing ledger ──────────────────────────────────────────────────────────────────────────

export interface PairingLedgerScope {
  prefix: string
  /** Only pairings under way at some time of the year. */
  year?: { start: Date; lastDay: Date }
}

function pairingWhere(s: PairingLedgerScope): Prisma.PairingWhereInput {
  const where: Prisma.PairingWhereInput = { villageCode: { startsWith: s.prefix } }
  if (s.year) {
    Object.assign(where, {
      state: { in: ['active', 'paused', 'ended'] },
      startDate: { lte: s.year.lastDay },
      OR: [{ endedAt: null }, { endedAt: { gte: s.year.start } }],
    } satisfies Prisma.PairingWhereInput)
  }
  return where
}

// ── who an export held (audit_subjects) ─────────────────────────────────────────────────────────

/** A child ledger's people: its children and, when it shows pairings, their volunteers that year. */
export async function childLedgerSubjects(tx: Tx, ids: string[], s: LedgerScope, withPairings: boolean): Promise<AuditSubjects> {
  const volunteers: string[] = []
  const lastDay = new Date(`${s.year}-12-31T00:00:00Z`)
  for (let at = 0; withPairings && at < ids.length; at += 5_000) {
    const rows = await tx.pairing.findMany({ where: ledgerPairingWhere(ids.slice(at, at + 5_000), s.yearStart, lastDay), select: { volunteerId: true } })
    volunteers.push(...rows.map((r) => r.volunteerId))
  }
  return { children: ids, volunteers }
}

/** A pairing ledger's people: both sides of every pairing it lists. */
export async function pairingLedgerSubjects(tx: Tx, s: PairingLedgerScope): Promise<AuditSubjects> {
  const rows = await tx.pairing.findMany({ where: pairingWhere(s), select: { childId: true, volunteerId: true } })
  return { children: rows.map((r) => r.childId), volunteers: rows.map((r) => r.volunteerId) }
}

export function countPairings(tx: Tx, s: PairingLedgerScope) {
  return tx.pairing.count({ where: pairingWhere(s) })
}

/** One page of the pairing ledger in print order (village, proposed), keyset on id. */
export function pairingLedgerPage(tx: Tx, s: PairingLedgerScope, skip: number, take: number) {
  return tx.pairing.findMany({
    where: pairingWhere(s),
    orderBy: [{ villageCode: 'asc' }, { proposedAt: 'asc' }, { id: 'asc' }],
    skip,
    take,
    select: {
      id: true, villageCode: true, state: true, proposedAt: true, approvedAt: true, startDate: true, pausedAt: true, pauseReason: true,
      endedAt: true, endReason: true, endNote: true, declinedAt: true, declineReason: true, lastConfirmedContactAt: true, approvedById: true,
      child: {
        select: {
          id: true, name: true, gender: true, birthDate: true, categories: true, priorityReasons: true, idNumberEnc: true, directorWorkPhone: true,
          guardians: { orderBy: { ordinal: 'asc' }, select: { relation: true, name: true, phoneEnc: true } },
        },
      },
      volunteer: { select: { realName: true, kind: true, phoneEnc: true, workUnit: true, team: { select: { name: true } } } },
    },
  })
}
export type PairingLedgerRow = Awaited<ReturnType<typeof pairingLedgerPage>>[number]

export function userNames(tx: Tx, ids: string[]) {
  return tx.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } })
}

// ── background exports and their sealed file pieces ────────────────────────────────────────────

export function createExport(tx: Tx, data: Prisma.ExportUncheckedCreateInput) {
  return tx.export.create({ data })
}

export function findExport(tx: Tx, id: string) {
  return tx.export.findUnique({ where: { id } })
}

export function findExportByTokenHash(tx: Tx, tokenHash: string) {
  return tx.export.findUnique({ where: { tokenHash } })
}

/** A queued or running export of the same person with the same query: asked twice, made once. */
export function findSameExport(tx: Tx, q: { userId: string; kind: Prisma.ExportUncheckedCreateInput['kind']; format: Prisma.ExportUncheckedCreateInput['format']; regionCode: string; role: Prisma.ExportUncheckedCreateInput['role']; params: Prisma.InputJsonValue }) {
  return tx.export.findFirst({
    where: { userId: q.userId, role: q.role, kind: q.kind, format: q.format, regionCode: q.regionCode, status: { in: ['queued', 'running'] }, params: { equals: q.params } },
    orderBy: { createdAt: 'desc' },
  })
}

/** Claims a queued export for this worker run; false when another run has it. */
export async function claimExport(tx: Tx, id: string, at: Date): Promise<boolean> {
  const { count } = await tx.export.updateMany({ where: { id, status: 'queued' }, data: { status: 'running', startedAt: at } })
  return count === 1
}

export function updateExport(tx: Tx, id: string, data: Prisma.ExportUncheckedUpdateInput) {
  return tx.export.update({ where: { id }, data })
}

export function insertChunk(tx: Tx, exportId: string, seq: number, data: Uint8Array<ArrayBuffer>) {
  return tx.exportChunk.create({ data: { exportId, seq, data } })
}

export function deleteChunks(tx: Tx, exportId: string) {
  return tx.exportChunk.deleteMany({ where: { exportId } })
}

export function chunkCount(tx: Tx, exportId: string) {
  return tx.exportChunk.count({ where: { exportId } })
}

export function readChunk(tx: Tx, exportId: string, seq: number) {
  return tx.exportChunk.findUnique({ where: { exportId_seq: { exportId, seq } }, select: { data: true } })
}

/** Done exports whose link has run out, and ones stuck queued or running since before `staleBefore`. */
export function exportsToPurge(tx: Tx, now: Date, staleBefore: Date) {
  return tx.export.findMany({
    where: {
      OR: [
        { status: 'done', expiresAt: { lte: now } },
        { status: { in: ['running', 'queued'] }, createdAt: { lt: staleBefore } },
      ],
    },
    select: { id: true, status: true },
    take: 100,
  })
}
