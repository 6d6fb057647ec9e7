import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { childBody, registerChild } from '../../../../test/helpers/children'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
const FROM = '450225101201' // 古顶村, 和睦镇
const TO = '450225102201' // 洞马村, 三防镇
const as = (role: Role, regionCode: string) => tokenFor(t.app, { role, regionCode })
const post = (token: string, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) })
const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) })

beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

async function moved(overrides = {}) {
  const body = childBody({ name: '覃小燕', ...overrides })
  const child = await registerChild(t.app, FROM, body)
  return { body, child }
}

describe('child transfers', () => {
  it('moves the file with its history once the keeping director accepts', async () => {
    const { body, child } = await moved()
    const receiver = await as('child_director', TO)
    const keeper = await as('child_director', FROM)
    // Registering fails and points to a transfer; the request then tells the receiver nothing of the file.
    expect((await post(receiver, '/api/children', body)).json().code).toBe('CHILD_ALREADY_REGISTERED')
    const req = await post(receiver, '/api/children/transfers', { idNumber: body.idNumber, reason: '随父母搬迁到洞马村' })
    expect(req.statusCode).toBe(201)
    expect(req.json()).toMatchObject({ status: 'pending', yourPart: 'requester', child: null, fromVillageName: null, toVillageName: '洞马村委会' })
    expect(req.body).not.toMatch(/覃小燕|古顶/)
    expect((await get(receiver, `/api/children/${child.id}`)).statusCode).toBe(404)

    const incoming = (await get(keeper, '/api/children/transfers')).json().items
    expect(incoming[0]).toMatchObject({ yourPart: 'holder', child: { id: child.id, name: '覃小燕' }, fromVillageName: '古顶村委会', reason: '随父母搬迁到洞马村' })
    const accepted = await post(keeper, `/api/children/transfers/${req.json().id}/accept`)
    expect(accepted.json()).toMatchObject({ status: 'accepted', child: null })

    const file = await get(receiver, `/api/children/${child.id}`)
    expect(file.json()).toMatchObject({ villageCode: TO, villageName: '洞马村委会', directorWorkPhone: null })
    expect((await get(keeper, `/api/children/${child.id}`)).statusCode).toBe(404)
    const history = (await get(receiver, `/api/children/${child.id}/history`)).json().items
    expect(history.map((h: { kind: string }) => h.kind)).toEqual(['transferred', 'created'])
    expect(history[0]).toMatchObject({ fromVillageName: '古顶村委会', toVillageName: '洞马村委会', note: '随父母搬迁到洞马村' })
    const audit = await t.prisma.auditLog.findMany({ where: { targetId: req.json().id }, select: { action: true } })
    expect(audit.map((a) => a.action).sort()).toEqual(['child.transfer.accept', 'child.transfer.request'])
  })

  it('can be declined with a reason, or withdrawn by the asking director', async () => {
    const { body } = await moved()
    const receiver = await as('child_director', TO)
    const keeper = await as('child_director', FROM)
    const first = (await post(receiver, '/api/children/transfers', { idNumber: body.idNumber, reason: '迁入' })).json()
    expect((await post(receiver, '/api/children/transfers', { idNumber: body.idNumber, reason: '再次申请' })).json().code).toBe('TRANSFER_PENDING')
    const declined = await post(keeper, `/api/children/transfers/${first.id}/decline`, { reason: '孩子仍在本村居住' })
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: '孩子仍在本村居住' })
    expect((await post(keeper, `/api/children/transfers/${first.id}/accept`)).statusCode).toBe(409)
    const second = (await post(receiver, '/api/children/transfers', { idNumber: body.idNumber, reason: '已迁入' })).json()
    expect((await post(receiver, `/api/children/transfers/${second.id}/cancel`)).json().status).toBe('cancelled')
  })

  it('answers 404 to anyone but the keeping director deciding, and 404 for an unknown ID number', async () => {
    const { body } = await moved()
    const receiver = await as('child_director', TO)
    const { id } = (await post(receiver, '/api/children/transfers', { idNumber: body.idNumber, reason: '迁入' })).json()
    expect((await post(receiver, `/api/children/transfers/${id}/accept`)).statusCode).toBe(404)
    expect((await post(await as('child_director', '450225101202'), `/api/children/transfers/${id}/accept`)).statusCode).toBe(404)
    expect((await post(await as('supervisor', '450225101000'), `/api/children/transfers/${id}/accept`)).statusCode).toBe(403)
    const unknown = await post(receiver, '/api/children/transfers', { idNumber: childBody().idNumber, reason: '迁入' })
    expect(unknown.statusCode).toBe(404)
    expect((await post(await as('child_director', FROM), '/api/children/transfers', { idNumber: body.idNumber, reason: '迁入' })).statusCode).toBe(409)
  })

  it('shows supervisors the transfers of their township without letting them decide', async () => {
    await moved()
    const items = (await get(await as('supervisor', '450225101000'), '/api/children/transfers')).json().items
    expect(items.length).toBeGreaterThan(0)
    expect(items.every((i: { yourPart: string }) => i.yourPart === 'observer')).toBe(true)
  })

  it('lets exactly one of two simultaneous decisions win', async () => {
    const { body } = await moved()
    const receiver = await as('child_director', TO)
    const keeper = await as('child_director', FROM)
    const { id } = (await post(receiver, '/api/children/transfers', { idNumber: body.idNumber, reason: '迁入' })).json()
    const results = await Promise.all([post(keeper, `/api/children/transfers/${id}/accept`), post(keeper, `/api/children/transfers/${id}/decline`, { reason: '不同意转移' })])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })
})
