/**
 * Who is asking. Only the auth plugin mints a `ScopedActor` (the brand makes it impossible to build
 * one from client input by accident), and repository list functions require one — so every query
 * that returns rows is scoped to a region the server checked, never one the client claimed.
 */
import type { Role } from '@qstx/shared'

declare const scopedBrand: unique symbol

export interface ActorFields {
  userId: string
  sessionId: string
  displayName: string
  roleAssignmentId: string
  role: Role
  /** 12-digit code of the region this role is bound to. */
  regionCode: string
  teamId: string | null
}

export type ScopedActor = Readonly<ActorFields> & { readonly [scopedBrand]: true }

/** Reserved for plugins/app/auth.ts. */
export function mintScopedActor(fields: ActorFields): ScopedActor {
  return Object.freeze({ ...fields }) as ScopedActor
}
