/**
 * Key rotation: re-seals every encrypted value with the keyring's first (active) key, so an old
 * key can then be removed from DATA_KEYS. Ciphertexts carry their key id ("k1:iv:tag:data"), so
 * the job is "decrypt with whichever key it names, encrypt with the active one", for every value
 * not already under the active key:
 *   - in batches (keyset pagination on the primary key), each batch its own transaction with its
 *     rows locked, so live edits and the rotation never overwrite each other;
 *   - idempotent: a second run, or a run resumed after a crash, finds nothing or only the rest;
 *   - counting what it re-sealed, per column.
 * ENCRYPTED_COLUMNS is the one list of sealed columns; a test fails when a table grows an `…Enc`
 * column that is not on it.
 */
import type { Db } from './prisma'
import { Keyring } from '../lib/crypto'

export interface EncryptedTable {
  table: string
  /** Text columns holding one ciphertext each. */
  columns?: string[]
  /** JSON columns whose string values under keys ending in `Enc` are ciphertexts (file snapshots). */
  json?: string[]
}

export const ENCRYPTED_COLUMNS: EncryptedTable[] = [
  { table: 'volunteers', columns: ['phoneEnc', 'idNumberEnc'] },
  { table: 'children', columns: ['idNumberEnc', 'addressEnc'] },
  { table: 'child_guardians', columns: ['phoneEnc'] },
  // An export's download token, sealed so its owner can see the link again while it is valid.
  { table: 'exports', columns: ['tokenEnc'] },
  // Yearly snapshots of children's files keep the file's sealed values sealed.
  { table: 'child_year_records', json: ['snapshot'] },
]

/** Per `table.column`: rows re-sealed and values re-sealed (several per row in a JSON snapshot). */
export type RotationReport = Record<string, { rows: number; values: number }>

const q = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Re-seals a JSON value's `…Enc` strings; returns how many changed. */
function resealJson(value: unknown, keyring: Keyring, count: { n: number }): unknown {
  if (Array.isArray(value)) return value.map((v) => resealJson(v, keyring, count))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (k.endsWith('Enc') && typeof v === 'string' && Keyring.keyIdOf(v) !== keyring.activeKeyId) {
          count.n++
          return [k, keyring.encrypt(keyring.decrypt(v))]
        }
        return [k, resealJson(v, keyring, count)]
      }),
    )
  }
  return value
}

export async function rotateKeys(prisma: Db, keyring: Keyring, opts: { batchSize?: number; log?: (m: string) => void } = {}): Promise<RotationReport> {
  const batch = opts.batchSize ?? 500
  const active = keyring.activeKeyId
  const report: RotationReport = {}
  for (const spec of ENCRYPTED_COLUMNS) {
    for (const column of spec.columns ?? []) report[`${spec.table}.${column}`] = { rows: 0, values: 0 }
    for (const column of spec.json ?? []) report[`${spec.table}.${column}`] = { rows: 0, values: 0 }
    const columns = spec.columns ?? []
    if (columns.length) {
      // Only rows with a value under another key are read at all.
      const stale = columns.map((c) => `(${q(c)} IS NOT NULL AND split_part(${q(c)}, ':', 1) <> $2)`).join(' OR ')
      let last = '00000000-0000-0000-0000-000000000000'
      for (;;) {
        const n = await prisma.$transaction(async (tx) => {
          const rows = await tx.$queryRawUnsafe<Array<Record<string, string | null>>>(
            `SELECT "id"::text AS id, ${columns.map(q).join(', ')} FROM ${q(spec.table)} WHERE "id" > $1::uuid AND (${stale}) ORDER BY "id" LIMIT ${batch} FOR UPDATE`,
            last, active,
          )
          if (rows.length === 0) return 0
          const values = columns.map((c) =>
            rows.map((r) => {
              const v = r[c] ?? null
              if (v === null || Keyring.keyIdOf(v) === active) return v
              report[`${spec.table}.${c}`]!.rows++
              report[`${spec.table}.${c}`]!.values++
              return keyring.encrypt(keyring.decrypt(v))
            }),
          )
          await tx.$executeRawUnsafe(
            `UPDATE ${q(spec.table)} AS t SET ${columns.map((c, i) => `${q(c)} = v.c${i}`).join(', ')}
             FROM unnest($1::uuid[], ${columns.map((_, i) => `$${i + 2}::text[]`).join(', ')}) AS v(id, ${columns.map((_, i) => `c${i}`).join(', ')})
             WHERE t."id" = v.id`,
            rows.map((r) => r.id), ...values,
          )
          last = rows.at(-1)!.id!
          return rows.length
        }, { timeout: 60_000 })
        if (n < batch) break
      }
    }
    for (const column of spec.json ?? []) {
      let last = '00000000-0000-0000-0000-000000000000'
      for (;;) {
        const n = await prisma.$transaction(async (tx) => {
          // Archived yearly records are read-only; this setting is the trigger's one exception (see the migration).
          await tx.$executeRawUnsafe(`SELECT set_config('qstx.key_rotation', 'on', true)`)
          const rows = await tx.$queryRawUnsafe<Array<{ id: string; value: unknown }>>(
            `SELECT "id"::text AS id, ${q(column)} AS value FROM ${q(spec.table)} WHERE "id" > $1::uuid ORDER BY "id" LIMIT ${batch} FOR UPDATE`,
            last,
          )
          for (const r of rows) {
            const count = { n: 0 }
            const next = resealJson(r.value, keyring, count)
            if (count.n === 0) continue
            await tx.$executeRawUnsafe(`UPDATE ${q(spec.table)} SET ${q(column)} = $2::jsonb WHERE "id" = $1::uuid`, r.id, JSON.stringify(next))
            report[`${spec.table}.${column}`]!.rows++
            report[`${spec.table}.${column}`]!.values += count.n
          }
          if (rows.length) last = rows.at(-1)!.id
          return rows.length
        }, { timeout: 60_000 })
        if (n < batch) break
      }
    }
    opts.log?.(`${spec.table}: done`)
  }
  return report
}
