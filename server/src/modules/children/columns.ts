/**
 * From what a director sends to database columns: flattening the template's groups, the defaults
 * of a new file, and sealing. A sealed value that did not change keeps its old ciphertext, so the
 * history (which compares ciphertexts) records only real changes and the key id stays stable.
 */
import { maskAddress, maskPhone, parseIdNumber, type CreateChildBody, type UpdateChildBody } from '@qstx/shared'
import type { Prisma } from '../../generated/prisma/client'
import { AppError } from '../../lib/app-error'
import type { Keyring } from '../../lib/crypto'
import { maskOf, type ChildFile } from './file'

type Body = Partial<CreateChildBody> | Omit<UpdateChildBody, 'version'>
type Data = Prisma.ChildUncheckedUpdateInput

export interface GuardianWrite {
  id?: string
  ordinal: number
  relation: ChildFile['guardians'][number]['relation']
  name: string
  phoneEnc: string | null
  phoneMasked: string | null
  healthy: boolean
  healthDetail: string | null
  occupation: string | null
}

const date = (s: string | null | undefined) => (s ? new Date(`${s}T00:00:00Z`) : null)

/** A new file's defaults, filled in where the body leaves a field out. */
export function withDefaults(body: CreateChildBody, filedByName: string, today: string): CreateChildBody {
  const given = body.name.length > 2 ? body.name.slice(-2) : body.name.slice(1)
  return {
    ethnicity: '汉族', hukouType: 'rural', difficultyKinds: [], singleParentFamily: 'no', boarding: false,
    health: { status: 'healthy' }, assistance: [], familySubsidies: [], guardians: [], nearWater: false,
    specialAttention: [], priorityReasons: [], interests: [], needs: [],
    ...body,
    displayName: body.displayName ?? (given.length > 1 ? given : `小${given}`),
    filedByName: body.filedByName ?? filedByName,
    filedAt: body.filedAt ?? today,
  }
}

/**
 * A value is sealed together with the mask every view shows of it, so reading a file decrypts
 * nothing (views.ts). Seeds and fixtures seal through these too.
 */
export const sealAddress = (keyring: Keyring, address: string) => ({ addressEnc: keyring.encrypt(address), addressMasked: maskAddress(address) })
export const sealPhone = (keyring: Keyring, phone: string) => ({ phoneEnc: keyring.encrypt(phone), phoneMasked: maskPhone(phone) })

/** Keeps the old ciphertext when the new plaintext equals what it seals. */
function reseal(keyring: Keyring, plain: string | null, old: string | null): string | null {
  if (plain === null) return null
  if (old && keyring.decrypt(old) === plain) return old
  return keyring.encrypt(plain)
}

/** Columns for the fields present in `body` (undefined = leave as is). */
export function columnsFor(body: Body, keyring: Keyring, existing: ChildFile | null, existingIndex: string | null): { data: Data; guardians?: GuardianWrite[] } {
  const d: Data = {}
  const b = body
  if (b.name !== undefined) d.name = b.name
  if (b.displayName !== undefined) d.displayName = b.displayName
  if (b.gender !== undefined) d.gender = b.gender
  if (b.ethnicity !== undefined) d.ethnicity = b.ethnicity
  if (b.birthDate !== undefined) d.birthDate = date(b.birthDate)!
  if (b.idNumber !== undefined) {
    const index = keyring.blindIndex(b.idNumber)
    if (index !== existingIndex) Object.assign(d, { idNumberEnc: keyring.encrypt(b.idNumber), idNumberIndex: index, idNumberLast4: b.idNumber.slice(-4) })
  }
  if (b.address !== undefined) Object.assign(d, { addressEnc: reseal(keyring, b.address, existing?.addressEnc ?? null), addressMasked: b.address === null ? null : maskAddress(b.address) })
  // A file sealed before masks were kept gets its address's mask with any edit (maskOf).
  else if (existing?.addressEnc && existing.addressMasked == null) d.addressMasked = maskOf(keyring, null, existing.addressEnc, maskAddress)
  if (b.hukouType !== undefined) d.hukouType = b.hukouType
  if (b.categories !== undefined) d.categories = b.categories
  if (b.difficultyKinds !== undefined) d.difficultyKinds = b.difficultyKinds
  if (b.singleParentFamily !== undefined) d.singleParentFamily = b.singleParentFamily
  if (b.school !== undefined) Object.assign(d, { schoolStage: b.school?.stage ?? null, schoolGrade: b.school?.grade ?? null, schoolName: b.school?.name ?? null })
  if (b.boarding !== undefined) d.boarding = b.boarding
  if (b.guardianship !== undefined) d.guardianship = b.guardianship
  if (b.health !== undefined) Object.assign(d, { healthStatus: b.health.status, healthDetail: b.health.detail ?? null, disabilityGrade: b.health.disabilityGrade ?? null })
  if (b.psychBehaviour !== undefined) d.psychBehaviour = b.psychBehaviour
  if (b.assistance !== undefined) d.assistance = b.assistance.map((a) => ({ kind: a.kind, yuanPerMonth: a.yuanPerMonth ?? null }))
  if (b.educationAid !== undefined) d.educationAid = b.educationAid
  if (b.medicalAid !== undefined) d.medicalAid = b.medicalAid
  if (b.otherAid !== undefined) d.otherAid = b.otherAid
  if (b.father !== undefined) Object.assign(d, { fatherStatus: b.father?.status ?? null, fatherAwaySince: date(b.father?.awaySince) })
  if (b.mother !== undefined) Object.assign(d, { motherStatus: b.mother?.status ?? null, motherAwaySince: date(b.mother?.awaySince) })
  if (b.incomePerCapita !== undefined) d.incomePerCapita = b.incomePerCapita
  if (b.familySubsidies !== undefined) d.familySubsidies = b.familySubsidies.map((a) => ({ kind: a.kind, yuanPerMonth: a.yuanPerMonth ?? null }))
  if (b.socialSupport !== undefined) d.socialSupport = b.socialSupport
  if (b.entrustedCare !== undefined) entrustedColumns(d, b.entrustedCare)
  if (b.careGiven !== undefined) d.careGiven = b.careGiven
  if (b.otherNotes !== undefined) d.otherNotes = b.otherNotes
  if (b.filedByName !== undefined) d.filedByName = b.filedByName
  if (b.filedAt !== undefined) d.filedAt = date(b.filedAt)
  if (b.risk !== undefined) Object.assign(d, { riskLevel: b.risk?.level ?? null, riskAssessedAt: date(b.risk?.assessedAt), riskAssessor: b.risk?.assessor ?? null })
  if (b.nearWater !== undefined) d.nearWater = b.nearWater
  if (b.specialAttention !== undefined) d.specialAttention = b.specialAttention
  if (b.priorityReasons !== undefined) d.priorityReasons = b.priorityReasons
  if (b.interests !== undefined) d.interests = b.interests
  if (b.needs !== undefined) d.needs = b.needs
  if (b.serviceTips !== undefined) d.serviceTips = b.serviceTips
  if (b.directorWorkPhone !== undefined) d.directorWorkPhone = b.directorWorkPhone
  if (b.consent !== undefined) {
    const c = b.consent
    Object.assign(d, { consentGivenBy: c?.givenBy ?? null, consentRelation: c?.relation ?? null, consentDate: date(c?.date), consentMethod: c?.method ?? null })
  }
  return b.guardians === undefined ? { data: d } : { data: d, guardians: guardianWrites(b.guardians, keyring, existing) }
}

