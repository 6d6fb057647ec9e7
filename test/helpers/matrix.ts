/**
 * The authorization matrix's table types (test/authz-matrix.test.ts): a route's expected status per
 * role, as one number or one per place the actor sits (own region, parent region, sibling region).
 */
import { ROLES, type Role } from '@qstx/shared'
import type { TestContext } from './build-app'

export type Expected = number | readonly [own: number, parent: number, sibling: number]
export interface MatrixCase {
  request: (ctx: { t: TestContext; token?: string }) => Promise<{ url: string; payload?: object }>
  anonymous: number
  noRole: number
  roles: Record<Role, Expected>
}
export const allRoles = (status: Expected) => Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, Expected>
