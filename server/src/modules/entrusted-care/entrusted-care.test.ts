import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { registerChild } from '../../../../test/helpers/children'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
let director: string
const VILLAGE = '450225101201'
const NEIGHBOUR = '450225101202'

beforeAll(async () => {
  t = await buildTestApp() // 2026-03-02 in China
  director = await tokenFor(t.app, { role: 'child_director', regionCode: VILLAGE })
})
afterAll(() => t.close())

const call = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) })
const care = async (id: string, token = director) => (await call(token, 'GET', `/api/children/${id}/entrusted-care`)).json()
const visit = (id: string, body: object) => call(director, 'POST', `/api/children/${id}/visits`, { kind: 'home_visit', visitedOn: '2026-03-01', ...body })
const entrustedRows = async () => (await call(director, 'GET', '/api/duty/calendar?status=entrusted&pageSize=100')).json()

/** A child cared for by the grandmother, last assessed on `assessedOn`. */
async function grandchild(name: string, assessedOn: string | null, villageCode = VILLAGE) {
  const c = await registerChild(t.app, villageCode, { name, entrustedCare: { carer: 'grandparents', reason: 'both_away', quality: 'fair', carerName: '梁阿婆', since: '2023-02-01', parentContact: { frequency: 'weekly', modes: ['video'] } } })
  if (assessedOn) await t.prisma.child.update({ where: { id: c.id }, data: { entrustedAssessedOn: new Date(`${assessedOn}T00:00:00Z`) } })
  return c
}

describe('the yearly re-assessment on the duty calendar', () => {
  it('falls due a year after the last assessment: overdue the day after, due this week on the day', async () => {
    const late = await grandchild('韦逾期', '2025-03-01')
    const today = await grandchild('韦今天', '2025-03-02')
    const week = await grandchild('韦本周', '2025-03-09')
    const later = await grandchild('韦下周', '2025-03-10')
    const cal = await entrustedRows()
    const row = (id: string) => cal.items.find((r: { childId: string }) => r.childId === id)
    expect(row(late.id).entrusted).toEqual({ dueOn: '2026-03-01', status: 'overdue', followUp: null })
    expect(row(today.id).entrusted).toEqual({ dueOn: '2026-03-02', status: 'due_soon', followUp: null })
    expect(row(week.id).entrusted).toMatchObject({ dueOn: '2026-03-09', status: 'due_soon' })
    expect(row(later.id)).toBeUndefined()
    expect(cal.counts.entrusted).toBe(3)
    // In the whole calendar the next year's one is there, just not yet due.
    const all = (await call(director, 'GET', '/api/duty/calendar?pageSize=100')).json()
    expect(all.items.find((r: { childId: string }) => r.childId === later.id).entrusted).toEqual({ dueOn: '2026-03-10', status: 'ok', followUp: null })
  })

  it('counts a never-assessed arrangement from the later of filing and its start', async () => {
    const c = await grandchild('韦未评', null)
    const all = (await call(director, 'GET', '/api/duty/calendar?pageSize=100')).json()
    // Filed today (2026-03-02); the arrangement began in 2023: due a year after filing.
    expect(all.items.find((r: { childId: string }) => r.childId === c.id).entrusted.dueOn).toBe('2027-03-02')
  })
})

