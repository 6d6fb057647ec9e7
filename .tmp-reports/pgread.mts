import pg from 'pg'
import { createPrisma } from '/work/main/server/src/db/prisma'
import * as repo from '/work/main/server/src/modules/exports/repository'
import { ledgerScope } from '/work/main/server/src/modules/exports/render'
const mode = process.argv[2]
const pool = new pg.Pool({ connectionString: process.env.DB!, max: 4 })
const prisma = createPrisma(process.env.DB!)
const scope = ledgerScope('459901000000', 2026)
const ids = (await repo.ledgerChildIds(prisma, scope)).map((r) => r.id)
let peak = 0
const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed) }, 20)
const m0 = process.memoryUsage()
const t0 = performance.now()
const sql = `SELECT c.*, c.categories::text[] AS categories, (SELECT coalesce(json_agg(g ORDER BY g.ordinal), '[]') FROM child_guardians g WHERE g."childId" = c.id) AS guardians FROM children c WHERE c.id = ANY($1::uuid[])`
let n = 0
for (let i = 0; i < ids.length; i += 500) {
  const batch = ids.slice(i, i + 500)
  const rows = mode === 'pg' ? (await pool.query(sql, [batch])).rows : await prisma.$queryRawUnsafe<any[]>(sql, batch)
  n += rows.length
}
clearInterval(t)
console.log(mode, n, ((performance.now() - t0) / 1000).toFixed(1), 's heap base', Math.round(m0.heapUsed / 1048576), 'peak', Math.round(peak / 1048576))
await pool.end(); await prisma.$disconnect()
