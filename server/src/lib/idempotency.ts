/**
 * Idempotency-Key for POSTs a phone may repeat (an offline check-in is retried until it gets an
 * answer): the same key with the same body gets the first answer again (status and body); the same
 * key with another body is refused (422); while the first is still running, 409.
 *
 * How it stays exactly-once:
 *   1. claim — INSERT … ON CONFLICT DO NOTHING, a transaction of its own, committed before the work;
 *   2. work — the caller's transaction stores the response through `claim.complete(tx, …)` (or, for
 *      a write that is one statement, `claim.completion(…)` inside it), so the record and its key's
 *      response commit together or not at all (a crash leaves neither);
 *   3. a failure releases the claim (nothing of the work committed), so a retry runs it again.
 * The claim and the release commit without waiting for the disk (synchronous_commit off): losing
 * one in a crash only means the retry claims again, and a claim the work depends on is made
 * durable anyway by the work's own commit, which flushes the WAL up to and including it. That
 * halves the flushes a request waits for; the work's commit still waits, as it must.
 * A claim left behind by a process (or database) that died mid-request is taken over once its
 * lease runs out. Each claim carries its own token and `complete` requires it: a holder that was
 * merely slow, not dead, cannot complete after a takeover — its transaction rolls back instead.
 *
 * Keys are per user (one person's key never answers another's request) and kept 8 days: a phone
 * offline for a week still gets its answer; `deleteExpiredKeys` (a daily job) removes older ones.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Tx } from '../db/prisma'
import { rows as query, sql, type Queryable, type Sql } from '../db/sql'
import type { Db } from '../db/prisma'
import { AppError } from './app-error'

/** Longer than any request can run (the WeChat check is bounded well below it). */
export const IDEMPOTENCY_LEASE_MS = 15_000
export const IDEMPOTENCY_RETENTION_DAYS = 8

export interface StoredResponse<B = unknown> {
  status: number
  body: B
}

export interface IdempotencyInput {
  userId: string
  key: string
  requestHash: string
  now: Date
}

export interface Claim {
  /** Stores the response in the work's own transaction; throws (rolling it back) if the claim was taken over. */
  complete(tx: Tx, response: StoredResponse): Promise<void>
  /**
   * The same as SQL for a write that is a single statement: `WITH completed AS (<this>) INSERT …
   * SELECT … FROM completed`. It yields one row while the claim is ours; the work must draw its
   * rows from it, so a claim taken over writes nothing (the caller then throws IDEMPOTENCY_IN_PROGRESS).
   */
  completion(response: StoredResponse): Sql
}

/** Keys sorted at every level, so the same body always hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
  }
  return value
}

/** SHA-256 of the route and the (validated) body. */
export function requestHash(route: string, body: unknown): string {
  return createHash('sha256').update(route).update('\n').update(JSON.stringify(canonical(body ?? null))).digest('hex')
}

interface KeyRow {
  requestHash: string
  status: 'in_progress' | 'completed'
  claimToken: string
  claimedAt: Date
  responseStatus: number | null
  responseBody: unknown
}

/**
 * Claims the key; with `read`, runs that SELECT in the same round trip (its columns must not be
 * named "__claimed"), answering its rows — an empty list when it found nothing.
 */
async function claim(db: Queryable, input: IdempotencyInput, token: string, read?: Sql): Promise<{ claimed: boolean; rows: Record<string, unknown>[] }> {
  const rows = await query<Record<string, unknown> & { __claimed: number }>(db, sql`
    WITH no_wait AS (SELECT set_config('synchronous_commit', 'off', true)),
         claimed AS (
           INSERT INTO "idempotency_keys" ("userId", "key", "requestHash", "status", "claimToken", "claimedAt", "createdAt")
           SELECT ${input.userId}::uuid, ${input.key}::uuid, ${input.requestHash}, 'in_progress', ${token}::uuid, ${input.now}, ${input.now} FROM no_wait
           ON CONFLICT DO NOTHING RETURNING 1)
    SELECT c.n AS "__claimed", r.* FROM (SELECT count(*)::int AS n FROM claimed) c
      LEFT JOIN LATERAL (${read ?? sql`SELECT 1 AS "__none" WHERE false`}) r ON true`)
  const claimed = rows[0]!.__claimed === 1
  // Without a match the LEFT JOIN still answers one row, all of the read's columns null.
  const found = rows.filter((r) => Object.entries(r).some(([k, v]) => k !== '__claimed' && v !== null))
  return { claimed, rows: found.map(({ __claimed: _, ...rest }) => rest) }
}

