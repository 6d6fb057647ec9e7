/** `npm run db:seed`: seed the demo into an empty database (the server also does this on first start). */
import { loadConfig } from '../server/src/config'
import { openDatabase } from '../server/src/db/database'
import { createPrisma } from '../server/src/db/prisma'
import { runCli } from '../server/src/lib/cli'
import { keyringFromConfig } from '../server/src/lib/keys'
import { isDatabaseEmpty, seedDemo } from '../server/src/seed/demo'

await runCli(async () => {
  const config = loadConfig()
  const db = await openDatabase(config, console.log)
  const prisma = createPrisma(db.url)
  try {
    if (!(await isDatabaseEmpty(prisma))) throw new Error('the database already has users; the demo seeds only an empty database')
    await seedDemo(prisma, keyringFromConfig(config), console.log)
  } finally {
    await prisma.$disconnect()
    await db.close()
  }
})
