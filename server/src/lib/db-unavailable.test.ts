import { describe, expect, it } from 'vitest'
import { Prisma } from '../generated/prisma/client'
import { isDatabaseUnavailable } from './db-unavailable'

const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('failed', { code, clientVersion: '7', ...(meta ? { meta } : {}) })
const adapter = (cause: object) => ({ driverAdapterError: { name: 'DriverAdapterError', cause } })

describe('isDatabaseUnavailable', () => {
  it('recognises the errors Prisma 7 over adapter-pg gives while PostgreSQL is down or restarting', () => {
    expect(isDatabaseUnavailable(known('P1001', adapter({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 })))).toBe(true)
    expect(isDatabaseUnavailable(known('P1017'))).toBe(true)
    expect(isDatabaseUnavailable(known('P2010', adapter({ kind: 'DatabaseNotReachable' })))).toBe(true)
    expect(isDatabaseUnavailable(known('P2010', adapter({ kind: 'postgres', code: '57P01', message: 'terminating connection due to administrator command' })))).toBe(true)
    expect(isDatabaseUnavailable(known('P2010', adapter({ kind: 'postgres', code: '57P03', message: 'the database system is starting up' })))).toBe(true)
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true)
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: '08006' }) }))).toBe(true)
  })

  it('leaves real failures alone: constraint violations, bad queries, bugs', () => {
    expect(isDatabaseUnavailable(known('P2002'))).toBe(false)
    expect(isDatabaseUnavailable(known('P2010', adapter({ kind: 'postgres', code: '42601', message: 'syntax error' })))).toBe(false)
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false)
    expect(isDatabaseUnavailable(null)).toBe(false)
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false)
  })

  it('does not loop on an error that is its own cause', () => {
    const e = new Error('odd') as Error & { cause: unknown }
    e.cause = e
    expect(isDatabaseUnavailable(e)).toBe(false)
  })
})
