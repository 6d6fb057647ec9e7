/** Which volunteers a coordinator may pair with a child, and whose ledger rows an actor reads. */
import { describe, expect, it } from 'vitest'
import type { Role } from '@qstx/shared'
import { mintScopedActor } from '../../lib/actor'
import { pairingScopeSql, volunteerReachable } from './policy'

const actor = (role: Role, regionCode: string) =>
  mintScopedActor({ userId: 'u', sessionId: 's', displayName: '测试', roleAssignmentId: 'r', role, regionCode, teamId: null })
const CHILD = '450225101201' // 古顶村, 和睦镇, 融水县

describe('volunteerReachable', () => {
  it.each([
    ['county coordinator, village volunteer elsewhere in the county', '450225000000', '450225102201', true],
    ['county coordinator, volunteer of another county', '450225000000', '450226000000', false],
    ['township coordinator, volunteer of its own village', '450225101000', '450225101202', true],
    ['township coordinator, county-wide volunteer', '450225101000', '450225000000', true],
    ['township coordinator, volunteer of another township', '450225101000', '450225102000', false],
    ['volunteer without a service area', '450225000000', null, false],
  ] as const)('%s → %s', (_what, region, serviceRegion, expected) => {
    expect(volunteerReachable(actor('coordinator', region), CHILD, serviceRegion)).toBe(expected)
  })
})

describe('pairingScopeSql', () => {
  it('is an equality for a village-bound director, a prefix and the county for a township or county, a prefix above', () => {
    expect(pairingScopeSql(actor('child_director', CHILD))).toMatchObject({ sql: 'p."villageCode" = ?', values: [CHILD] })
    expect(pairingScopeSql(actor('coordinator', '450225101000'))).toMatchObject({ sql: `p."villageCode" LIKE '450225101%' AND left(p."villageCode", 6) = '450225'`, values: [] })
    expect(pairingScopeSql(actor('civil_affairs', '450225000000'))).toMatchObject({ sql: `p."villageCode" LIKE '450225%' AND left(p."villageCode", 6) = '450225'`, values: [] })
    expect(pairingScopeSql(actor('admin', '450000000000'))).toMatchObject({ sql: `p."villageCode" LIKE '45%'`, values: [] })
  })
})
