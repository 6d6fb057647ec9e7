/**
 * Who hears about a report, and when. On submission: the village's child director, the township
 * supervisor, the coordinators of the township and county, and county civil affairs. If nobody
 * acknowledges in time (30 minutes when a child is in immediate danger, 24 hours for a concern —
 * per province in shared/safeguarding.ts), the report climbs: county (civil affairs and the county
 * coordinator get an urgent alert), then province (administrators).
 */
import { ESCALATION_LEVELS, REPORT_KIND_LABELS, escalationRule, regionAncestry, type EscalationLevel, type ReportKind } from '@qstx/shared'
import type { Db, Tx } from '../../db/prisma'
import { notify } from '../../lib/notify'
import * as repo from './repository'

const REPORT_PAGE = '/packages/safeguarding/pages/report/index'

function recipientsAt(level: EscalationLevel, regionCode: string) {
  const [province, , county, township, village] = regionAncestry(regionCode)
  if (level === 'local') {
    return [
      { roles: ['child_director' as const], regions: [village ?? regionCode] },
      { roles: ['supervisor' as const], regions: [township ?? regionCode] },
      { roles: ['coordinator' as const], regions: [township, county].filter(Boolean) as string[] },
      { roles: ['civil_affairs' as const], regions: [county!] },
    ]
  }
  if (level === 'county') return [{ roles: ['civil_affairs' as const, 'coordinator' as const], regions: [county!] }]
  return [{ roles: ['admin' as const], regions: [province!] }]
}

export async function notifyLevel(tx: Tx, report: { id: string; regionCode: string; kind: ReportKind; urgency: string }, level: EscalationLevel) {
  const userIds = new Set<string>()
  for (const group of recipientsAt(level, report.regionCode)) {
    for (const r of await repo.findRecipients(tx, { in: group.roles }, group.regions)) userIds.add(r.userId)
  }
  const urgent = report.urgency === 'immediate' ? '【紧急】' : ''
  const title = level === 'local' ? `${urgent}强制报告：${REPORT_KIND_LABELS[report.kind]}` : `${urgent}报告超时未响应，已升级`
  for (const recipientUserId of userIds) {
    await notify(tx, {
      recipientUserId,
      kind: level === 'local' ? 'safeguarding.received' : 'safeguarding.escalated',
      title,
      body: '请立即查看并确认接收',
      page: `${REPORT_PAGE}?id=${report.id}`,
    })
  }
  return userIds.size
}

/** Due time of the next level for an unacknowledged report that has reached `levelIndex`. */
export function nextEscalationDue(report: { createdAt: Date; urgency: string; regionCode: string }, levelIndex: number): Date {
  const rule = escalationRule(report.regionCode)
  const minutes = report.urgency === 'immediate' ? rule.immediateMinutes : rule.concernMinutes
  return new Date(report.createdAt.getTime() + (levelIndex + 1) * minutes * 60_000)
}

/**
 * One sweep: every unacknowledged report whose next level is due climbs one level, in its own
 * transaction with its notifications. Safe to run concurrently: the escalated event's level is
 * re-read inside the transaction under a row lock on the report.
 */
export async function runEscalationSweep(prisma: Db, now: Date): Promise<number> {
  let escalated = 0
  for (const report of await repo.listUnacknowledged(prisma)) {
    const levelIndex = Math.max(0, ...report.events.map((e) => ESCALATION_LEVELS.indexOf(e.level as EscalationLevel)))
    const next = ESCALATION_LEVELS[levelIndex + 1]
    if (!next || nextEscalationDue(report, levelIndex) > now) continue
    const done = await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "safeguarding_reports" WHERE "id" = ${report.id}::uuid FOR UPDATE`
      const again = await tx.safeguardingEvent.count({ where: { reportId: report.id, OR: [{ type: { in: ['acknowledged', 'closed'] } }, { type: 'escalated', level: next }] } })
      if (again > 0) return false
      await repo.insertEvent(tx, { reportId: report.id, type: 'escalated', level: next, at: now, note: `超时未确认，升级至${next === 'county' ? '县级' : '省级'}` })
      await notifyLevel(tx, report, next)
      return true
    })
    if (done) escalated++
  }
  return escalated
}
