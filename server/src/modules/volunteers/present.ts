/**
 * The allow-listed views of an application. The ID number and phone leave the server masked
 * (last 4 digits; 138****5678) — the full values are decrypted here only to mask them.
 */
import {
  ACCEPTANCE_DOCUMENTS, ACCEPTANCE_VERSIONS, maskPhone, missingSignUpFields,
  type AvailabilitySlot, type ContactMode, type Skill, type VolunteerProfile,
} from '@qstx/shared'
import type { Tx } from '../../db/prisma'
import type { Keyring } from '../../lib/crypto'
import { snapshotOf } from './fields'
import * as repo from './repository'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** Fields the volunteer and the vetting coordinator both see (shared volunteerCoreFields). */
export function coreView(v: repo.VolunteerRow, keyring: Keyring, regionName: string | null) {
  const acceptances = Object.fromEntries(
    ACCEPTANCE_DOCUMENTS.map((doc) => {
      // Rows come newest first: the latest acceptance of each document stands.
      const a = v.acceptances.find((x) => x.document === doc)
      return [doc, a ? { version: a.version, acceptedAt: a.acceptedAt.toISOString(), current: a.version === ACCEPTANCE_VERSIONS[doc] } : null]
    }),
  ) as VolunteerProfile['acceptances']
  return {
    id: v.id,
    status: v.status,
    realName: v.realName,
    gender: v.gender,
    kind: v.kind,
    // Only the last 4 digits are kept in clear: nothing to decrypt for the mask.
    idNumberMasked: v.idNumberLast4 ? `${'*'.repeat(14)}${v.idNumberLast4}` : null,
    phoneMasked: v.phoneEnc ? maskPhone(keyring.decrypt(v.phoneEnc)) : null,
    workUnit: v.workUnit,
    serviceRegionCode: v.serviceRegionCode,
    serviceRegionName: regionName,
    skills: v.skills as Skill[],
    availability: v.availability as AvailabilitySlot[],
    availabilityNote: v.availabilityNote,
    contactModes: v.contactModes as ContactMode[],
    capacity: v.capacity,
    team: v.team,
    acceptances,
    submittedAt: iso(v.submittedAt),
    statusChangedAt: iso(v.statusChangedAt),
  }
}

export async function regionNameOf(tx: Tx, code: string | null): Promise<string | null> {
  return code ? ((await repo.findRegion(tx, code))?.name ?? code) : null
}

export async function profileView(tx: Tx, keyring: Keyring, v: repo.VolunteerRow): Promise<VolunteerProfile> {
  const decision = await repo.lastDecision(tx, v.id)
  return {
    ...coreView(v, keyring, await regionNameOf(tx, v.serviceRegionCode)),
    lastDecision: decision?.reason
      ? { decision: decision.type as NonNullable<VolunteerProfile['lastDecision']>['decision'], reason: decision.reason, at: decision.at.toISOString() }
      : null,
    missing: missingSignUpFields(snapshotOf(v)),
  }
}
