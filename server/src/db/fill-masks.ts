/**
 * Masks for values sealed before they were kept beside the seal (migration 20261210000000): a
 * child's address and guardians' phones. Until a file has its masks, views make them from the seal
 * on every read (children/views.ts); after this, reading it decrypts nothing. Batched on the
 * primary key, each batch its own transaction with its rows locked (a live edit writes its own
 * masks and is never overwritten); idempotent, so it can run again or resume after a crash.
 */
import { maskAddress, maskPhone } from '@qstx/shared'
import type { Keyring } from '../lib/crypto'
import { maskOf } from '../modules/children/file'
import type { Db } from './prisma'

const SEALED_WITH_MASK = [
  { table: 'children', sealed: 'addressEnc', masked: 'addressMasked', mask: maskAddress },
  { table: 'child_guardians', sealed: 'phoneEnc', masked: 'phoneMasked', mask: maskPhone },
] as const

/** Per `table.column`: masks written. */
export async function fillMasks(prisma: Db, keyring: Keyring, opts: { batchSize?: number } = {}): Promise<Record<string, number>> {
  const batch = opts.batchSize ?? 500
  const report: Record<string, number> = {}
  for (const { table, sealed, masked, mask } of SEALED_WITH_MASK) {
    let written = 0
    for (;;) {
      const n = await prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRawUnsafe<Array<{ id: string; sealed: string }>>(
          `SELECT "id"::text AS id, "${sealed}" AS sealed FROM "${table}" WHERE "${sealed}" IS NOT NULL AND "${masked}" IS NULL ORDER BY "id" LIMIT ${batch} FOR UPDATE`,
        )
        if (rows.length === 0) return 0
        await tx.$executeRawUnsafe(
          `UPDATE "${table}" AS t SET "${masked}" = v.masked FROM unnest($1::uuid[], $2::text[]) AS v(id, masked) WHERE t."id" = v.id AND t."${masked}" IS NULL`,
          rows.map((r) => r.id), rows.map((r) => maskOf(keyring, null, r.sealed, mask)),
        )
        return rows.length
      }, { timeout: 60_000 })
      written += n
      if (n < batch) break
    }
    report[`${table}.${masked}`] = written
  }
  return report
}
