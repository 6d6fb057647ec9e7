// Prisma 7 reads its datasource from here. Only `prisma generate` is run (scripts/prisma-generate.mjs);
// migrations are applied by server/src/db/migrate.ts (see schema.prisma for why).
import { defineConfig } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/placeholder' },
})
