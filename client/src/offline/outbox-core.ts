/**
 * The pure rules of the offline outbox (no Taro here, so they are unit-tested): what fits in the
 * phone's storage, in which order queued requests go out, which answers mean "try again later",
 * and how long to wait before the next try.
 *
 * WeChat gives a mini-program 10 MB of storage and at most 1 MB per key (ARCHITECTURE.md); the
 * outbox keeps within 5 MB for everything so the session and other state always have room. A
 * check-in is a few KB at most (1,000 characters of text), so in practice "full" means the phone's
 * storage is taken by something else — and the person is told, rather than losing a visit.
 */

export const OUTBOX_KEY_PREFIX = 'qstx.outbox.'
export const MAX_ITEM_BYTES = 1024 * 1024
export const MAX_TOTAL_BYTES = 5 * 1024 * 1024

export type OutboxStatus = 'pending' | 'failed'

export interface OutboxItem<B = unknown> {
  /** The Idempotency-Key, made once when 提交 was tapped; every resend carries it (no duplicates). */
  key: string
  /** The user who recorded it: only their session sends it. */
  ownerId: string
  kind: 'checkin'
  body: B
  /** What lists show (the child's display name), so the queue needs no network to describe itself. */
  label: string
  createdAt: string
  status: OutboxStatus
  attempts: number
  /** The last reason it did not go: 网络不通 while pending, the server's message once failed. */
  lastError: string | null
  lastTriedAt: string | null
}

/** UTF-8 byte length without TextEncoder (older WeChat Android engines lack it). */
export function utf8Bytes(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4 // a surrogate pair: one 4-byte character
      i++
    } else bytes += 3
  }
  return bytes
}

export type Admission = { ok: true } | { ok: false; reason: 'item_too_large' | 'storage_full'; message: string }

/**
 * May an item of `itemBytes` be stored when `usedBytes` are already in use? One key holds one item,
 * so the item itself must stay under WeChat's per-key limit too.
 */
export function admit(itemBytes: number, usedBytes: number, limitBytes = MAX_TOTAL_BYTES): Admission {
  if (itemBytes > MAX_ITEM_BYTES) return { ok: false, reason: 'item_too_large', message: '这条记录太长，无法保存在手机上，请删减后再试' }
  if (usedBytes + itemBytes > limitBytes) {
    return { ok: false, reason: 'storage_full', message: '手机上待发送的记录已满，暂时无法保存。请到有网络的地方先发送已保存的记录' }
  }
  return { ok: true }
}

/** Pending items in the order they were recorded (the key breaks ties, so the order is total). */
export function inSendingOrder<T extends Pick<OutboxItem, 'createdAt' | 'key' | 'status'>>(items: readonly T[]): T[] {
  return items
    .filter((i) => i.status === 'pending')
    .sort((a, b) => (a.createdAt === b.createdAt ? (a.key < b.key ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1))
}

/**
 * What an error answer means for a queued request:
 *   sent  — a 2xx whose body did not parse: the server has it, do not send it again;
 *   retry — no answer (status 0), the server or database unavailable (5xx, 503 above all), rate
 *           limited, or the same key still being processed — try later with the same key;
 *   hold  — the session has gone (401): keep it until the person signs in again;
 *   failed — any other 4xx: the server refused this check-in, and resending will not change that.
 */
export function outcomeOf(error: { status: number; code: string }): 'sent' | 'retry' | 'hold' | 'failed' {
  const { status, code } = error
  if (status >= 200 && status < 300) return 'sent'
  if (status === 0 || status >= 500 || status === 408 || status === 429 || code === 'IDEMPOTENCY_IN_PROGRESS') return 'retry'
  if (status === 401) return 'hold'
  return 'failed'
}

/** 30 s, 1 min, 2 min, … at most 10 min between automatic retries while the server is unavailable. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 600_000)
}

/** A random (v4) UUID from 16 random bytes. */
export function uuidFromBytes(bytes: ArrayLike<number>): string {
  const b = Array.from({ length: 16 }, (_, i) => bytes[i]! & 0xff)
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** crypto.getRandomValues where the engine has it (browsers, newer WeChat), Math.random otherwise. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16)
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (c?.getRandomValues) c.getRandomValues(bytes)
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256)
  return uuidFromBytes(bytes)
}
