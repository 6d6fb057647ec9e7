/**
 * 陈姐's matching work: first the priority children without a pairing (重点儿童未结对 —
 * DOMAIN.md's priority groups, highest guardianship risk first, then who has waited longest), then
 * for one child the approved volunteers with room, ranked with the reasons for each.
 */
import {
  LIVE_PAIRING_STATES, ageOn, chinaDate, explainMatch, interestSkills, needSkills, regionPrefix,
  type ContactMode, type Skill, type Suggestions, type VolunteerKind,
} from '@qstx/shared'
import type { Prisma } from '../../generated/prisma/client'
import type { Db } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import { regionNames } from '../children/repository'
import { rankCandidates } from './candidates'
import { assertCan, inScope, reachParams } from './policy'
import * as repo from './repository'
import { dateString } from './views'

export function createSuggestionService({ prisma, clock }: { prisma: Db; clock: Clock }) {
  async function priorityChildren(actor: ScopedActor, q: { regionCode?: string | undefined; page: number; pageSize: number }) {
    assertCan(actor, 'pairing.priority')
    const where: Prisma.ChildWhereInput = {
      AND: [
        { villageCode: { startsWith: regionPrefix(actor.regionCode) } },
        ...(q.regionCode ? [{ villageCode: { startsWith: regionPrefix(q.regionCode) } }] : []),
        // The trigger-kept facet: one GIN lookup finds the children with any priority reason.
        { facets: { hasEvery: ['prio:any'] }, closedAt: null },
        { pairings: { none: { state: { in: [...LIVE_PAIRING_STATES] } } } },
      ],
    }
    const [rows, total] = await Promise.all([
      prisma.child.findMany({
        where,
        select: {
          id: true, name: true, birthDate: true, gender: true, villageCode: true, priorityReasons: true, riskLevel: true,
          needs: true, interests: true, consentGivenBy: true, consentDate: true, createdAt: true,
        },
        orderBy: [{ riskLevel: { sort: 'desc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      }),
      prisma.child.count({ where }),
    ])
    const today = chinaDate(clock.now())
    const names = await regionNames(prisma, rows.map((r) => r.villageCode))
    return {
      items: rows.map((c) => ({
        id: c.id, name: c.name, age: ageOn(dateString(c.birthDate)!, today), gender: c.gender, villageCode: c.villageCode,
        villageName: names.get(c.villageCode)!, priorityReasons: c.priorityReasons, riskLevel: c.riskLevel, needs: c.needs,
        interests: c.interests, consentOnFile: !!(c.consentGivenBy?.trim() && c.consentDate), registeredAt: c.createdAt.toISOString(),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    }
  }

  async function suggest(actor: ScopedActor, childId: string, limit: number, ctx: AuditContext): Promise<Suggestions> {
    assertCan(actor, 'pairing.suggest')
    const [child, livePairing] = await Promise.all([repo.childForPairing(prisma, childId), repo.liveOfChild(prisma, childId)])
    if (!child || child.closedAt || !inScope(actor, child.villageCode)) throw notFound()
    const rows = await rankCandidates(prisma, {
      childId, villageCode: child.villageCode, needSkills: needSkills(child.needs), interestSkills: interestSkills(child.interests),
      reach: reachParams(actor), limit,
    })
    const names = await regionNames(prisma, [child.villageCode, ...rows.map((r) => r.serviceRegionCode)])
    await recordAudit(prisma, ctx, { action: 'pairing.suggest', result: 'success', targetType: 'child', targetId: childId })
    return {
      child: {
        id: child.id, name: child.name, villageName: names.get(child.villageCode)!, needs: child.needs, interests: child.interests,
        consentOnFile: !!(child.consentGivenBy?.trim() && child.consentDate), livePairingId: livePairing?.id ?? null,
      },
      items: rows.map((r) => {
        const { score, reasons } = explainMatch(child, { ...r, livePairings: r.live })
        return {
          volunteerId: r.id, realName: r.realName, kind: r.kind as VolunteerKind | null, serviceRegionCode: r.serviceRegionCode,
          serviceRegionName: names.get(r.serviceRegionCode)!, team: r.teamId ? { id: r.teamId, name: r.teamName! } : null,
          skills: r.skills as Skill[], contactModes: r.contactModes as ContactMode[], capacity: r.capacity, livePairings: r.live, score, reasons,
        }
      }),
    }
  }

  return { priorityChildren, suggest }
}
