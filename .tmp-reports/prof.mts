import { createPrisma } from '/work/main/server/src/db/prisma'
import * as repo from '/work/main/server/src/modules/exports/repository'
import { ledgerScope } from '/work/main/server/src/modules/exports/render'
import { fileFromRow } from '/work/main/server/src/modules/children/file'
const prisma = createPrisma(process.env.DB!)
const scope = ledgerScope('459901000000', 2026)
let t = performance.now()
const ids = await repo.ledgerChildIds(prisma, scope)
console.log('ids', ids.length, (performance.now() - t).toFixed(0))
const lap = async (name: string, f: () => Promise<unknown>) => { const t = performance.now(); const r = await f(); console.log(name, (performance.now() - t).toFixed(0), 'ms'); return r }
for (const k of [0, 1, 2]) {
  const batch = ids.slice(k * 500, k * 500 + 500).map((r) => r.id)
  const rows = await lap('live', () => repo.liveChildren(prisma, batch)) as any[]
  await lap('map', async () => rows.map(fileFromRow))
  await lap('visits', () => repo.visitsOf(prisma, batch, new Date('2026-01-01'), new Date('2026-12-31')))
  await lap('pairings', () => repo.pairingsOf(prisma, batch, new Date('2025-12-31T16:00:00Z'), new Date('2026-12-31')))
  await lap('raw', () => prisma.$queryRawUnsafe(`SELECT c.*, (SELECT coalesce(json_agg(g ORDER BY g.ordinal), '[]') FROM child_guardians g WHERE g."childId" = c.id) AS guardians FROM children c WHERE c.id = ANY($1::uuid[])`, batch))
}
await prisma.$disconnect()
