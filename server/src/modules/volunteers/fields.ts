/**
 * Turns a sign-up form (a draft or an edit) into the columns to write, checking what only the
 * server can: the phone number behind a WeChat code, adulthood on today's date in China, that an
 * ID number is not already signed up, that gender matches the ID, and that the service area exists.
 * Every problem is collected and reported per field at once; nothing is written when there is one.
 */
import {
  ACCEPTANCE_DOCUMENTS, ACCEPTANCE_VERSIONS, MAINLAND_MOBILE_PATTERN, VOLUNTEER_MIN_AGE, ageOn, chinaDate, missingSignUpFields,
  parseIdNumber, SIGN_UP_FIELD_PROMPTS, type AcceptanceDocument, type SignUpSnapshot, type VolunteerFieldsBody,
} from '@qstx/shared'
import type { Prisma } from '../../generated/prisma/client'
import type { Tx } from '../../db/prisma'
import { AppError } from '../../lib/app-error'
import type { Keyring } from '../../lib/crypto'
import { WechatError, type WechatClient } from '../../wechat/client'
import * as repo from './repository'

export const fieldError = (fields: Record<string, string>) => new AppError('VALIDATION_FAILED', undefined, fields)

/** The number behind a getPhoneNumber code. A network call: made before any transaction opens. */
export async function phoneFromBody(wechat: WechatClient, body: Pick<VolunteerFieldsBody, 'phone' | 'phoneCode'>): Promise<string | undefined> {
  if (!body.phoneCode) return body.phone
  let info
  try {
    info = await wechat.getPhoneNumber(body.phoneCode)
  } catch (err) {
    if (!(err instanceof WechatError)) throw err
    if (err.errcode === 40029 || err.errcode === 40163) throw fieldError({ phoneCode: '手机号授权已失效，请重新点击获取手机号' })
    throw new AppError(err.errcode === -1 ? 'WECHAT_BUSY' : 'WECHAT_ERROR')
  }
  if (info.countryCode !== '86' || !MAINLAND_MOBILE_PATTERN.test(info.purePhoneNumber)) {
    throw fieldError({ phoneCode: '请使用中国大陆手机号，或手动填写' })
  }
  return info.purePhoneNumber
}

export interface Changes {
  data: Prisma.VolunteerUpdateManyMutationInput
  acceptances: Array<{ document: AcceptanceDocument; version: string }>
  /** The real name or ID number changed: identity checks no longer hold. */
  identityChanged: boolean
  regionChanged: boolean
}

export async function buildChanges(
  tx: Tx,
  deps: { keyring: Keyring; now: Date },
  current: repo.VolunteerRow,
  body: VolunteerFieldsBody,
  phone: string | undefined,
): Promise<Changes> {
  const errors: Record<string, string> = {}
  const data: Prisma.VolunteerUpdateManyMutationInput = {}
  let identityChanged = false

  if (body.realName !== undefined && body.realName !== current.realName) {
    data.realName = body.realName
    identityChanged = true
  }
  if (phone !== undefined) data.phoneEnc = deps.keyring.encrypt(phone)

  // The sex the ID number says: of the new number, or of the one on file.
  let idSex: 'male' | 'female' | null = null
  let newIndex: string | null = null
  if (body.idNumber !== undefined) {
    const parsed = parseIdNumber(body.idNumber)
    if (!parsed.ok) errors.idNumber = '身份证号格式不正确'
    else if (ageOn(parsed.value.birthDate, chinaDate(deps.now)) < VOLUNTEER_MIN_AGE) errors.idNumber = `爱心家长须年满${VOLUNTEER_MIN_AGE}周岁`
    else {
      idSex = parsed.value.sex
      newIndex = deps.keyring.blindIndex(body.idNumber)
      if (newIndex !== current.idNumberIndex) {
        Object.assign(data, { idNumberEnc: deps.keyring.encrypt(body.idNumber), idNumberIndex: newIndex, idNumberLast4: body.idNumber.slice(-4) })
        identityChanged = true
      } else newIndex = null
    }
  } else if (current.idNumberEnc) {
    const parsed = parseIdNumber(deps.keyring.decrypt(current.idNumberEnc))
    if (parsed.ok) idSex = parsed.value.sex
  }
  if (body.gender !== undefined) data.gender = body.gender
  const gender = body.gender ?? current.gender
  if (idSex && gender && idSex !== gender && !errors.idNumber) {
    errors[body.gender !== undefined ? 'gender' : 'idNumber'] = '性别与身份证号不一致，请核对'
  }

  if (body.serviceRegionCode !== undefined && body.serviceRegionCode !== current.serviceRegionCode) {
    const region = await repo.findRegion(tx, body.serviceRegionCode)
    if (!region || (region.level !== 'county' && region.level !== 'township')) {
      errors.serviceRegionCode = '请选择服务的县（区）或乡镇（街道）'
    } else data.serviceRegionCode = body.serviceRegionCode
  }

  for (const key of ['kind', 'workUnit', 'skills', 'availability', 'availabilityNote', 'contactModes', 'capacity'] as const) {
    if (body[key] !== undefined) (data as Record<string, unknown>)[key] = body[key]
  }

  if (Object.keys(errors).length) throw fieldError(errors)
  // Checked last, and with its own code: "already signed up" is a different conversation from a typo.
  if (newIndex && (await repo.idNumberUsedByAnother(tx, newIndex, current.id))) {
    throw new AppError('ID_NUMBER_TAKEN', undefined, { idNumber: '该身份证号已经报过名' })
  }

  const acceptances = ACCEPTANCE_DOCUMENTS.filter((d) => body.acceptances?.[d]).map((document) => ({ document, version: ACCEPTANCE_VERSIONS[document] }))
  return { data, acceptances, identityChanged, regionChanged: data.serviceRegionCode !== undefined }
}

export function snapshotOf(v: repo.VolunteerRow): SignUpSnapshot {
  const accepted: SignUpSnapshot['accepted'] = {}
  for (const a of v.acceptances) accepted[a.document] = [...(accepted[a.document] ?? []), a.version]
  return {
    realName: v.realName, hasPhone: !!v.phoneEnc, hasIdNumber: !!v.idNumberEnc, gender: v.gender, kind: v.kind, workUnit: v.workUnit,
    serviceRegionCode: v.serviceRegionCode, skills: v.skills, availability: v.availability, contactModes: v.contactModes, accepted,
  }
}

/** Throws VOLUNTEER_INCOMPLETE naming every missing field, or returns quietly. */
export function assertComplete(v: repo.VolunteerRow): void {
  const missing = missingSignUpFields(snapshotOf(v))
  if (missing.length) throw new AppError('VOLUNTEER_INCOMPLETE', undefined, Object.fromEntries(missing.map((f) => [f, SIGN_UP_FIELD_PROMPTS[f]])))
}
