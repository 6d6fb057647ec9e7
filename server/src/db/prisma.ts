/** Prisma 7 without Rust engines: the `prisma-client` generator over node-postgres (@prisma/adapter-pg). */
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient, type Prisma } from '../generated/prisma/client'

export function createPrisma(databaseUrl: string, opts: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: opts.max ?? 20 })
  return new PrismaClient({ adapter })
}

export type Db = ReturnType<typeof createPrisma>
/** The transaction client every repository function takes first (ARCHITECTURE.md convention 7). */
export type Tx = Prisma.TransactionClient
