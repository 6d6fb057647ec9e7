/**
 * The file as the server holds it: the template's shape (nested like the API), dates as strings,
 * and the sensitive values still sealed (`…Enc`, AES-256-GCM). It is what a yearly snapshot stores,
 * so an archived year reads through exactly the same views as the live file, and key rotation
 * re-seals snapshots by walking their `…Enc` keys. Nothing here ever holds a plaintext ID number,
 * address or guardian phone.
 */
import type { Prisma } from '../../generated/prisma/client'
import type { ChildFullView, ParentContactMode } from '@qstx/shared'
import type { Keyring } from '../../lib/crypto'

type Json = Prisma.JsonValue
type FullView = ChildFullView

export interface SealedGuardian {
  id: string
  relation: FullView['guardians'][number]['relation']
  name: string
  phoneEnc: string | null
  /** Absent from yearly snapshots taken before masks were kept (views.ts masks those from the seal). */
  phoneMasked?: string | null
  healthy: boolean
  healthDetail: string | null
  occupation: string | null
}

/** Everything of the full view except what is derived at read time, plus the sealed values. */
export type ChildFile = Omit<FullView, 'view' | 'villageName' | 'age' | 'idNumberMasked' | 'addressMasked' | 'gradeBand' | 'guardians' | 'pairingStatus' | 'agingOut' | 'status'> & {
  idNumberEnc: string | null
  idNumberLast4: string | null
  addressEnc: string | null
  /** Kept beside the seal (columns.ts sealAddress); absent from snapshots taken before masks were kept. */
  addressMasked?: string | null
  guardians: SealedGuardian[]
}

export const childInclude = { guardians: { orderBy: { ordinal: 'asc' } } } as const satisfies Prisma.ChildInclude
export type ChildRow = Prisma.ChildGetPayload<{ include: typeof childInclude }>

type DateColumn = 'birthDate' | 'fatherAwaySince' | 'motherAwaySince' | 'filedAt' | 'riskAssessedAt' | 'consentDate' | 'entrustedSince' | 'entrustedAgreementOn' | 'entrustedAssessedOn'
type TimestampColumn = 'closedAt' | 'createdAt' | 'updatedAt'
type Unread = 'nameGrams' | 'facets' | 'idNumberIndex' | 'createdById' | 'lastContactOn' | 'lastHomeVisitOn' | 'waterSafetyOn' | 'directorUserId'
/**
 * What fileFromRow reads: a Prisma row, or the hot paths' SQL row (repository.ts), which arrives as
 * one JSON value: `date` columns as 'YYYY-MM-DD' text (cast in SQL: node-postgres would parse them
 * at local midnight, a day off east of UTC), timestamps as ISO text, guardians as objects.
 */
export type ChildFileRow = Omit<ChildRow, DateColumn | TimestampColumn | Unread | 'guardians'> & { [K in DateColumn | TimestampColumn]: Exclude<ChildRow[K], Date> | Date | string } & {
  guardians: Array<Pick<ChildRow['guardians'][number], 'id' | 'relation' | 'name' | 'phoneEnc' | 'phoneMasked' | 'healthy' | 'healthDetail' | 'occupation'>>
}

/**
 * What a view shows of a sealed value: the mask kept beside the seal, or — for a value sealed before
 * masks were kept (migration 20261210000000) — one made from the seal. Views, edits (which write the
 * missing mask) and db:fill-masks all go through this.
 */
export const maskOf = (keyring: Keyring, masked: string | null | undefined, sealed: string | null | undefined, mask: (plain: string) => string): string | null =>
  masked ?? (sealed ? mask(keyring.decrypt(sealed)) : null)

/** An instant as ISO text in UTC, from a Date or from PostgreSQL's JSON text (in the session's time zone). */
const iso = (d: Date | string): string => (typeof d === 'string' ? new Date(d) : d).toISOString()
/** A calendar date: 'YYYY-MM-DD' as it is, or the UTC date of an instant (as Prisma's @db.Date arrives). */
const day = (d: Date | string | null): string | null => (typeof d === 'string' && d.length === 10 ? d : d ? iso(d).slice(0, 10) : null)
const money = (v: Json) => (Array.isArray(v) ? (v as Array<{ kind: never; yuanPerMonth?: number | null }>).map((a) => ({ kind: a.kind, yuanPerMonth: a.yuanPerMonth ?? null })) : [])