async function existing(db: Queryable, input: IdempotencyInput): Promise<KeyRow | undefined> {
  const rows = await query<KeyRow>(db, sql`
    SELECT "requestHash", "status"::text AS "status", "claimToken"::text AS "claimToken", "claimedAt", "responseStatus", "responseBody"
      FROM "idempotency_keys" WHERE "userId" = ${input.userId}::uuid AND "key" = ${input.key}::uuid`)
  return rows[0]
}

/** Takes over a claim whose holder is gone (lease expired) — only if nobody else did first. */
async function takeOver(db: Queryable, input: IdempotencyInput, previous: string, token: string): Promise<boolean> {
  const taken = await query(db, sql`
    UPDATE "idempotency_keys" SET "claimToken" = ${token}::uuid, "claimedAt" = ${input.now}
     WHERE "userId" = ${input.userId}::uuid AND "key" = ${input.key}::uuid AND "status" = 'in_progress' AND "claimToken" = ${previous}::uuid
    RETURNING 1 AS taken`)
  return taken.length === 1
}

/** `db`: the pool (db/sql.ts): the claim, the replay and the release are single statements of their own. */
export async function withIdempotency<B, R = Record<string, unknown>>(
  db: Queryable,
  input: IdempotencyInput,
  work: (claim: Claim, read: R[]) => Promise<StoredResponse<B>>,
  /** A SELECT the work needs, run in the claim's own round trip (one fewer on the hot path). */
  read?: Sql,
): Promise<StoredResponse<B> & { replayed: boolean }> {
  const token = randomUUID()
  let readRows: R[] = []
  // A claim released between our INSERT and our SELECT is simply claimed again.
  for (let attempt = 0; ; attempt++) {
    const claimedNow = await claim(db, input, token, read)
    readRows = claimedNow.rows as R[]
    if (claimedNow.claimed) break
    const row = await existing(db, input)
    if (!row) {
      if (attempt < 2) continue
      throw new AppError('IDEMPOTENCY_IN_PROGRESS')
    }
    if (row.requestHash !== input.requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED')
    if (row.status === 'completed') return { status: row.responseStatus!, body: row.responseBody as B, replayed: true }
    const leaseOver = row.claimedAt.getTime() + IDEMPOTENCY_LEASE_MS <= input.now.getTime()
    if (leaseOver && (await takeOver(db, input, row.claimToken, token))) break
    throw new AppError('IDEMPOTENCY_IN_PROGRESS')
  }

  const completion = (response: StoredResponse) => sql`
    UPDATE "idempotency_keys"
       SET "status" = 'completed', "responseStatus" = ${response.status}, "responseBody" = ${JSON.stringify(response.body)}::jsonb, "completedAt" = ${input.now}
     WHERE "userId" = ${input.userId}::uuid AND "key" = ${input.key}::uuid AND "claimToken" = ${token}::uuid AND "status" = 'in_progress'
    RETURNING 1 AS held`
  const held: Claim = {
    completion,
    async complete(tx, response) {
      const rows = await tx.$queryRaw<unknown[]>(completion(response))
      if (rows.length !== 1) throw new AppError('IDEMPOTENCY_IN_PROGRESS')
    },
  }
  try {
    return { ...(await work(held, readRows)), replayed: false }
  } catch (err) {
    // Nothing of the work committed: free the key for the retry. If the database is gone too, the
    // lease frees it instead.
    await query(db, sql`
      WITH no_wait AS (SELECT set_config('synchronous_commit', 'off', true))
      DELETE FROM "idempotency_keys" USING no_wait
       WHERE "userId" = ${input.userId}::uuid AND "key" = ${input.key}::uuid AND "claimToken" = ${token}::uuid AND "status" = 'in_progress'`).catch(() => undefined)
    throw err
  }
}

/** The daily clean-up: keys older than the retention period (a phone offline longer starts afresh). */
export async function deleteExpiredKeys(prisma: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_RETENTION_DAYS * 86_400_000)
  return prisma.$executeRaw`DELETE FROM "idempotency_keys" WHERE "createdAt" < ${cutoff}`
}
