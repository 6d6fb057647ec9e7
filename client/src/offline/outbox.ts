/**
 * The outbox in the phone's storage: one key per queued request (`qstx.outbox.<Idempotency-Key>`),
 * so no key nears WeChat's 1 MB limit and a half-written list cannot lose the others. Taro storage
 * is wx storage on weapp and localStorage on H5. Items are stored as JSON text so their size is
 * measured exactly as stored. Pages subscribe to changes (useOutbox in sync.ts).
 */
import Taro from '@tarojs/taro'
import { MAX_TOTAL_BYTES, OUTBOX_KEY_PREFIX, admit, utf8Bytes, type OutboxItem } from './outbox-core'

/** Refused by admit(), or storage would not take it: the message says what to do. */
export class OutboxFullError extends Error {}

const listeners = new Set<() => void>()
let snapshot: OutboxItem[] | null = null

function changed(): void {
  snapshot = null
  for (const listener of listeners) listener()
}

export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

const storageKey = (key: string) => `${OUTBOX_KEY_PREFIX}${key}`

function outboxKeys(): string[] {
  return Taro.getStorageInfoSync().keys.filter((k) => k.startsWith(OUTBOX_KEY_PREFIX))
}

function readRaw(key: string): string | null {
  const raw: unknown = Taro.getStorageSync(key)
  return typeof raw === 'string' && raw !== '' ? raw : null
}

function parse(raw: string | null): OutboxItem | null {
  if (!raw) return null
  try {
    const item = JSON.parse(raw) as OutboxItem
    return typeof item?.key === 'string' && typeof item.ownerId === 'string' ? item : null
  } catch {
    return null
  }
}

/** Every queued item, oldest first (the same array until something changes, for React). */
export function outboxItems(): OutboxItem[] {
  snapshot ??= outboxKeys()
    .map((k) => parse(readRaw(k)))
    .filter((i): i is OutboxItem => i !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
  return snapshot
}

/**
 * Bytes in use: what WeChat reports for the whole storage (KB) where it does (H5 cannot say), and
 * never less than the outbox's own items.
 */
function usedBytes(): number {
  const ours = outboxKeys().reduce((sum, k) => sum + utf8Bytes(k) + utf8Bytes(readRaw(k) ?? ''), 0)
  const { currentSize } = Taro.getStorageInfoSync()
  return Math.max(ours, Number.isFinite(currentSize) ? currentSize * 1024 : 0)
}

/** Stores a new item; throws OutboxFullError (with the Chinese reason) when it does not fit. */
export function putOutboxItem(item: OutboxItem): void {
  const key = storageKey(item.key)
  const text = JSON.stringify(item)
  const verdict = admit(utf8Bytes(key) + utf8Bytes(text), usedBytes(), MAX_TOTAL_BYTES)
  if (!verdict.ok) throw new OutboxFullError(verdict.message)
  try {
    Taro.setStorageSync(key, text)
  } catch {
    // WeChat's own 10 MB is taken (by other data): same answer to the person.
    throw new OutboxFullError('手机存储空间不足，暂时无法保存这条记录。请到有网络的地方再提交')
  }
  changed()
}

/** Rewrites an item already stored (attempt counts and errors only, so its size barely changes). */
export function updateOutboxItem(key: string, patch: Partial<Pick<OutboxItem, 'status' | 'attempts' | 'lastError' | 'lastTriedAt'>>): void {
  const item = parse(readRaw(storageKey(key)))
  if (!item) return
  try {
    Taro.setStorageSync(storageKey(key), JSON.stringify({ ...item, ...patch }))
  } catch {
    // Storage full: the item stays as it was, still queued; only its note is not updated.
  }
  changed()
}

export function removeOutboxItem(key: string): void {
  Taro.removeStorageSync(storageKey(key))
  changed()
}

/** Tells subscribers that something not stored changed (which item is being sent right now). */
export const notifyOutbox = changed
