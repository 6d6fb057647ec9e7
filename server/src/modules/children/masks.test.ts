/**
 * The masks every view shows of a sealed address and guardian phone are kept beside the seal
 * (migration 20261210000000), so a read decrypts nothing. Files sealed before that still show
 * their masks, and their next edit writes them; changing or clearing a value changes its mask.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillMasks } from '../../db/fill-masks'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { childBody } from '../../../../test/helpers/children'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

let t: TestContext
let director: string
let id: string

const stored = async () => {
  const c = await t.prisma.child.findUniqueOrThrow({ where: { id }, select: { addressEnc: true, addressMasked: true, version: true, guardians: { orderBy: { ordinal: 'asc' }, select: { id: true, phoneEnc: true, phoneMasked: true } } } })
  return c
}
const shown = async () => {
  const res = await t.app.inject({ method: 'GET', url: `/api/children/${id}`, headers: bearer(director) })
  expect(res.statusCode).toBe(200)
  const f = res.json() as { addressMasked: string | null; version: number; guardians: Array<{ id: string; phoneMasked: string | null }> }
  return f
}
const patch = async (payload: object) => {
  const res = await t.app.inject({ method: 'PATCH', url: `/api/children/${id}`, headers: bearer(director), payload: { version: (await stored()).version, ...payload } })
  expect(res.statusCode, res.body).toBe(200)
}

beforeAll(async () => {
  t = await buildTestApp()
  director = await tokenFor(t.app, { role: 'child_director', regionCode: '450225101201' })
  const created = await t.app.inject({ method: 'POST', url: '/api/children', headers: bearer(director), payload: childBody() })
  expect(created.statusCode).toBe(201)
  id = created.json().child.id
})
afterAll(() => t.close())

describe('masks of sealed values', () => {
  it('are written beside the seal and shown as they are', async () => {
    const row = await stored()
    expect(row.addressEnc).toMatch(/^t1:/)
    expect(row.addressMasked).toBe('广西融水苗族自治县古顶村****')
    expect(row.guardians.map((g) => g.phoneMasked)).toEqual(['138****1111', '139****2222'])
    const f = await shown()
    expect(f.addressMasked).toBe('广西融水苗族自治县古顶村****')
    expect(f.guardians.map((g) => g.phoneMasked)).toEqual(['138****1111', '139****2222'])
  })

  it('of a file sealed before masks were kept are made from the seal, and its next edit writes them', async () => {
    await t.prisma.child.update({ where: { id }, data: { addressMasked: null } })
    await t.prisma.childGuardian.updateMany({ where: { childId: id }, data: { phoneMasked: null } })
    const f = await shown()
    expect(f.addressMasked).toBe('广西融水苗族自治县古顶村****')
    expect(f.guardians.map((g) => g.phoneMasked)).toEqual(['138****1111', '139****2222'])

    // An edit that touches neither value: the guardians are sent back without their phones.
    await patch({ otherNotes: '暑假回来过', guardians: f.guardians.map((g, i) => ({ id: g.id, relation: i ? 'mother' : 'father', name: i ? '梁秀英' : '韦大山' })) })
    const row = await stored()
    expect(row.addressMasked).toBe('广西融水苗族自治县古顶村****')
    expect(row.guardians.map((g) => g.phoneMasked)).toEqual(['138****1111', '139****2222'])
  })

  it('missing from files sealed before they were kept are written by db:fill-masks, once', async () => {
    await t.prisma.child.updateMany({ data: { addressMasked: null } })
    await t.prisma.childGuardian.updateMany({ data: { phoneMasked: null } })
    const sealed = { addresses: await t.prisma.child.count({ where: { addressEnc: { not: null } } }), phones: await t.prisma.childGuardian.count({ where: { phoneEnc: { not: null } } }) }
    expect(sealed.addresses).toBeGreaterThan(0)
    expect(await fillMasks(t.prisma, t.keyring, { batchSize: 2 })).toEqual({ 'children.addressMasked': sealed.addresses, 'child_guardians.phoneMasked': sealed.phones })
    const row = await stored()
    expect(row.addressMasked).toBe('广西融水苗族自治县古顶村****')
    expect(row.guardians.map((g) => g.phoneMasked)).toEqual(['138****1111', '139****2222'])
    expect(await fillMasks(t.prisma, t.keyring)).toEqual({ 'children.addressMasked': 0, 'child_guardians.phoneMasked': 0 })
  })

  it('follow a changed or cleared value', async () => {
    const before = await shown()
    await patch({ address: '广西融水苗族自治县香粉乡雨卜村5组1号', guardians: [{ id: before.guardians[0]!.id, relation: 'father', name: '韦大山', phone: '13712345678' }, { id: before.guardians[1]!.id, relation: 'mother', name: '梁秀英', phone: null }] })
    let f = await shown()
    expect(f.addressMasked).toBe('广西融水苗族自治县香粉乡雨卜村****')
    expect(f.guardians.map((g) => g.phoneMasked)).toEqual(['137****5678', null])
    expect((await stored()).guardians.map((g) => [g.phoneEnc === null, g.phoneMasked])).toEqual([[false, '137****5678'], [true, null]])

    await patch({ address: null })
    f = await shown()
    expect(f.addressMasked).toBeNull()
    expect(await stored()).toMatchObject({ addressEnc: null, addressMasked: null })
  })
})
