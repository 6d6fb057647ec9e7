import { describe, expect, it } from 'vitest'
import { MAX_ITEM_BYTES, MAX_TOTAL_BYTES, admit, inSendingOrder, newIdempotencyKey, outcomeOf, retryDelayMs, utf8Bytes, uuidFromBytes } from './outbox-core'

describe('utf8Bytes', () => {
  it('counts bytes as UTF-8 stores them: ASCII 1, Chinese 3, emoji 4', () => {
    expect(utf8Bytes('abc')).toBe(3)
    expect(utf8Bytes('读书')).toBe(6)
    expect(utf8Bytes('é')).toBe(2)
    expect(utf8Bytes('😀')).toBe(4)
    expect(utf8Bytes('a读😀')).toBe(8)
  })
})

describe('admit', () => {
  it('refuses an item over the per-key limit, whatever room is left', () => {
    expect(admit(MAX_ITEM_BYTES + 1, 0)).toMatchObject({ ok: false, reason: 'item_too_large' })
    expect(admit(MAX_ITEM_BYTES, 0)).toEqual({ ok: true })
  })

  it('refuses when the outbox would pass 5 MB in all, and says what to do', () => {
    expect(admit(10_000, MAX_TOTAL_BYTES - 10_000)).toEqual({ ok: true })
    const full = admit(10_000, MAX_TOTAL_BYTES - 9_999)
    expect(full).toMatchObject({ ok: false, reason: 'storage_full' })
    expect(full.ok ? '' : full.message).toContain('已满')
  })
})

describe('inSendingOrder', () => {
  it('sends pending items oldest first and leaves failed ones out', () => {
    const items = [
      { key: 'c', createdAt: '2026-03-02T03:00:00.000Z', status: 'pending' as const },
      { key: 'b', createdAt: '2026-03-02T01:00:00.000Z', status: 'failed' as const },
      { key: 'z', createdAt: '2026-03-02T02:00:00.000Z', status: 'pending' as const },
      { key: 'a', createdAt: '2026-03-02T02:00:00.000Z', status: 'pending' as const },
    ]
    expect(inSendingOrder(items).map((i) => i.key)).toEqual(['a', 'z', 'c'])
  })
})

describe('outcomeOf', () => {
  it('retries what a later try can fix: no answer, 5xx (503 above all), 429, a key still in progress', () => {
    expect(outcomeOf({ status: 0, code: 'NETWORK_ERROR' })).toBe('retry')
    expect(outcomeOf({ status: 503, code: 'SERVICE_UNAVAILABLE' })).toBe('retry')
    expect(outcomeOf({ status: 502, code: 'SERVICE_UNAVAILABLE' })).toBe('retry')
    expect(outcomeOf({ status: 429, code: 'RATE_LIMITED' })).toBe('retry')
    expect(outcomeOf({ status: 409, code: 'IDEMPOTENCY_IN_PROGRESS' })).toBe('retry')
  })

  it('fails a refusal, holds on a lost session, and counts a 2xx with an unreadable body as sent', () => {
    expect(outcomeOf({ status: 400, code: 'VALIDATION_FAILED' })).toBe('failed')
    expect(outcomeOf({ status: 409, code: 'CHECKIN_PAIRING_NOT_ACTIVE' })).toBe('failed')
    expect(outcomeOf({ status: 404, code: 'NOT_FOUND' })).toBe('failed')
    expect(outcomeOf({ status: 401, code: 'SESSION_EXPIRED' })).toBe('hold')
    expect(outcomeOf({ status: 201, code: 'BAD_RESPONSE' })).toBe('sent')
  })
})

describe('retryDelayMs', () => {
  it('doubles from 30 s and stops at 10 min', () => {
    expect([1, 2, 3, 6, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 600_000, 600_000])
  })
})

describe('idempotency keys', () => {
  it('are version-4 UUIDs, as the server requires', () => {
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    expect(uuidFromBytes(new Array(16).fill(255))).toMatch(v4)
    expect(uuidFromBytes(new Array(16).fill(0))).toBe('00000000-0000-4000-8000-000000000000')
    const a = newIdempotencyKey()
    expect(a).toMatch(v4)
    expect(newIdempotencyKey()).not.toBe(a)
  })
})
