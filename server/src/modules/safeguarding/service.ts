/**
 * Mandatory reports: raised by anyone signed in, routed by the village where it happened, written
 * with their notifications in one transaction (never lost), handled through an append-only log.
 */
import { ESCALATION_LEVELS, type AddReportEventBody, type CreateReportBody, type EscalationLevel, type ReportStatus } from '@qstx/shared'
import type { Db, Tx } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import { notifyLevel } from './escalation'
import { assertHandles, assertMayHandle, handlerScope, mayNameChild } from './policy'
import * as repo from './repository'

type Events = Array<{ type: string; level?: string | null }>

export function deriveState(events: Events) {
  const has = (t: string) => events.some((e) => e.type === t)
  const status: ReportStatus = has('closed') ? 'closed' : events.some((e) => !['received', 'escalated'].includes(e.type)) ? 'in_progress' : 'received'
  const levelIndex = Math.max(0, ...events.filter((e) => e.type === 'escalated').map((e) => ESCALATION_LEVELS.indexOf(e.level as EscalationLevel)))
  return { status, acknowledged: has('acknowledged'), escalationLevel: ESCALATION_LEVELS[levelIndex]! }
}

async function summarize(tx: Tx, rows: repo.ReportWithEvents[]) {
  const names = new Map((await repo.regionNames(tx, [...new Set(rows.map((r) => r.regionCode))])).map((r) => [r.code, r.name]))
  return rows.map((r) => ({
    id: r.id, kind: r.kind, urgency: r.urgency, createdAt: r.createdAt.toISOString(),
    regionCode: r.regionCode, regionName: names.get(r.regionCode) ?? r.regionCode,
    childId: r.childId, childName: r.child?.name ?? r.childName ?? '',
    ...deriveState(r.events),
  }))
}

export function createSafeguardingService({ prisma, clock }: { prisma: Db; clock: Clock }) {
  async function report(userId: string, actor: ScopedActor | null, body: CreateReportBody, ctx: AuditContext) {
    return prisma.$transaction(async (tx) => {
      let regionCode = body.regionCode
      if (body.childId) {
        const child = await repo.findChildVillage(tx, body.childId)
        if (!child || !mayNameChild(actor, child.villageCode)) throw notFound()
        regionCode = child.villageCode
      }
      const region = await repo.regionName(tx, regionCode!)
      if (!region || !['village', 'township'].includes(region.level)) {
        throw new AppError('VALIDATION_FAILED', '请选择孩子所在的村（社区）', { regionCode: '请选择孩子所在的村（社区）' })
      }
      const now = clock.now()
      const created = await repo.insertReport(tx, {
        reporterUserId: userId, reporterRole: actor?.role ?? null, childId: body.childId ?? null,
        childName: body.childId ? null : (body.childName ?? null), regionCode: regionCode!, kind: body.kind,
        urgency: body.urgency, seen: body.seen, seenAt: new Date(body.seenAt), place: body.place ?? null, createdAt: now,
      })
      await repo.insertEvent(tx, { reportId: created.id, type: 'received', at: now })
      const notified = await notifyLevel(tx, created, 'local')
      await recordAudit(tx, ctx, { action: 'safeguarding.report', result: 'success', targetType: 'safeguarding_report', targetId: created.id, regionCode: created.regionCode })
      return { id: created.id, status: 'received' as const, notified }
    })
  }

  /** The reporter's view: the stage of each report, never who handles it or how. */
  async function mine(userId: string) {
    const rows = await repo.listReports(prisma, { reporterUserId: userId })
    return rows.map((r) => ({ id: r.id, kind: r.kind, urgency: r.urgency, createdAt: r.createdAt.toISOString(), status: deriveState(r.events).status }))
  }

  async function list(actor: ScopedActor, open: boolean | undefined) {
    const rows = await repo.listReports(prisma, handlerScope(actor))
    const items = await summarize(prisma, rows)
    return open === undefined ? items : items.filter((r) => (r.status !== 'closed') === open)
  }

  /** The handler's full view; reading it is audited because it names the reporter. */
  async function detail(actor: ScopedActor, id: string, ctx: AuditContext) {
    return prisma.$transaction(async (tx) => {
      const view = await handlerView(tx, actor, id)
      await recordAudit(tx, ctx, { action: 'safeguarding.read', result: 'success', targetType: 'safeguarding_report', targetId: id, fieldsRevealed: ['reporter'] })
      return view
    })
  }

  async function handlerView(tx: Tx, actor: ScopedActor, id: string) {
    assertMayHandle(actor)
    const r = await repo.findReport(tx, id)
    if (!r) throw notFound()
    assertHandles(actor, r.regionCode)
    const [summary] = await summarize(tx, [r])
    return {
      ...summary!,
      seen: r.seen, seenAt: r.seenAt.toISOString(), place: r.place,
      reporter: { name: r.reporter.displayName, role: r.reporterRole },
      events: r.events.map((e) => ({ id: e.id, type: e.type, at: e.at.toISOString(), actorName: e.actor?.displayName ?? null, actorRole: e.actorRole, referredTo: e.referredTo, note: e.note })),
    }
  }

  async function addEvent(actor: ScopedActor, id: string, body: AddReportEventBody, ctx: AuditContext) {
    assertMayHandle(actor)
    return prisma.$transaction(async (tx) => {
      // Lock the report so two handlers acknowledging at once record one acknowledgement.
      await tx.$queryRaw`SELECT 1 FROM "safeguarding_reports" WHERE "id" = ${id}::uuid FOR UPDATE`
      const r = await repo.findReport(tx, id)
      if (!r) throw notFound()
      assertHandles(actor, r.regionCode)
      const state = deriveState(r.events)
      if (state.status === 'closed' && body.type !== 'note') throw new AppError('CONFLICT', '报告已办结，只能补充说明')
      if (body.type === 'acknowledged' && state.acknowledged) throw new AppError('CONFLICT', '已有人确认接收此报告')
      await repo.insertEvent(tx, { reportId: id, type: body.type, at: clock.now(), actorUserId: actor.userId, actorRole: actor.role, referredTo: body.referredTo ?? null, note: body.note ?? null })
      await recordAudit(tx, ctx, { action: `safeguarding.${body.type}`, result: 'success', targetType: 'safeguarding_report', targetId: id })
      return handlerView(tx, actor, id)
    })
  }

  return { report, mine, list, detail, addEvent }
}

/** Children with a report that is not closed: their files are flagged for a guardianship-risk review. */
export async function childrenWithOpenReports(tx: Tx, childIds: string[]): Promise<Set<string>> {
  const rows = await tx.safeguardingReport.findMany({
    where: { childId: { in: childIds }, events: { none: { type: 'closed' } } },
    select: { childId: true },
  })
  return new Set(rows.map((r) => r.childId!))
}
