/**
 * The shared half of authorization; each module's policy.ts builds on it (ARCHITECTURE.md
 * convention 4). Three separate questions:
 *   may this role do this action   → assertCan (function level, 403)
 *   which rows                     → scopeWhere / scopeSql / inScope (region prefix; outside answers 404)
 *   which fields                   → per-module redact functions with per-role allow-lists
 */
import { isWithinRegion, regionPrefix, roleCan, type Action } from '@qstx/shared'
import { raw, sql, type Sql } from '../db/sql'
import type { ScopedActor } from './actor'
import { AppError } from './app-error'

export function assertCan(actor: ScopedActor, action: Action): void {
  if (!roleCan(actor.role, action)) throw new AppError('FORBIDDEN')
}

/** True when a record's region lies inside the actor's region. */
export function inScope(actor: ScopedActor, regionCode: string | null | undefined): boolean {
  return !!regionCode && isWithinRegion(regionCode, actor.regionCode)
}

/** A Prisma `where` fragment restricting `field` to the actor's region (indexed prefix match). */
export function scopeWhere<F extends string>(actor: ScopedActor, field: F): Record<F, { startsWith: string }> {
  return { [field]: { startsWith: regionPrefix(actor.regionCode) } } as Record<F, { startsWith: string }>
}

/**
 * The same restriction for the hot paths' SQL (db/sql.ts): `column LIKE '<prefix>%'`, which the
 * `text_pattern_ops` indexes on region codes answer. `column` names the table's alias, e.g. sql`c."villageCode"`.
 */
export function scopeSql(actor: ScopedActor, column: Sql): Sql {
  return withinRegionSql(column, actor.regionCode)
}

/**
 * `column` inside `regionCode` (a region contains itself): a filter that narrows a scope, never replaces it.
 * The prefix is written into the statement's text rather than sent as a value (it is digits only, checked
 * here): a named statement is then prepared per region, and PostgreSQL plans it knowing the prefix — the
 * `text_pattern_ops` index, a village's 170 files or a county's 50,000 — once, instead of on every request.
 */
export function withinRegionSql(column: Sql, regionCode: string): Sql {
  const prefix = regionPrefix(regionCode)
  // A village is the whole code: an equality, which the planner estimates from the column's
  // statistics (167 files), where for `LIKE '<12 digits>%'` it guessed 5 and chose its index so.
  return prefix.length === 12 ? sql`${column} = ${digitsLiteral(prefix)}` : sql`${column} LIKE ${digitsLiteral(prefix, '%')}`
}

/** Region digits (a code or a prefix of one) as a string literal in the statement's text, for the reason above. */
export function digitsLiteral(digits: string, suffix = ''): Sql {
  if (!/^\d*$/.test(digits)) throw new Error(`not a region code: ${JSON.stringify(digits)}`)
  return raw(`'${digits}${suffix}'`)
}