describe('assessment on a visit, the steps after a finding and a new carer', () => {
  it('walks a neglect finding through telling the parents to a new carer, with the change in the file\'s history', async () => {
    const c = await grandchild('韦照护', '2025-02-01')
    const found = await visit(c.id, { problems: '奶奶常年卧病，孩子自己做饭', entrustedCare: { capacity: 'lacks_capacity', quality: 'poor', note: '祖母身体差' } })
    expect(found.statusCode).toBe(201)
    let page = await care(c.id)
    expect(page.arrangement).toMatchObject({ carer: 'grandparents', carerName: '梁阿婆', quality: 'poor', assessedOn: '2026-03-01', followUp: 'notify_parents' })
    expect(page.review).toEqual({ dueOn: '2027-03-01', status: 'ok' })
    expect(page.events[0]).toMatchObject({ type: 'assessed', capacity: 'lacks_capacity', quality: 'poor', byName: '测试儿童主任' })
    // The calendar puts an open follow-up first in the entrusted list.
    expect((await entrustedRows()).items[0]).toMatchObject({ childId: c.id, entrusted: { followUp: 'notify_parents' } })

    const change = { carer: 'relatives_friends', carerName: '韦二叔', since: '2026-03-02', note: '父母商定由叔叔照顾' }
    const tooSoon = await call(director, 'POST', `/api/children/${c.id}/entrusted-care/carer`, change)
    expect(tooSoon.statusCode).toBe(409)
    expect(tooSoon.json().code).toBe('ENTRUSTED_PARENTS_NOT_NOTIFIED')
    expect((await call(director, 'POST', `/api/children/${c.id}/entrusted-care/steps`, { type: 'carer_supported', on: '2026-03-02', note: '督促' })).json().code).toBe('ENTRUSTED_STEP_CONFLICT')

    expect((await call(director, 'POST', `/api/children/${c.id}/entrusted-care/steps`, { type: 'parents_notified', on: '2026-03-02', note: '电话告知孩子母亲' })).statusCode).toBe(201)
    expect((await care(c.id)).followUp).toBe('resolve')
    expect((await call(director, 'POST', `/api/children/${c.id}/entrusted-care/carer`, change)).statusCode).toBe(201)

    page = await care(c.id)
    expect(page.arrangement).toMatchObject({ carer: 'relatives_friends', carerName: '韦二叔', since: '2026-03-02', quality: null, assessedOn: null, followUp: null })
    expect(page.review.dueOn).toBe('2027-03-02')
    expect(page.events.map((e: { type: string }) => e.type)).toEqual(['carer_changed', 'parents_notified', 'assessed'])
    expect(page.events[0]).toMatchObject({ from: { carer: 'grandparents', name: '梁阿婆' }, to: { carer: 'relatives_friends', name: '韦二叔' } })
    const history = (await call(director, 'GET', `/api/children/${c.id}/history`)).json().items
    expect(history[0]).toMatchObject({ kind: 'carer_changed', note: '父母商定由叔叔照顾', changes: [{ field: 'entrustedCare', to: { carer: 'relatives_friends', name: '韦二叔' } }] })
  })

  it('lets the director help the carer instead, which closes the follow-up; a capable carer opens none', async () => {
    const c = await grandchild('韦督促', '2025-02-01')
    await visit(c.id, { entrustedCare: { capacity: 'neglects', quality: 'poor' } })
    await call(director, 'POST', `/api/children/${c.id}/entrusted-care/steps`, { type: 'parents_notified', on: '2026-03-02', note: '视频告知父亲' })
    expect((await call(director, 'POST', `/api/children/${c.id}/entrusted-care/steps`, { type: 'carer_supported', on: '2026-03-02', note: '约定每天接送' })).statusCode).toBe(201)
    expect((await care(c.id)).followUp).toBeNull()
    const fine = await grandchild('韦良好', '2025-02-01')
    await visit(fine.id, { entrustedCare: { capacity: 'capable', quality: 'good' } })
    expect((await care(fine.id)).arrangement).toMatchObject({ quality: 'good', followUp: null, assessedOn: '2026-03-01' })
  })

  it('does not move the latest assessment back for a visit entered late', async () => {
    const c = await grandchild('韦补录', '2025-02-01')
    await visit(c.id, { entrustedCare: { capacity: 'capable', quality: 'good' } })
    await visit(c.id, { visitedOn: '2026-02-10', entrustedCare: { capacity: 'neglects', quality: 'poor' } })
    const page = await care(c.id)
    expect(page.arrangement).toMatchObject({ quality: 'good', assessedOn: '2026-03-01', followUp: null })
    expect(page.events).toHaveLength(2)
  })

  it('refuses an assessment where there is no carer to assess', async () => {
    const c = await registerChild(t.app, VILLAGE, { name: '韦无委托', entrustedCare: { carer: 'none' } })
    const res = await visit(c.id, { entrustedCare: { capacity: 'capable', quality: 'good' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('NO_ENTRUSTED_CARER')
    // All or nothing: the visit itself was not kept either.
    expect(await t.prisma.directorVisit.count({ where: { childId: c.id } })).toBe(0)
  })

  it('treats a file edit that names another carer as a carer change too', async () => {
    const c = await grandchild('韦改档', null)
    const res = await call(director, 'PATCH', `/api/children/${c.id}`, { version: c.version, entrustedCare: { carer: 'grandparents', reason: 'both_away', quality: 'fair', carerName: '韦阿公' } })
    expect(res.statusCode).toBe(200)
    const history = (await call(director, 'GET', `/api/children/${c.id}/history`)).json().items
    expect(history[0]).toMatchObject({ kind: 'carer_changed', changes: [{ field: 'entrustedCare', from: { name: '梁阿婆' }, to: { name: '韦阿公' } }] })
    expect((await care(c.id)).events[0]).toMatchObject({ type: 'carer_changed', to: { carer: 'grandparents', name: '韦阿公' } })
  })
})

describe('who sees it', () => {
  it('audits each view; another village\'s director gets 404, a coordinator 403', async () => {
    const c = await grandchild('韦审计', null)
    const before = await t.prisma.auditLog.count({ where: { action: 'child.read_entrusted_care', targetId: c.id } })
    expect((await call(await tokenFor(t.app, { role: 'supervisor', regionCode: '450225101000' }), 'GET', `/api/children/${c.id}/entrusted-care`)).statusCode).toBe(200)
    expect(await t.prisma.auditLog.count({ where: { action: 'child.read_entrusted_care', targetId: c.id } })).toBe(before + 1)
    expect((await call(await tokenFor(t.app, { role: 'child_director', regionCode: NEIGHBOUR }), 'GET', `/api/children/${c.id}/entrusted-care`)).statusCode).toBe(404)
    expect(await t.prisma.auditLog.count({ where: { action: 'child.read_entrusted_care', targetId: c.id } })).toBe(before + 1)
    expect((await call(await tokenFor(t.app, { role: 'coordinator', regionCode: '450225000000' }), 'GET', `/api/children/${c.id}/entrusted-care`)).statusCode).toBe(403)
  })
})