export function fileFromRow(r: ChildFileRow): ChildFile {
  const parent = (status: ChildRow['fatherStatus'], since: Date | string | null) => (status ? { status, awaySince: day(since) } : null)
  return {
    id: r.id,
    version: r.version,
    villageCode: r.villageCode,
    name: r.name,
    displayName: r.displayName,
    gender: r.gender,
    ethnicity: r.ethnicity,
    birthDate: day(r.birthDate)!,
    idNumberEnc: r.idNumberEnc,
    idNumberLast4: r.idNumberLast4,
    addressEnc: r.addressEnc,
    addressMasked: r.addressMasked,
    hukouType: r.hukouType,
    categories: r.categories,
    difficultyKinds: r.difficultyKinds,
    singleParentFamily: r.singleParentFamily,
    school: r.schoolStage ? { stage: r.schoolStage, grade: r.schoolGrade, name: r.schoolName } : null,
    boarding: r.boarding,
    guardianship: r.guardianship,
    health: { status: r.healthStatus, detail: r.healthDetail, disabilityGrade: r.disabilityGrade },
    psychBehaviour: r.psychBehaviour,
    assistance: money(r.assistance),
    educationAid: r.educationAid,
    medicalAid: r.medicalAid,
    otherAid: r.otherAid,
    father: parent(r.fatherStatus, r.fatherAwaySince),
    mother: parent(r.motherStatus, r.motherAwaySince),
    guardians: r.guardians.map((g) => ({ id: g.id, relation: g.relation, name: g.name, phoneEnc: g.phoneEnc, phoneMasked: g.phoneMasked, healthy: g.healthy, healthDetail: g.healthDetail, occupation: g.occupation })),
    incomePerCapita: r.incomePerCapita,
    familySubsidies: money(r.familySubsidies),
    socialSupport: r.socialSupport,
    entrustedCare: r.entrustedCarer
      ? {
          carer: r.entrustedCarer, reason: r.entrustedReason, quality: r.entrustedCareQuality, carerName: r.entrustedCarerName,
          since: day(r.entrustedSince), agreementOn: day(r.entrustedAgreementOn),
          parentContact: r.parentContactFrequency ? { frequency: r.parentContactFrequency, modes: r.parentContactModes as ParentContactMode[] } : null,
          assessedOn: day(r.entrustedAssessedOn), followUp: r.entrustedFollowUp,
        }
      : null,
    careGiven: r.careGiven,
    otherNotes: r.otherNotes,
    filedByName: r.filedByName ?? '',
    filedAt: day(r.filedAt) ?? day(r.createdAt)!,
    risk: r.riskLevel && r.riskAssessedAt ? { level: r.riskLevel, assessedAt: day(r.riskAssessedAt)!, assessor: r.riskAssessor ?? '' } : null,
    nearWater: r.nearWater,
    specialAttention: r.specialAttention,
    priorityReasons: r.priorityReasons,
    interests: r.interests,
    needs: r.needs,
    serviceTips: r.serviceTips,
    directorWorkPhone: r.directorWorkPhone,
    consent:
      r.consentGivenBy && r.consentDate && r.consentRelation && r.consentMethod
        ? { givenBy: r.consentGivenBy, relation: r.consentRelation, date: day(r.consentDate)!, method: r.consentMethod }
        : null,
    closed: r.closedAt && r.closedReason ? { at: iso(r.closedAt), reason: r.closedReason, note: r.closedNote } : null,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  }
}

/** Fields whose values history never records (sealed at rest): only the fact of a change. */
const SEALED_FIELDS: Record<string, string> = { idNumberEnc: 'idNumber', addressEnc: 'address' }
const NOT_TRACKED = new Set(['id', 'version', 'createdAt', 'updatedAt', 'idNumberLast4', 'addressMasked', 'villageCode', 'closed'])

export interface FieldChange {
  field: string
  from?: unknown
  to?: unknown
}

/**
 * What changed between two versions of a file, field by field. Sealed fields are compared by
 * ciphertext: the service keeps the old ciphertext when the plaintext is unchanged, so a changed
 * ciphertext is a changed value. Guardians are compared without their phones; a changed phone is
 * recorded as `guardianPhone` with no value.
 */
export function diffFiles(before: ChildFile, after: ChildFile): FieldChange[] {
  const changes: FieldChange[] = []
  for (const key of Object.keys(after) as Array<keyof ChildFile>) {
    if (NOT_TRACKED.has(key)) continue
    if (key === 'guardians') {
      const strip = (gs: SealedGuardian[]) => gs.map(({ phoneEnc: _p, phoneMasked: _m, id: _i, ...rest }) => rest)
      if (JSON.stringify(strip(before.guardians)) !== JSON.stringify(strip(after.guardians))) {
        changes.push({ field: 'guardians', from: strip(before.guardians), to: strip(after.guardians) })
      }
      const phones = (gs: SealedGuardian[]) => JSON.stringify(gs.map((g) => g.phoneEnc))
      if (phones(before.guardians) !== phones(after.guardians)) changes.push({ field: 'guardianPhone' })
      continue
    }
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue
    const sealed = SEALED_FIELDS[key]
    changes.push(sealed ? { field: sealed } : { field: key, from: before[key], to: after[key] })
  }
  return changes
}
