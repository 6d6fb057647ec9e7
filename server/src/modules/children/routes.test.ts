import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { childBody, registerChild, testIdNumber } from '../../../../test/helpers/children'
import { pairWithCaller } from '../../../../test/helpers/pairings'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
const VILLAGE = '450225101201' // 古顶村
const SIBLING = '450225101202' // 安塘村, same township
const TOWNSHIP = '450225101000'
const COUNTY = '450225000000'
const OTHER_COUNTY = '450226000000'

beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const as = async (role: Role, regionCode: string) => tokenFor(t.app, { role, regionCode })
const get = async (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) })
const post = async (token: string, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) })
const patch = async (token: string, url: string, payload: object) => t.app.inject({ method: 'PATCH', url, headers: bearer(token), payload })

describe('POST /api/children', () => {
  it('registers a full file: sealed at rest, masked in the answer, with history and audit', async () => {
    const director = await as('child_director', VILLAGE)
    const body = childBody()
    const res = await post(director, '/api/children', body)
    expect(res.statusCode).toBe(201)
    const { child, warnings } = res.json()
    expect(warnings).toEqual([])
    expect(child).toMatchObject({
      view: 'full', villageName: '古顶村委会', name: '韦小花', displayName: '小花', age: 10, version: 1, gradeBand: 'primary_upper',
      idNumberMasked: `**************${body.idNumber.slice(-4)}`, addressMasked: '广西融水苗族自治县古顶村****',
      risk: { level: 'medium' }, nearWater: true, pairingStatus: 'unpaired', status: 'active', agingOut: [],
      filedByName: '测试儿童主任', filedAt: '2026-03-02',
    })
    expect(child.guardians.map((g: { phoneMasked: string }) => g.phoneMasked)).toEqual(['138****1111', '139****2222'])
    expect(JSON.stringify(res.json())).not.toContain(body.idNumber)
    const row = await t.prisma.child.findUniqueOrThrow({ where: { id: child.id }, include: { guardians: true } })
    expect(row.idNumberEnc).toMatch(/^t1:/)
    expect(t.keyring.decrypt(row.idNumberEnc!)).toBe(body.idNumber)
    expect(JSON.stringify(row)).not.toContain('13800001111')
    expect(await t.prisma.childHistory.count({ where: { childId: child.id, kind: 'created' } })).toBe(1)
    expect(await t.prisma.auditLog.count({ where: { action: 'child.create', targetId: child.id } })).toBe(1)
  })

  it('warns, without refusing, when the facts do not fit the chosen category', async () => {
    const director = await as('child_director', VILLAGE)
    const res = await post(director, '/api/children', childBody({
      hukouType: 'urban', father: { status: 'at_home' }, categories: ['left_behind', 'in_difficulty'], difficultyKinds: ['disability'],
    }))
    expect(res.statusCode).toBe(201)
    expect(res.json().warnings.map((w: { code: string }) => w.code)).toEqual(['LEFT_BEHIND_HUKOU', 'LEFT_BEHIND_PARENTS', 'IN_DIFFICULTY_DISABILITY'])
    expect(res.json().warnings[0].message).toContain('农村户籍')
  })

  it('refuses a birth date or sex that contradicts the ID number, naming the field', async () => {
    const director = await as('child_director', VILLAGE)
    const body = childBody()
    const res = await post(director, '/api/children', { ...body, birthDate: '2015-06-02' })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields).toEqual({ birthDate: '出生日期与身份证号不一致' })
    const bad = await post(director, '/api/children', { ...body, idNumber: body.idNumber.slice(0, 17) + (body.idNumber.endsWith('1') ? '2' : '1') })
    expect(bad.json().fields.idNumber).toBe('身份证号校验位不对，请核对每一位数字')
  })

  it('answers 409 CHILD_ALREADY_REGISTERED for an ID number on file elsewhere, revealing nothing of that file', async () => {
    const body = childBody({ name: '覃秘密' })
    await registerChild(t.app, SIBLING, body)
    const director = await as('child_director', VILLAGE)
    const res = await post(director, '/api/children', { ...body, name: '覃新名' })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toEqual({ code: 'CHILD_ALREADY_REGISTERED', message: expect.stringContaining('转移申请') })
    expect(res.body).not.toMatch(/安塘|覃秘密|450225101202/)
  })

  it('lets only one of two simultaneous registrations of the same child win', async () => {
    const body = childBody()
    const [a, b] = await Promise.all([as('child_director', VILLAGE), as('child_director', SIBLING)])
    const results = await Promise.all([post(a, '/api/children', body), post(b, '/api/children', body)])
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409])
  })

  it('is refused to every role but the child director', async () => {
    for (const role of ['supervisor', 'coordinator', 'civil_affairs'] as const) {
      const token = await as(role, role === 'supervisor' ? TOWNSHIP : COUNTY)
      expect((await post(token, '/api/children', childBody())).statusCode, role).toBe(403)
    }
  })
})

