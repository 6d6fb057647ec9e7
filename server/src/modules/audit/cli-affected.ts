/**
 * `npm run audit:affected -- --account <user id or username> | --ip <address> [--from T] [--to T] [--out DIR]`
 *
 * After a breach (a stolen phone, a leaked password, a hostile address in the logs): lists every
 * child and volunteer whose personal data those accounts or addresses viewed, revealed or exported,
 * as XLSX and CSV for notification (PIPL art. 57). --account and --ip may be repeated; --from and
 * --to take a China date (2026-03-01, the whole day) or an ISO time. The listing itself is audited.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../../config'
import { openDatabase } from '../../db/database'
import { createPrisma } from '../../db/prisma'
import { runCli, say } from '../../lib/cli'
import { chinaMidnight } from '../dashboard/service'
import { affectedBy, type AffectedQuery } from './affected'
import { chinaTime, people, writeAffectedCsv, writeAffectedXlsx } from './affected-files'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A China date means its midnight (for --to, the next one: the whole day counts); else an ISO time. */
function parseWhen(flag: string, v: string | undefined, end: boolean): Date | undefined {
  if (v === undefined) return undefined
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const day = chinaMidnight(v)
    return end ? new Date(day.getTime() + 86_400_000) : day
  }
  const d = new Date(v)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(d.getTime())) throw new Error(`--${flag} must be a date (2026-03-01) or a time (2026-03-01T08:00:00+08:00), not "${v}"`)
  return d
}

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      account: { type: 'string', multiple: true, default: [] },
      ip: { type: 'string', multiple: true, default: [] },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string', default: '.' },
    },
  })
  if (!values.account.length && !values.ip.length) throw new Error('usage: npm run audit:affected -- --account <user id or username> | --ip <address> [--from 2026-03-01] [--to 2026-03-31] [--out DIR]')
  const from = parseWhen('from', values.from, false)
  const to = parseWhen('to', values.to, true)
  if (from && to && from >= to) throw new Error('--from must come before --to')

  const config = loadConfig()
  const db = await openDatabase(config, () => {})
  const prisma = createPrisma(db.url, { max: 2 })
  try {
    const accounts: string[] = []
    for (const a of values.account) {
      const user = await prisma.user.findFirst({ where: UUID.test(a) ? { id: a } : { username: a }, select: { id: true } })
      if (!user) throw new Error(`no account "${a}" (give a user id or a desk username)`)
      accounts.push(user.id)
    }
    const q: AffectedQuery = { accounts, ips: values.ip, ...(from ? { from } : {}), ...(to ? { to } : {}) }
    const accesses = await affectedBy(prisma, q)
    const actorIds = [...new Set(accesses.map((a) => a.actorUserId).concat(accounts).filter((x): x is string => !!x))]
    const users = await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true, username: true } })
    const accountNames = new Map(users.map((u) => [u.id, u.username ? `${u.displayName}（${u.username}）` : u.displayName]))

    const generatedAt = new Date()
    const dir = path.resolve(values.out)
    mkdirSync(dir, { recursive: true })
    const base = path.join(dir, `affected-${chinaTime(generatedAt).replace(/[-: ]/g, '').slice(0, 14)}`)
    await writeAffectedXlsx(`${base}.xlsx`, accesses, accountNames, { ...q, generatedAt })
    await writeAffectedCsv(`${base}.csv`, accesses, accountNames)
    // Running the listing shows many names at once: it is on the record like any other view.
    await prisma.auditLog.create({
      data: { at: generatedAt, action: 'audit.affected_listing', result: 'success', targetType: 'audit_query', targetId: [...accounts.map((a) => `account=${a}`), ...values.ip.map((ip) => `ip=${ip}`)].join(' ').slice(0, 500), ip: 'cli' },
    })
    const list = people(accesses)
    say(`${list.filter((p) => p.subjectType === 'child').length} children and ${list.filter((p) => p.subjectType === 'volunteer').length} volunteers in ${accesses.length} accesses`)
    say(`written: ${base}.xlsx`)
    say(`written: ${base}.csv`)
  } finally {
    await prisma.$disconnect()
    await db.close()
  }
})
