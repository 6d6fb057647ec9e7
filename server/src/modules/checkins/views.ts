/** From stored rows to the shapes of shared/schemas/checkins.ts (the "which fields" of policy.ts). */
import type { CheckinView, ContactMode, ServiceType, StaffCheckin } from '@qstx/shared'
import type { CheckinRow, StaffRow } from './repository'

const iso = (d: Date | null) => (d ? d.toISOString() : null)
const DAY = 86_400_000

/** 0.01° is about 1.1 km of latitude: the village, not the house (PIPL: only what is needed). */
export const roundCoordinate = (x: number) => Math.round(x * 100) / 100

export function checkinView(c: CheckinRow): CheckinView {
  return {
    id: c.id,
    pairingId: c.pairingId,
    startedAt: c.startedAt.toISOString(),
    durationMinutes: c.durationMinutes,
    contactMode: c.contactMode as ContactMode,
    serviceTypes: c.serviceTypes as ServiceType[],
    summary: c.summary,
    childMood: c.childMood,
    problemsFound: c.problemsFound,
    measuresSuggested: c.measuresSuggested,
    location: c.latitude !== null && c.longitude !== null ? { latitude: c.latitude, longitude: c.longitude } : null,
    worried: c.worried,
    secCheck: c.secCheck,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    decidedAt: iso(c.decidedAt),
    decisionNote: c.decisionNote,
    points: c.points,
  }
}

export function staffView(c: StaffRow, villageNames: Map<string, string>, people: Map<string, string>, now: Date): StaffCheckin {
  return {
    ...checkinView(c),
    child: { id: c.pairing.child.id, name: c.pairing.child.name, villageCode: c.pairing.villageCode, villageName: villageNames.get(c.pairing.villageCode) ?? c.pairing.villageCode },
    volunteer: { id: c.volunteer.id, realName: c.volunteer.realName },
    decidedByName: c.decidedById ? (people.get(c.decidedById) ?? null) : null,
    waitingDays: Math.max(0, Math.floor((now.getTime() - c.createdAt.getTime()) / DAY)),
  }
}
