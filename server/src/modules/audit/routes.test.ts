import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

describe('audit_logs table', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, even from the application\'s own connection', async () => {
    const row = await t.prisma.auditLog.create({ data: { action: 'test.row', result: 'success', regionCode: '450225000000' } })
    await expect(t.prisma.auditLog.update({ where: { id: row.id }, data: { result: 'failure' } })).rejects.toThrow(/append-only/)
    await expect(t.prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/)
    await expect(t.prisma.$executeRawUnsafe('TRUNCATE audit_logs')).rejects.toThrow(/append-only/)
    expect(await t.prisma.auditLog.findUnique({ where: { id: row.id } })).toMatchObject({ result: 'success' })
  })
})

describe('GET /api/audit', () => {
  it('shows civil affairs the trail of their county only, newest first, with filters', async () => {
    const civil = await tokenFor(t.app, { role: 'civil_affairs', regionCode: '450225000000' })
    const coordinator = await tokenFor(t.app, { role: 'coordinator', regionCode: '450225000000' })
    const elsewhere = await tokenFor(t.app, { role: 'coordinator', regionCode: '450226000000' })
    await t.app.inject({ method: 'POST', url: '/api/invitations', headers: bearer(coordinator), payload: { role: 'child_director', regionCode: '450225101201' } })
    await t.app.inject({ method: 'POST', url: '/api/invitations', headers: bearer(elsewhere), payload: { role: 'child_director', regionCode: '450226100201' } })

    const res = await t.app.inject({ method: 'GET', url: '/api/audit?action=invitation.', headers: bearer(civil) })
    expect(res.statusCode).toBe(200)
    const { items, total } = res.json()
    expect(total).toBe(1)
    expect(items[0]).toMatchObject({ action: 'invitation.create', actorRole: 'coordinator', actorName: '测试妇联协调员', regionCode: '450225000000', result: 'success', targetType: 'invitation' })
    expect(items[0].requestId).toBeTruthy()
    expect(items[0].ip).toBeTruthy()
  })

  it('is closed to roles that do not read the trail', async () => {
    const coordinator = await tokenFor(t.app, { role: 'coordinator', regionCode: '450225000000' })
    const res = await t.app.inject({ method: 'GET', url: '/api/audit', headers: bearer(coordinator) })
    expect(res.statusCode).toBe(403)
  })

  it('pages through the trail and filters by date', async () => {
    const admin = await tokenFor(t.app, { role: 'admin', regionCode: '450000000000' })
    const page = await t.app.inject({ method: 'GET', url: '/api/audit?pageSize=1&page=1', headers: bearer(admin) })
    expect(page.json().items).toHaveLength(1)
    expect(page.json().total).toBeGreaterThan(1)
    const oldest = await t.app.inject({ method: 'GET', url: '/api/audit?sort=oldest&pageSize=100', headers: bearer(admin) })
    const times = (oldest.json().items as Array<{ at: string }>).map((i) => i.at)
    expect(times).toEqual([...times].sort())
    expect(times.length).toBeGreaterThan(1)
    const future = await t.app.inject({ method: 'GET', url: '/api/audit?from=2030-01-01T00:00:00.000Z', headers: bearer(admin) })
    expect(future.json().total).toBe(0)
  })
})
