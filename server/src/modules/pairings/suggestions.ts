/**
 * 陈姐's matching work: first the priority children without a pairing (重点儿童未结对 —
 * DOMAIN.md's priority groups, highest guardianship risk first, then who has waited longest), then
 * for one child the approved volunteers with room, ranked with the reasons for each. Each is one
 * SQL statement (priority-sql.ts, candidates.ts).
 */
import { ageOn, chinaDate, explainMatch, type ContactMode, type Skill, type Suggestions, type VolunteerKind } from '@qstx/shared'
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import type { AuditContext } from '../../lib/audit'
import { rankCandidates } from './candidates'
import { assertCan } from './policy'
import { priorityPage, type PriorityQuery } from './priority-sql'
import type { PairingDeps } from './service'

export function createSuggestionService({ pg, clock }: PairingDeps) {
  async function priorityChildren(actor: ScopedActor, q: PriorityQuery) {
    assertCan(actor, 'pairing.priority')
    const { rows, total } = await priorityPage(pg, actor, q)
    const today = chinaDate(clock.now())
    return {
      items: rows.map((c) => ({
        id: c.id, name: c.name, age: ageOn(c.birthDate, today), gender: c.gender, villageCode: c.villageCode, villageName: c.villageName,
        priorityReasons: c.priorityReasons, riskLevel: c.riskLevel, needs: c.needs, interests: c.interests,
        consentOnFile: !!(c.consentGivenBy?.trim() && c.consentDate), registeredAt: c.createdAt.toISOString(),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    }
  }

  /** One statement reads the child, ranks the candidates and writes the view's audit row (candidates.ts). */
  async function suggest(actor: ScopedActor, childId: string, limit: number, ctx: AuditContext): Promise<Suggestions> {
    assertCan(actor, 'pairing.suggest')
    const found = await rankCandidates(pg, { childId, actor, limit, audit: ctx })
    if (!found) throw notFound()
    const { child, candidates } = found
    const matchChild = { villageCode: child.villageCode, needs: child.needs, interests: child.interests }
    return {
      child: {
        id: child.childId, name: child.childName, villageName: child.villageName, needs: child.needs, interests: child.interests,
        consentOnFile: !!(child.consentGivenBy?.trim() && child.consentDate), livePairingId: child.livePairingId,
      },
      items: candidates.map((r) => {
        const { score, reasons } = explainMatch(matchChild, { ...r, livePairings: r.live })
        return {
          volunteerId: r.id, realName: r.realName, kind: r.kind as VolunteerKind | null, serviceRegionCode: r.serviceRegionCode,
          serviceRegionName: r.serviceRegionName, team: r.teamId ? { id: r.teamId, name: r.teamName! } : null,
          skills: r.skills as Skill[], contactModes: r.contactModes as ContactMode[], capacity: r.capacity, livePairings: r.live, score, reasons,
        }
      }),
    }
  }

  return { priorityChildren, suggest }
}
