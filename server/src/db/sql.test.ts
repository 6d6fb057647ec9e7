import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import '../../../test/helpers/provided-context'
import { isoInstant, rows, sql, utcText } from './sql'

describe('instants served as text (utcText, isoInstant)', () => {
  let client: pg.Client
  beforeAll(async () => {
    client = new pg.Client({ connectionString: inject('pgAdminUrl') })
    await client.connect()
  })
  afterAll(() => client?.end())

  // Whole seconds, a fraction PostgreSQL writes with its trailing zeros dropped, every digit, and
  // microseconds (which a Date cannot hold: cut, as a Date parsed from them is).
  const instants = ['2026-12-02T16:25:24.000Z', '2026-12-02T16:25:24.480Z', '2026-12-31T23:59:59.999Z', '2024-02-29T00:00:00.007Z']

  for (const zone of ['Asia/Shanghai', 'UTC', 'America/Los_Angeles']) {
    it(`reads back exactly as toISOString writes it, whatever the session's time zone (${zone})`, async () => {
      await client.query(`SET TimeZone = '${zone}'`)
      for (const at of instants) {
        const [row] = await rows<{ t: string }>(client, sql`SELECT ${utcText(sql`${at}::timestamptz`)} AS t`)
        expect(isoInstant(row!.t)).toBe(at)
      }
      const [micro] = await rows<{ t: string }>(client, sql`SELECT ${utcText(sql`'2026-12-02 16:25:24.484999+00'::timestamptz`)} AS t`)
      expect(isoInstant(micro!.t)).toBe(new Date('2026-12-02T16:25:24.484999Z').toISOString())
    })
  }

  it('keeps a missing instant missing', () => {
    expect(isoInstant(null)).toBeNull()
  })
})
