import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })

describe('DELETE /api/role-assignments/:id', () => {
  it('removes a director\'s role inside the county; the director loses it on the next request', async () => {
    const civil = await tokenFor(t.app, { role: 'civil_affairs', regionCode: '450225000000' })
    const director = await tokenFor(t.app, { role: 'child_director', regionCode: '450225101201' })
    const staff = (await t.app.inject({ method: 'GET', url: '/api/role-assignments', headers: bearer(civil) })).json().items
    const target = staff.find((s: { role: string }) => s.role === 'child_director')
    expect(target).toMatchObject({ regionName: '古顶村委会', disabled: false })
    const res = await t.app.inject({ method: 'DELETE', url: `/api/role-assignments/${target.id}`, headers: bearer(civil) })
    expect(res.statusCode).toBe(204)
    expect((await me(director)).json().activeRole).toBeNull()
    expect(await t.prisma.auditLog.count({ where: { action: 'role.revoke', targetId: target.id } })).toBe(1)
  })

  it('answers 404 for a role in another county, exactly like a missing one', async () => {
    const civil = await tokenFor(t.app, { role: 'civil_affairs', regionCode: '450226000000' })
    const other = await t.prisma.roleAssignment.findFirstOrThrow({ where: { regionCode: { startsWith: '450225' } } })
    const outside = await t.app.inject({ method: 'DELETE', url: `/api/role-assignments/${other.id}`, headers: bearer(civil) })
    const missing = await t.app.inject({ method: 'DELETE', url: '/api/role-assignments/00000000-0000-4000-8000-000000000000', headers: bearer(civil) })
    expect(outside.statusCode).toBe(404)
    expect(outside.json()).toEqual(missing.json())
  })
})

describe('POST /api/users/:id/disable', () => {
  it('ends every session of the user on the very next request', async () => {
    const civil = await tokenFor(t.app, { role: 'civil_affairs', regionCode: '450225000000' })
    const supervisor = await tokenFor(t.app, { role: 'supervisor', regionCode: '450225101000' })
    const { userId } = (await me(supervisor)).json()
    expect((await t.app.inject({ method: 'POST', url: `/api/users/${userId}/disable`, headers: bearer(civil) })).statusCode).toBe(204)
    expect((await me(supervisor)).statusCode).toBe(401)
  })
})