describe('GET /api/children/:id', () => {
  it('gives director, supervisor and civil affairs the full file and records each read', async () => {
    const { id } = await registerChild(t.app, VILLAGE)
    for (const [role, region] of [['child_director', VILLAGE], ['supervisor', TOWNSHIP], ['civil_affairs', COUNTY]] as const) {
      const res = await get(await as(role, region), `/api/children/${id}`)
      expect(res.json()).toMatchObject({ view: 'full', id })
    }
    expect(await t.prisma.auditLog.count({ where: { action: 'child.read_full', targetId: id } })).toBe(3)
  })

  it('gives a coordinator the working view: no ID number, address, phones, income or health', async () => {
    const { id } = await registerChild(t.app, VILLAGE, { priorityReasons: ['orphan'] })
    const res = await get(await as('coordinator', COUNTY), `/api/children/${id}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      view: 'working', id, name: '韦小花', age: 10, gender: 'female', villageCode: VILLAGE, villageName: '古顶村委会',
      categories: ['left_behind'], priorityReasons: ['orphan'], needs: ['学业辅导'], interests: ['画画', '跳绳'],
      consentOnFile: true, pairingStatus: 'unpaired', status: 'active',
    })
    expect(await t.prisma.auditLog.count({ where: { action: 'child.read_working', targetId: id } })).toBe(1)
  })

  it('answers 404 out of region exactly like a missing file, and to roles without a view', async () => {
    const { id } = await registerChild(t.app, VILLAGE)
    const missing = await get(await as('civil_affairs', OTHER_COUNTY), '/api/children/00000000-0000-4000-8000-000000000000')
    for (const [role, region] of [['civil_affairs', OTHER_COUNTY], ['child_director', SIBLING], ['coordinator', '450225102000'], ['admin', '450000000000'], ['volunteer', VILLAGE], ['group_leader', COUNTY]] as const) {
      const res = await get(await as(role, region), `/api/children/${id}`)
      expect(res.statusCode, role).toBe(404)
      expect(res.json(), role).toEqual(missing.json())
    }
  })
})

describe('GET /api/children/:id (audit)', () => {
  const reads = (targetId: string) => t.prisma.auditLog.findMany({ where: { targetId, action: { startsWith: 'child.read' } } })

  it('writes one audit row with each view, naming who read what, and none for a 404', async () => {
    const { id } = await registerChild(t.app, VILLAGE)
    const res = await get(await as('supervisor', TOWNSHIP), `/api/children/${id}`)
    expect(res.statusCode).toBe(200)
    expect(await reads(id)).toEqual([
      expect.objectContaining({
        action: 'child.read_full', result: 'success', targetType: 'child', targetId: id, actorUserId: expect.any(String),
        actorRole: 'supervisor', regionCode: TOWNSHIP, fieldsRevealed: [], at: t.clock.now(), requestId: expect.any(String),
      }),
    ])
    for (const [role, region] of [['civil_affairs', OTHER_COUNTY], ['child_director', SIBLING], ['coordinator', '450225102000'], ['volunteer', VILLAGE], ['admin', '450000000000']] as const) {
      expect((await get(await as(role, region), `/api/children/${id}`)).statusCode, role).toBe(404)
    }
    const missing = '00000000-0000-4000-8000-00000000abcd'
    expect((await get(await as('civil_affairs', COUNTY), `/api/children/${missing}`)).statusCode).toBe(404)
    expect((await reads(id)).map((r) => r.action)).toEqual(['child.read_full'])
    expect(await reads(missing)).toEqual([])
  })
})

describe('GET /api/children/:id/card', () => {
  it('answers 404 to a volunteer who is not actively paired with the child (no pairings exist before #7)', async () => {
    const { id } = await registerChild(t.app, VILLAGE)
    const res = await get(await as('volunteer', TOWNSHIP), `/api/children/${id}/card`)
    expect(res.statusCode).toBe(404)
    expect((await get(await as('child_director', VILLAGE), `/api/children/${id}/card`)).statusCode).toBe(404)
    expect(await t.prisma.auditLog.count({ where: { targetId: id, action: 'child.read_card' } })).toBe(0)
  })

  it('shows the paired volunteer the card with its audit row, and closes with the file', async () => {
    const { id } = await registerChild(t.app, VILLAGE)
    const volunteer = await as('volunteer', TOWNSHIP)
    await pairWithCaller(t, volunteer, id)
    const res = await get(volunteer, `/api/children/${id}/card`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ view: 'card', displayName: '小花', villageName: '古顶村委会', director: { name: '测试儿童主任' } })
    expect(await t.prisma.auditLog.count({ where: { targetId: id, action: 'child.read_card', actorRole: 'volunteer' } })).toBe(1)
    await post(await as('child_director', VILLAGE), `/api/children/${id}/close`, { reason: 'moved_out' })
    expect((await get(volunteer, `/api/children/${id}/card`)).statusCode).toBe(404)
    expect(await t.prisma.auditLog.count({ where: { targetId: id, action: 'child.read_card' } })).toBe(1)
  })
})

describe('POST /api/children/:id/reveal', () => {
  it('shows one field in full and records which field', async () => {
    const body = childBody()
    const child = await registerChild(t.app, VILLAGE, body)
    const supervisor = await as('supervisor', TOWNSHIP)
    const id = await post(supervisor, `/api/children/${child.id}/reveal`, { field: 'idNumber' })
    expect(id.json()).toEqual({ field: 'idNumber', value: body.idNumber })
    const phone = await post(supervisor, `/api/children/${child.id}/reveal`, { field: 'guardianPhone', guardianId: child.guardians[1]!.id })
    expect(phone.json()).toEqual({ field: 'guardianPhone', value: '13900002222' })
    const address = await post(supervisor, `/api/children/${child.id}/reveal`, { field: 'address' })
    expect(address.json().value).toBe('广西融水苗族自治县古顶村3组12号')
    const rows = await t.prisma.auditLog.findMany({ where: { action: 'child.reveal', targetId: child.id }, orderBy: { id: 'asc' } })
    expect(rows.map((r) => r.fieldsRevealed)).toEqual([['idNumber'], ['guardianPhone'], ['address']])
    expect(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(body.idNumber)
  })

  it('is not for coordinators, and 404 outside the region', async () => {
    const { id } = await registerChild(t.app, VILLAGE)
    expect((await post(await as('coordinator', COUNTY), `/api/children/${id}/reveal`, { field: 'idNumber' })).statusCode).toBe(404)
    expect((await post(await as('child_director', SIBLING), `/api/children/${id}/reveal`, { field: 'idNumber' })).statusCode).toBe(404)
  })
})

describe('PATCH /api/children/:id', () => {
  it('keeps history of who changed what; sealed fields appear by name only', async () => {
    const child = await registerChild(t.app, VILLAGE)
    const director = await as('child_director', VILLAGE)
    const newId = testIdNumber('2015-06-01', 'female')
    const res = await patch(director, `/api/children/${child.id}`, {
      version: 1, risk: { level: 'high', assessedAt: '2026-03-01', assessor: '赵明' }, idNumber: newId,
      guardians: [
        { id: child.guardians[0]!.id, relation: 'father', name: '韦大山', phone: '13700003333', healthy: true, occupation: '建筑工人' },
        { id: child.guardians[1]!.id, relation: 'mother', name: '梁秀英', healthy: true, occupation: '电子厂工人' },
      ],
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().child).toMatchObject({ version: 2, risk: { level: 'high' }, idNumberMasked: `**************${newId.slice(-4)}` })
    expect(res.json().child.guardians.map((g: { phoneMasked: string }) => g.phoneMasked)).toEqual(['137****3333', '139****2222'])
    const history = (await get(director, `/api/children/${child.id}/history`)).json().items
    expect(history[0]).toMatchObject({ kind: 'updated', actorName: '测试儿童主任' })
    const fields = history[0].changes.map((c: { field: string }) => c.field).sort()
    expect(fields).toEqual(['guardianPhone', 'idNumber', 'risk'])
    expect(history[0].changes.find((c: { field: string }) => c.field === 'risk')).toMatchObject({ from: { level: 'medium' }, to: { level: 'high' } })
    expect(JSON.stringify(history)).not.toMatch(new RegExp(`${newId}|13700003333`))
  })

  it('refuses an edit made on an old version (409) and a file outside the village (404)', async () => {
    const child = await registerChild(t.app, VILLAGE)
    const director = await as('child_director', VILLAGE)
    expect((await patch(director, `/api/children/${child.id}`, { version: 1, nearWater: false })).statusCode).toBe(200)
    const stale = await patch(director, `/api/children/${child.id}`, { version: 1, nearWater: true })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('CONFLICT')
    expect((await patch(await as('child_director', SIBLING), `/api/children/${child.id}`, { version: 2, nearWater: true })).statusCode).toBe(404)
    expect((await patch(await as('supervisor', TOWNSHIP), `/api/children/${child.id}`, { version: 2, nearWater: true })).statusCode).toBe(403)
  })

  it('rejects unknown fields (no mass assignment)', async () => {
    const child = await registerChild(t.app, VILLAGE)
    const res = await patch(await as('child_director', VILLAGE), `/api/children/${child.id}`, { version: 1, villageCode: SIBLING })
    expect(res.statusCode).toBe(400)
  })
})

describe('POST /api/children/:id/close', () => {
  it('closes the file, which then refuses edits', async () => {
    const child = await registerChild(t.app, VILLAGE)
    const director = await as('child_director', VILLAGE)
    const res = await post(director, `/api/children/${child.id}/close`, { reason: 'aged_out', note: '已满16周岁' })
    expect(res.json()).toMatchObject({ status: 'closed', closed: { reason: 'aged_out', note: '已满16周岁' } })
    expect((await patch(director, `/api/children/${child.id}`, { version: 2, nearWater: false })).json().code).toBe('CHILD_CLOSED')
    expect((await post(director, `/api/children/${child.id}/close`, { reason: 'other' })).json().code).toBe('CHILD_CLOSED')
  })
})
