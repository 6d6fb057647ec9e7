import { Writable } from 'node:stream'
import { randomBytes } from 'node:crypto'
import { LEDGER_FIELD_KEYS } from '@qstx/shared'
import { createPrisma } from '/work/main/server/src/db/prisma'
import { Keyring, parseDataKeys, randomKeySpec } from '/work/main/server/src/lib/crypto'
import { ledgerBatches, ledgerIds } from '/work/main/server/src/modules/exports/ledger-source'
import { ledgerScope } from '/work/main/server/src/modules/exports/render'
import { writeChildLedgerXlsx } from '/work/main/server/src/modules/exports/child-ledger-xlsx'

const mode = process.argv[2] ?? 'read'
const prisma = createPrisma(process.env.DB!)
const keyring = new Keyring(parseDataKeys(randomKeySpec('x')), randomBytes(32))
const sealed = new Set(['idNumber', 'address', 'guardians', 'pairingPerson'])
const fields = new Set(LEDGER_FIELD_KEYS.filter((k) => !sealed.has(k)))
let peak = { rss: 0, heapUsed: 0, external: 0 }
const t = setInterval(() => { const m = process.memoryUsage(); peak = { rss: Math.max(peak.rss, m.rss), heapUsed: Math.max(peak.heapUsed, m.heapUsed), external: Math.max(peak.external, m.external) } }, 20)
const scope = ledgerScope('459901000000', 2026)
const ids = await ledgerIds(prisma, scope)
const m0 = process.memoryUsage()
const t0 = performance.now()
const batches = ledgerBatches({ prisma, keyring, scope, fields, batchSize: Number(process.env.BATCH ?? 500) }, ids)
if (mode === 'read') {
  let n = 0
  for await (const b of batches) n += b.length
  console.log('rows', n)
} else {
  const sink = new Writable({ write(_c, _e, cb) { setImmediate(cb) } })
  console.log('rows', await writeChildLedgerXlsx(sink, batches, { year: 2026, regionName: 'x', layout: 'table', view: 'full', fields }))
}
clearInterval(t)
const mb = (x: number) => Math.round(x / 1048576)
console.log(mode, ((performance.now() - t0) / 1000).toFixed(1), 's', 'base', mb(m0.rss), mb(m0.heapUsed), 'peak rss', mb(peak.rss), 'heap', mb(peak.heapUsed), 'ext', mb(peak.external))
await prisma.$disconnect()
