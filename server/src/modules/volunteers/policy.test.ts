import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VOLUNTEER_STATUSES } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { volunteerRow } from '../../../../test/helpers/volunteers'
import { assertPairable } from './policy'

let t: TestContext
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

describe('assertPairable', () => {
  it('lets an approved volunteer be paired and returns what the pairing needs', async () => {
    const v = await volunteerRow(t, { status: 'approved', regionCode: '450225101000', checksDone: true })
    await expect(t.prisma.$transaction((tx) => assertPairable(tx, v.id))).resolves.toEqual({ id: v.id, userId: v.userId, serviceRegionCode: '450225101000', capacity: 1 })
  })

  it.each(VOLUNTEER_STATUSES.filter((s) => s !== 'approved'))('refuses a volunteer who is %s', async (status) => {
    const v = await volunteerRow(t, { status, regionCode: '450225101000' })
    await expect(t.prisma.$transaction((tx) => assertPairable(tx, v.id))).rejects.toMatchObject({ code: 'VOLUNTEER_NOT_PAIRABLE', statusCode: 409 })
  })

  it('answers NOT_FOUND for an unknown volunteer', async () => {
    await expect(t.prisma.$transaction((tx) => assertPairable(tx, crypto.randomUUID()))).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('holds the row until the pairing transaction ends, so a suspension waits for it', async () => {
    const v = await volunteerRow(t, { status: 'approved', regionCode: '450225101000', checksDone: true })
    const order: string[] = []
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const pairing = t.prisma.$transaction(async (tx) => {
      await assertPairable(tx, v.id)
      order.push('checked')
      await held
      order.push('paired')
    })
    await new Promise((r) => setTimeout(r, 50))
    const suspension = t.prisma.volunteer.updateMany({ where: { id: v.id, status: 'approved' }, data: { status: 'suspended' } }).then(() => order.push('suspended'))
    await new Promise((r) => setTimeout(r, 100))
    release()
    await Promise.all([pairing, suspension])
    expect(order).toEqual(['checked', 'paired', 'suspended'])
  })
})
