/**
 * A child's ID number, guardians' phones and home address never appear in plaintext where they
 * could leak: not in the logs (with logging at its most verbose, through create, read, reveal,
 * edits, duplicates, validation errors, transfers and a yearly record), and not in a dump of the
 * database (they are sealed at rest; names are not required to be and serve as the control that
 * the dump really holds the rows).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idNumberCheckChar } from '@qstx/shared'
import { buildTestApp, type TestContext } from '../../../../test/helpers/build-app'
import { childBody } from '../../../../test/helpers/children'
import { dumpDatabase } from '../../../../test/helpers/pg-dump'
import { bearer, tokenFor } from '../../../../test/helpers/personas'

const CANARY_NAME = '甄金丝雀'
const CANARY_ID = '45022520150601999' + idNumberCheckChar('45022520150601999')
const CANARY_PHONES = ['13912340001', '13912340002']
const CANARY_ADDRESS = '金丝雀屯九组九号'
const CANARY_NEW_PHONE = '13912340003'
const SEALED = [CANARY_ID, ...CANARY_PHONES, CANARY_NEW_PHONE, CANARY_ADDRESS]

const lines: string[] = []
let t: TestContext

beforeAll(async () => {
  t = await buildTestApp({ env: { LOG_LEVEL: 'trace' }, logStream: { write: (line) => void lines.push(line) } })
  const director = await tokenFor(t.app, { role: 'child_director', regionCode: '450225101201' })
  const other = await tokenFor(t.app, { role: 'child_director', regionCode: '450225102201' })
  const supervisor = await tokenFor(t.app, { role: 'supervisor', regionCode: '450225101000' })
  const send = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) })
  const body = childBody({
    name: CANARY_NAME, gender: 'male', idNumber: CANARY_ID, address: `广西融水苗族自治县古顶村${CANARY_ADDRESS}`,
    guardians: [{ relation: 'father', name: '甄父', phone: CANARY_PHONES[0] }, { relation: 'mother', name: '甄母', phone: CANARY_PHONES[1] }],
    consent: { givenBy: '甄母', relation: 'mother', date: '2026-01-10', method: 'written' },
  })
  const created = await send(director, 'POST', '/api/children', body)
  expect(created.statusCode).toBe(201)
  const child = created.json().child
  const ok = [
    await send(director, 'GET', `/api/children/${child.id}`),
    await send(supervisor, 'POST', `/api/children/${child.id}/reveal`, { field: 'idNumber' }),
    await send(supervisor, 'POST', `/api/children/${child.id}/reveal`, { field: 'guardianPhone', guardianId: child.guardians[0].id }),
    await send(supervisor, 'POST', `/api/children/${child.id}/reveal`, { field: 'address' }),
    await send(director, 'PATCH', `/api/children/${child.id}`, { version: 1, guardians: [{ id: child.guardians[0].id, relation: 'father', name: '甄父', phone: CANARY_NEW_PHONE }] }),
  ]
  expect(ok.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200])
  await send(director, 'PATCH', `/api/children/${child.id}`, { version: 2, address: `${CANARY_ADDRESS}!`, idNumber: CANARY_ID.slice(0, 17), guardians: [{ relation: 'father', name: '甄父', phone: `${CANARY_PHONES[0]}x` }] })
  await send(other, 'POST', '/api/children', body) // a duplicate
  await send(other, 'POST', '/api/children/transfers', { idNumber: CANARY_ID, reason: '迁入' })
  expect((await send(director, 'POST', `/api/children/${child.id}/complete`, { year: 2026 })).statusCode).toBe(200)
  await send(director, 'GET', `/api/children?q=${encodeURIComponent(CANARY_NAME)}`)
})
afterAll(() => t.close())

describe("a child's sealed data", () => {
  it('never reaches the logs', () => {
    const log = lines.join('')
    expect(lines.length).toBeGreaterThan(20)
    for (const canary of SEALED) expect(log.includes(canary), `log contains ${canary}`).toBe(false)
  })

  it('is not in plaintext in a dump of the database', async () => {
    const { text, tool } = await dumpDatabase(t.databaseUrl)
    expect(text.includes(CANARY_NAME), `the dump (${tool}) holds the rows`).toBe(true)
    for (const canary of SEALED) expect(text.includes(canary), `dump (${tool}) contains ${canary}`).toBe(false)
  })
})
