import v8 from 'node:v8'
import vm from 'node:vm'
import { Writable } from 'node:stream'
import { randomBytes } from 'node:crypto'
import { LEDGER_FIELD_KEYS } from '@qstx/shared'
import { createPrisma } from '/work/main/server/src/db/prisma'
import { Keyring, parseDataKeys, randomKeySpec } from '/work/main/server/src/lib/crypto'
import { ledgerBatches, ledgerIds } from '/work/main/server/src/modules/exports/ledger-source'
import { ledgerScope } from '/work/main/server/src/modules/exports/render'
import { writeChildLedgerXlsx } from '/work/main/server/src/modules/exports/child-ledger-xlsx'
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void
const every = Number(process.env.EVERY ?? 5000)
const prisma = createPrisma(process.env.DB!)
const keyring = new Keyring(parseDataKeys(randomKeySpec('x')), randomBytes(32))
const sealed = new Set(['idNumber', 'address', 'guardians', 'pairingPerson'])
const fields = new Set(LEDGER_FIELD_KEYS.filter((k) => !sealed.has(k)))
let peak = { rss: 0, heapUsed: 0, external: 0 }
const t = setInterval(() => { const m = process.memoryUsage(); peak = { rss: Math.max(peak.rss, m.rss), heapUsed: Math.max(peak.heapUsed, m.heapUsed), external: Math.max(peak.external, m.external) } }, 20)
const scope = ledgerScope('459901000000', 2026)
const ids = await ledgerIds(prisma, scope)
gc()
const m0 = process.memoryUsage()
const t0 = performance.now()
let last = 0, gcms = 0
const sink = new Writable({ write(_c, _e, cb) { setImmediate(cb) } })
await writeChildLedgerXlsx(sink, ledgerBatches({ prisma, keyring, scope, fields }, ids), { year: 2026, regionName: 'x', layout: 'table', view: 'full', fields, onProgress: (d) => { if (every && d - last >= every) { last = d; const g = performance.now(); gc(); gcms += performance.now() - g } } })
clearInterval(t)
const mb = (x: number) => Math.round(x / 1048576)
console.log('every', every, ((performance.now() - t0) / 1000).toFixed(1), 's gc ms', gcms.toFixed(0), 'base', mb(m0.rss), mb(m0.heapUsed), 'peak rss', mb(peak.rss), 'heap', mb(peak.heapUsed), 'ext', mb(peak.external), 'growth', mb(peak.rss - m0.rss))
await prisma.$disconnect()
