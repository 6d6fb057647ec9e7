/**
 * Who sees which children, and which fields of them — in ONE place (ARCHITECTURE.md convention 4,
 * Primero's three questions):
 *   may this role do this action  → assertCan, from shared/permissions (403)
 *   which rows                    → the actor's region, by prefix of the village code; a file outside
 *                                   it answers 404 exactly like a missing one (OWASP API1)
 *   which fields                  → ROLE_VIEWS below picks a view; the view's zod schema in
 *                                   shared/schemas/children.ts is the allow-list (it strips every
 *                                   key it does not name). policy.test.ts snapshots each role's keys.
 */
import { ChildCardSchema, ChildDeskRowSchema, ChildFullViewSchema, ChildWorkingViewSchema, regionLevel, type Action, type Role } from '@qstx/shared'
import type { z } from 'zod'
import { sql } from '../../db/sql'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { allowList } from '../../lib/allow-list'
import { assertCan, inScope, scopeSql } from '../../lib/policy'
import type { Candidate, rowCandidate } from './views'

type FileView = 'full' | 'working'

/**
 * Director, supervisor, civil affairs: the full file inside their region (ID number and phones
 * masked; a reveal is a separate audited action). Coordinator: a working view for matching.
 * Volunteer: only the card of a child they are actively paired with. Everyone else: nothing.
 */
export const ROLE_VIEWS: Record<Role, { file: FileView | null; list: 'desk' | 'working' | null; card: boolean }> = {
  child_director: { file: 'full', list: 'desk', card: false },
  supervisor: { file: 'full', list: 'desk', card: false },
  civil_affairs: { file: 'full', list: 'desk', card: false },
  coordinator: { file: 'working', list: 'working', card: false },
  volunteer: { file: null, list: null, card: true },
  group_leader: { file: null, list: null, card: false },
  admin: { file: null, list: null, card: false },
}

/** The rows this actor may see, for the module's SQL: the children table is always aliased `c`. */
export const childScopeSql = (actor: ScopedActor) => scopeSql(actor, sql`c."villageCode"`)

/**
 * The county whose search tokens this actor's lists read (reads.ts countyTokens): the actor's own,
 * since every role that lists children is bound to a county or less (policy.test.ts holds it).
 */
export const searchCounty = (actor: ScopedActor) => actor.regionCode.slice(0, 6)

/** The view this actor's role gets of a file in their region; 404 when none (no existence oracle). */
export function fileViewOf(actor: ScopedActor): FileView {
  const view = ROLE_VIEWS[actor.role].file
  if (!view) throw notFound()
  return view
}

/** The view this actor gets of a file in `villageCode`; 404 when none, or outside their region. */
export function fileViewFor(actor: ScopedActor, villageCode: string): FileView {
  const view = fileViewOf(actor)
  if (!inScope(actor, villageCode)) throw notFound()
  return view
}

/** Full-view roles only (history, reveal, yearly records): others get 404, like a missing file. */
export function assertFullAccess(actor: ScopedActor, villageCode: string, action: Action): void {
  if (fileViewFor(actor, villageCode) !== 'full') throw notFound()
  assertCan(actor, action)
}

/**
 * Registering, hand-over and transfer requests act for "my village": only a director bound to a
 * village (the level ROLE_REGION_LEVELS gives the role) may do them.
 */
export function assertVillageDirector(actor: ScopedActor, action: Action): void {
  assertCan(actor, action)
  if (regionLevel(actor.regionCode) !== 'village') throw new AppError('FORBIDDEN', '只有村（社区）儿童主任可以办理')
}

/** Writes: a role that may never do this gets 403; a file outside the region 404. */
export function assertMayWrite(actor: ScopedActor, action: Action, villageCode?: string): void {
  assertCan(actor, action)
  if (villageCode !== undefined && !inScope(actor, villageCode)) throw notFound()
}

/** Each view is its schema's fields of the candidate (lib/allow-list.ts: the schema is the allow-list). */
const view = <S extends z.ZodObject>(schema: S, name: string) => allowList(schema, { view: name })
const fullView = view(ChildFullViewSchema, 'full')
const workingView = view(ChildWorkingViewSchema, 'working')
const deskRow = view(ChildDeskRowSchema, 'desk')
const cardView = view(ChildCardSchema, 'card')

export function redactFile(view: FileView, c: Candidate) {
  return view === 'full' ? fullView(c) : workingView(c)
}

export function redactFullFile(c: Candidate) {
  return fullView(c)
}

export function redactCard(c: Candidate) {
  return cardView(c)
}

export function redactRow(actor: ScopedActor, c: ReturnType<typeof rowCandidate>) {
  return ROLE_VIEWS[actor.role].list === 'desk' ? deskRow(c) : workingView(c)
}

export { assertCan, inScope }