/**
 * The template's three boxes are written as sent (a box left out is emptied, as before); the
 * arrangement's keys left out keep what is stored. No carer at all clears the arrangement too.
 */
function entrustedColumns(d: Data, e: Body['entrustedCare']): void {
  if (!e) {
    Object.assign(d, {
      entrustedCarer: null, entrustedReason: null, entrustedCareQuality: null, entrustedCarerName: null, entrustedSince: null,
      entrustedAgreementOn: null, parentContactFrequency: null, parentContactModes: [],
    })
    return
  }
  Object.assign(d, { entrustedCarer: e.carer, entrustedReason: e.reason ?? null, entrustedCareQuality: e.quality ?? null })
  if (e.carerName !== undefined) d.entrustedCarerName = e.carerName
  if (e.since !== undefined) d.entrustedSince = date(e.since)
  if (e.agreementOn !== undefined) d.entrustedAgreementOn = date(e.agreementOn)
  if (e.parentContact !== undefined) Object.assign(d, { parentContactFrequency: e.parentContact?.frequency ?? null, parentContactModes: e.parentContact?.modes ?? [] })
}

function guardianWrites(input: NonNullable<Body['guardians']>, keyring: Keyring, existing: ChildFile | null): GuardianWrite[] {
  const old = new Map((existing?.guardians ?? []).map((g) => [g.id, g]))
  return input.map((g, ordinal) => {
    const prev = g.id ? old.get(g.id) : undefined
    if (g.id && !prev) throw new AppError('VALIDATION_FAILED', undefined, { [`guardians.${ordinal}.id`]: '没有这位监护人，请刷新后重试' })
    const phone = g.phone
    const sealed = phone === undefined
      ? { phoneEnc: prev?.phoneEnc ?? null, phoneMasked: maskOf(keyring, prev?.phoneMasked, prev?.phoneEnc, maskPhone) }
      : { phoneEnc: reseal(keyring, phone, prev?.phoneEnc ?? null), phoneMasked: phone === null ? null : maskPhone(phone) }
    return {
      ...(prev ? { id: prev.id } : {}),
      ordinal, relation: g.relation, name: g.name, ...sealed,
      healthy: g.healthy ?? true, healthDetail: g.healthDetail ?? null, occupation: g.occupation ?? null,
    }
  })
}

/**
 * The ID number carries the birth date and sex; a file that contradicts its own ID number is a
 * typing mistake, refused with the field to fix.
 */
export function assertMatchesIdNumber(idNumber: string, birthDate: string, gender: 'male' | 'female'): void {
  const parsed = parseIdNumber(idNumber)
  if (!parsed.ok) throw new AppError('VALIDATION_FAILED', undefined, { idNumber: '身份证号不正确' })
  if (parsed.value.birthDate !== birthDate) throw new AppError('VALIDATION_FAILED', undefined, { birthDate: '出生日期与身份证号不一致' })
  if (parsed.value.sex !== gender) throw new AppError('VALIDATION_FAILED', undefined, { gender: '性别与身份证号不一致' })
}
