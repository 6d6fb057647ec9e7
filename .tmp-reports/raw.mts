import { createPrisma } from '/work/main/server/src/db/prisma'
const prisma = createPrisma(process.env.DB!)
const rows = await prisma.$queryRawUnsafe<any[]>(`SELECT c.*, (SELECT coalesce(json_agg(g ORDER BY g.ordinal), '[]') FROM child_guardians g WHERE g."childId" = c.id) AS guardians FROM children c WHERE c."villageCode" LIKE '459901%' LIMIT 1`)
const r = rows[0]
for (const [k, v] of Object.entries(r)) console.log(k, typeof v, v instanceof Date ? 'Date' : Array.isArray(v) ? 'Array' : '', JSON.stringify(v)?.slice(0, 60))
await prisma.$disconnect()
