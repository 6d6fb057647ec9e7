/**
 * The child ledger's rows, in batches, for any size of region: the ids in print order first (one
 * small query), then each batch's files, visits and pairings — the next batch is fetched while the
 * writer is busy with this one, so the database and the file generation overlap and memory holds
 * two batches at most.
 *
 * A handed-over year reads the archived snapshot (as the township received it); any other year
 * the live file. Sealed values are opened only when the viewer's columns include them.
 */
import type { LedgerFieldKey } from '@qstx/shared'
import type { Db } from '../../db/prisma'
import type { Keyring } from '../../lib/crypto'
import { regionNames } from '../children/repository'
import { fileFromRow, type ChildFile } from '../children/file'
import * as repo from './repository'

export interface LedgerVisit {
  kind: 'contact' | 'home_visit'
  visitedOn: string
  problems: string | null
  measures: string | null
}

export interface LedgerPairing {
  volunteerName: string
  volunteerPhone: string | null
  unit: string | null
  startDate: string | null
  endedOn: string | null
}

export interface LedgerGuardian {
  relation: ChildFile['guardians'][number]['relation']
  name: string
  phone: string | null
  healthy: boolean
  healthDetail: string | null
  occupation: string | null
}

export interface LedgerRecord {
  file: ChildFile
  archived: boolean
  villageCode: string
  villageName: string
  /** Opened only for viewers whose columns include them; null otherwise. */
  idNumber: string | null
  address: string | null
  guardians: LedgerGuardian[]
  visits: LedgerVisit[]
  pairings: LedgerPairing[]
  director: { name: string | null; phone: string | null }
}

export interface LedgerSourceOptions {
  prisma: Db
  keyring: Keyring
  scope: repo.LedgerScope
  fields: ReadonlySet<LedgerFieldKey>
  batchSize?: number
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)
/** A China calendar date (YYYY-MM-DD) of an instant. */
const chinaDay = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : null)

export async function ledgerIds(prisma: Db, scope: repo.LedgerScope) {
  return repo.ledgerChildIds(prisma, scope)
}

/** Yields the ledger in batches; `ids` is the list ledgerIds() returned (so the count and the file agree). */
export async function* ledgerBatches(o: LedgerSourceOptions, ids: repo.LedgerIdRow[]): AsyncGenerator<LedgerRecord[]> {
  const size = o.batchSize ?? 500
  const names = new Map<string, string>()
  const directors = new Map<string, string | null>()
  let next: Promise<LedgerRecord[]> | null = ids.length ? loadBatch(o, ids.slice(0, size), names, directors) : null
  for (let at = 0; next; at += size) {
    const current = await next
    const following = ids.slice(at + size, at + 2 * size)
    next = following.length ? loadBatch(o, following, names, directors) : null
    yield current
  }
}

async function loadBatch(o: LedgerSourceOptions, rows: repo.LedgerIdRow[], names: Map<string, string>, directors: Map<string, string | null>): Promise<LedgerRecord[]> {
  const { prisma, keyring, scope, fields } = o
  const liveIds = rows.filter((r) => !r.archived).map((r) => r.id)
  const archivedIds = rows.filter((r) => r.archived).map((r) => r.id)
  const allIds = rows.map((r) => r.id)
  const lastDay = new Date(`${scope.year}-12-31T00:00:00Z`)
  const firstDay = new Date(`${scope.year}-01-01T00:00:00Z`)
  const wantsVisits = fields.has('q1Date')
  const wantsPairings = fields.has('pairingPerson')
  const newVillages = [...new Set(rows.map((r) => r.villageCode))].filter((v) => !names.has(v))
  const [live, archived, visits, pairings, villageNames, villageDirectors] = await Promise.all([
    liveIds.length ? repo.liveChildren(prisma, liveIds) : [],
    archivedIds.length ? repo.archivedSnapshots(prisma, archivedIds, scope.year) : [],
    wantsVisits ? repo.visitsOf(prisma, allIds, firstDay, lastDay) : [],
    wantsPairings ? repo.pairingsOf(prisma, allIds, scope.yearStart, lastDay) : [],
    newVillages.length ? regionNames(prisma, newVillages) : new Map<string, string>(),
    newVillages.length ? repo.villageDirectors(prisma, newVillages) : new Map<string, string>(),
  ])
  for (const v of newVillages) {
    names.set(v, villageNames.get(v) ?? v)
    directors.set(v, villageDirectors.get(v) ?? null)
  }
  const files = new Map<string, ChildFile>([
    ...live.map((r) => [r.id, fileFromRow(r)] as const),
    ...archived.map((r) => [r.childId, r.snapshot as unknown as ChildFile] as const),
  ])
  const visitsOf = groupBy(visits, (v) => v.childId)
  const pairingsOf = groupBy(pairings, (p) => p.childId)
  const open = (sealed: string | null, key: LedgerFieldKey) => (sealed && fields.has(key) ? keyring.decrypt(sealed) : null)

  return rows.flatMap((row) => {
    const file = files.get(row.id)
    if (!file) return [] // removed between the id list and this batch: nothing to print
    return [{
      file,
      archived: row.archived,
      villageCode: row.villageCode,
      villageName: names.get(row.villageCode)!,
      idNumber: open(file.idNumberEnc, 'idNumber'),
      address: open(file.addressEnc, 'address'),
      guardians: fields.has('guardians')
        ? file.guardians.map((g) => ({ relation: g.relation, name: g.name, phone: open(g.phoneEnc, 'guardians'), healthy: g.healthy, healthDetail: g.healthDetail, occupation: g.occupation }))
        : [],
      visits: (visitsOf.get(row.id) ?? []).map((v) => ({ kind: v.kind, visitedOn: day(v.visitedOn)!, problems: v.problems, measures: v.measures })),
      pairings: (pairingsOf.get(row.id) ?? []).map((p) => ({
        volunteerName: p.volunteer.realName ?? '',
        volunteerPhone: open(p.volunteer.phoneEnc, 'pairingPerson'),
        unit: p.volunteer.workUnit ?? p.volunteer.team?.name ?? null,
        startDate: day(p.startDate),
        endedOn: p.state === 'ended' ? chinaDay(p.endedAt) : null,
      })),
      // A handed-over year names the director who kept the file that year; a live one today's.
      director: { name: row.archived ? file.filedByName || null : (directors.get(row.villageCode) ?? (file.filedByName || null)), phone: file.directorWorkPhone },
    }]
  })
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = out.get(k)
    if (list) list.push(item)
    else out.set(k, [item])
  }
  return out
}
