/**
 * Loads administrative divisions into the `regions` table. Idempotent (upsert by code), one
 * transaction per call so a failed load leaves the table as it was.
 */
import { regionAncestry } from '@qstx/shared'
import type { Db } from '../db/prisma'
import { readDivisions, type DivisionRow } from './china-division'

const BATCH = 5000

export async function loadRegions(prisma: Db, provinces: string[] | 'all'): Promise<number> {
  const rows: DivisionRow[] = []
  for await (const row of readDivisions(provinces)) rows.push(row)
  if (rows.length === 0) throw new Error(`no regions found for province code(s) ${[provinces].flat().join(', ')}`)

  // A few divisions skip a level (e.g. counties directly under a province); the parent is the
  // nearest enclosing code that exists, so the tree has no dangling links.
  const known = new Set(rows.map((r) => r.code))
  const parentOf = (code: string) => regionAncestry(code).slice(0, -1).reverse().find((c) => known.has(c)) ?? null

  await prisma.$transaction(
    async (tx) => {
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH)
        await tx.$executeRaw`
          INSERT INTO "regions" ("code", "name", "level", "parentCode")
          SELECT * FROM unnest(
            ${batch.map((r) => r.code)}::varchar[],
            ${batch.map((r) => r.name)}::text[],
            ${batch.map((r) => r.level)}::"RegionLevel"[],
            ${batch.map((r) => parentOf(r.code))}::varchar[])
          ON CONFLICT ("code") DO UPDATE
            SET "name" = EXCLUDED."name", "level" = EXCLUDED."level", "parentCode" = EXCLUDED."parentCode"`
      }
    },
    { timeout: 600_000 },
  )
  return rows.length
}
