/**
 * The hot paths' SQL (ARCHITECTURE.md, "Hot paths"): one statement per request, written as a tagged
 * template in the module's repository so it is read and reviewed like code, and sent straight over
 * the pool Prisma shares with us (db/prisma.ts). Prisma's `sql` tag builds the text with `$n`
 * placeholders; values are never spliced into the text.
 *
 * Each distinct text becomes a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every request. Texts vary only with the filters a request uses, so
 * their number stays small.
 *
 * Results are typed by the caller (`rows<Row>(…)`); cast in SQL what node-postgres would
 * otherwise hand back as strings (`count(*)::int`, enum arrays `::text[]`).
 */
import { createHash } from 'node:crypto'
import type pg from 'pg'
import { Prisma } from '../generated/prisma/client'

export const sql = Prisma.sql
export const join = Prisma.join
export const raw = Prisma.raw
export const empty = Prisma.empty
export type Sql = Prisma.Sql

/** The pool, or one client of it inside a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>

const names = new Map<string, string>()
let naming = true
/**
 * Off behind a pooler that cannot carry named statements between its server connections (config
 * DATABASE_NAMED_STATEMENTS): every statement is then unnamed, planned each time — a little slower,
 * never wrong. Set once at start-up, for the whole process.
 */
export function useNamedStatements(on: boolean): void {
  naming = on
}
function statementName(text: string): string {
  let name = names.get(text)
  if (!name) {
    name = `q${createHash('sha1').update(text).digest('base64url').slice(0, 16)}`
    if (names.size > 10_000) names.clear()
    names.set(text, name)
  }
  return name
}

/**
 * A page's LIMIT and OFFSET (and other counts the request chose from a bounded set) written into the
 * text. A named statement with `LIMIT $1` gets a generic plan costed as if the limit were a tenth of
 * the rows, which PostgreSQL then judges worse than planning afresh — so it planned the ledger again
 * on every execution (2.4 ms of its 2.8, measured). Only integers pass.
 */
export function intLiteral(n: number): Sql {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a count: ${String(n)}`)
  return raw(String(n))
}

/**
 * The same condition written so that no index answers it: PostgreSQL then only checks it on the rows
 * another, narrower condition found. For a test the planner would otherwise turn into a second
 * index scan to intersect with the first, reading far more entries than the first finds.
 */
export const recheckOnly = (condition: Sql): Sql => sql`CASE WHEN ${condition} THEN true ELSE false END`

/**
 * An instant as UTC text ('2026-12-02 16:25:24.484', the same in any session's time zone), for rows
 * served as they are read: isoInstant writes it as Date.prototype.toISOString does. Cheaper at both
 * ends than the alternatives measured: to_char in SQL, or a Date in node (node-postgres parsing it,
 * or toISOString at 1.1 µs an instant against 0.13 µs here).
 */
export const utcText = (column: Sql): Sql => sql`(${column} AT TIME ZONE 'UTC')::text`
export function isoInstant(utc: string): string
export function isoInstant(utc: string | null): string | null
export function isoInstant(utc: string | null): string | null {
  if (utc === null) return null
  // PostgreSQL drops the fraction's trailing zeros (and a zero fraction); a Date keeps milliseconds.
  const ms = utc.length > 19 ? `${utc.slice(20, 23)}00`.slice(0, 3) : '000'
  return `${utc.slice(0, 10)}T${utc.slice(11, 19)}.${ms}Z`
}

export interface QueryOptions {
  /**
   * false: an unnamed statement, planned for its own values each time. For a query whose best plan
   * depends on them (a village of 170 files or a county of 50,000; a rare or a common filter): after
   * five runs PostgreSQL may keep a named statement's generic plan, which cannot use a `LIKE $1`
   * prefix on an index nor tell a selective filter from a broad one — 300 ms instead of 15 measured
   * on the desk list. Planning such a query costs well under a millisecond.
   */
  prepared?: boolean
}

export async function rows<T extends object>(db: Queryable, q: Sql, opts: QueryOptions = {}): Promise<T[]> {
  const name = opts.prepared === false || !naming ? undefined : statementName(q.text)
  const result = await db.query<T>({ ...(name ? { name } : {}), text: q.text, values: q.values as unknown[] })
  return result.rows
}

/**
 * The rows of `q`, each sent as one JSON value (`to_json` of the row) and in `q`'s order. node-postgres
 * then parses one field per row with JSON.parse instead of setting up a parser per column and
 * parsing arrays and timestamps one by one — on the child file's ninety columns the largest single
 * cost of serving it. Timestamps arrive as ISO text in the session's time zone. `q` may not hold a
 * data-modifying WITH (PostgreSQL allows one only at the top of a statement): such a statement
 * selects `to_json(…)` itself (children/repository.ts readFile).
 */
export async function jsonRows<T extends object>(db: Queryable, q: Sql, opts: QueryOptions = {}): Promise<T[]> {
  return (await rows<{ r: T }>(db, sql`SELECT to_json(r) AS r FROM (${q}) r`, opts)).map((x) => x.r)
}

export async function one<T extends object>(db: Queryable, q: Sql, opts: QueryOptions = {}): Promise<T | undefined> {
  return (await rows<T>(db, q, opts))[0]
}

/**
 * A short transaction on one client of the pool: BEGIN, the work, COMMIT — or ROLLBACK on any
 * error, and the client goes back to the pool either way. For writes that must be few statements
 * but more than one (the check-in: idempotency record, check-in, outbox).
 */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    const out = await work(client)
    await client.query('COMMIT')
    return out
  } catch (err) {
    // A connection that cannot even roll back is destroyed, not handed to the next request.
    await client.query('ROLLBACK').catch((e: Error) => (broken = e))
    throw err
  } finally {
    client.release(broken)
  }
}
