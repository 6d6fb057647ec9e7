/**
 * Sending check-ins, now or later (JOURNEYS: 王阿姨 step 5 — no signal in the village, "待发送",
 * it sends itself in town). A check-in is written to the outbox *before* it is sent, with the
 * Idempotency-Key made when 提交 was tapped; the server answers a resend of the same key with the
 * first answer, so however often it is sent it is stored once.
 *
 * What an answer means is outcomeOf() (outbox-core.ts): no answer or a 5xx/503 keeps it queued;
 * a 4xx on the form is shown there (the person can fix it), a 4xx to a queued item marks it
 * failed with the server's message — never retried forever.
 *
 * The queue is flushed when the app comes to the front (app.ts), when WeChat reports the network
 * back (onNetworkStatusChange), on H5 when the browser goes `online`, after a back-off while the
 * server is unavailable, and when a page showing the queue asks.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { CreateCheckinBody, MeResponse } from '@qstx/shared'
import { ApiError, isApiError } from '../api/api-error'
import { fetchMe } from '../api/auth'
import { postCheckin } from '../api/checkins'
import { queryClient } from '../api/query-client'
import { queryKeys } from '../api/query-keys'
import { getToken, rememberedMe } from '../api/session'
import { inSendingOrder, newIdempotencyKey, outcomeOf, retryDelayMs, type OutboxItem } from './outbox-core'
import { OutboxFullError, notifyOutbox, outboxItems, putOutboxItem, removeOutboxItem, subscribeOutbox, updateOutboxItem } from './outbox'

export { OutboxFullError } from './outbox'
export type { OutboxItem } from './outbox-core'

/** Keys with a request on the wire right now (the form's own send, or the flush). */
const busy = new Set<string>()
let flushing: Promise<void> | null = null
let retryTimer: ReturnType<typeof setTimeout> | null = null

const asApiError = (e: unknown): ApiError => (isApiError(e) ? e : new ApiError(0, 'NETWORK_ERROR', '网络不通，请稍后再试'))
const HOLD_MESSAGE = '登录已过期，重新登录后会自动发送'

function scheduleRetry(attempts: number): void {
  if (retryTimer) return
  retryTimer = setTimeout(() => {
    retryTimer = null
    void flushOutbox()
  }, retryDelayMs(attempts))
}

function sent(key: string): void {
  removeOutboxItem(key)
  void queryClient.invalidateQueries({ queryKey: queryKeys.checkins })
}

/** One try; the item's note says why it did not go. */
async function attempt(item: OutboxItem): Promise<ReturnType<typeof outcomeOf>> {
  busy.add(item.key)
  notifyOutbox()
  try {
    await postCheckin(item.body as CreateCheckinBody, item.key)
    sent(item.key)
    return 'sent'
  } catch (e) {
    const error = asApiError(e)
    const outcome = outcomeOf(error)
    const note = { attempts: item.attempts + 1, lastTriedAt: new Date().toISOString() }
    if (outcome === 'sent') sent(item.key)
    else if (outcome === 'failed') updateOutboxItem(item.key, { ...note, status: 'failed', lastError: error.message })
    else updateOutboxItem(item.key, { ...note, lastError: outcome === 'hold' ? HOLD_MESSAGE : error.message })
    return outcome
  } finally {
    busy.delete(item.key)
    notifyOutbox()
  }
}

async function currentUserId(): Promise<string | null> {
  if (!getToken()) return null
  // The remembered session first: asking the query cache to fetch here would create the `me` query
  // before home's useMe could seed it from the same memory, and home would wait for the network.
  const cached = queryClient.getQueryData<MeResponse>(queryKeys.me) ?? rememberedMe()
  if (cached) return cached.userId
  try {
    // 'always': React Query would otherwise wait (paused) for the browser's `online` event.
    return (await queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: fetchMe, networkMode: 'always', retry: false })).userId
  } catch {
    return null // offline too: the next trigger tries again
  }
}

/** Sends the signed-in person's queued check-ins, oldest first; stops at the first "try later". */
export function flushOutbox(): Promise<void> {
  flushing ??= (async () => {
    try {
      const owner = await currentUserId()
      if (!owner) return
      const mine = inSendingOrder(outboxItems().filter((i) => i.ownerId === owner && !busy.has(i.key)))
      for (const item of mine) {
        const outcome = await attempt(item)
        if (outcome === 'retry') scheduleRetry(item.attempts + 1)
        if (outcome === 'retry' || outcome === 'hold') break
      }
    } finally {
      flushing = null
    }
  })()
  return flushing
}

export type SubmitResult = { kind: 'sent' } | { kind: 'queued'; key: string }

/**
 * The form's 提交: stored first, then sent. Sent → gone from the outbox. No answer or 5xx → stays
 * as 待发送. A refusal (4xx) → removed again and thrown, so the form shows what to fix. When the
 * phone has no room to keep it and the network is down too, OutboxFullError says so.
 */
export async function submitCheckin(body: CreateCheckinBody, ownerId: string, label: string): Promise<SubmitResult> {
  const item: OutboxItem<CreateCheckinBody> = {
    key: newIdempotencyKey(), ownerId, kind: 'checkin', body, label, createdAt: new Date().toISOString(),
    status: 'pending', attempts: 0, lastError: null, lastTriedAt: null,
  }
  let full: OutboxFullError | null = null
  try {
    putOutboxItem(item)
  } catch (e) {
    if (!(e instanceof OutboxFullError)) throw e
    full = e // still worth sending: only if that fails too is the visit refused
  }
  busy.add(item.key)
  try {
    await postCheckin(body, item.key)
    if (!full) sent(item.key)
    else void queryClient.invalidateQueries({ queryKey: queryKeys.checkins })
    return { kind: 'sent' }
  } catch (e) {
    const error = asApiError(e)
    const outcome = outcomeOf(error)
    if (outcome === 'sent') {
      if (!full) sent(item.key)
      return { kind: 'sent' }
    }
    if (outcome === 'failed') {
      if (!full) removeOutboxItem(item.key)
      throw error
    }
    if (full) throw full
    updateOutboxItem(item.key, { attempts: 1, lastTriedAt: new Date().toISOString(), lastError: outcome === 'hold' ? HOLD_MESSAGE : error.message })
    if (outcome === 'retry') scheduleRetry(1)
    return { kind: 'queued', key: item.key }
  } finally {
    busy.delete(item.key)
    notifyOutbox()
  }
}

/** A failed item the person has read and let go. */
export const discardOutboxItem = removeOutboxItem

let started = false

/** Once, at app start: send when the network comes back. */
export function startOutboxSync(): void {
  if (started) return
  started = true
  Taro.onNetworkStatusChange(({ isConnected }) => {
    if (isConnected) void flushOutbox()
  })
  // H5: Taro listens to navigator.connection, which not every browser has; `online` is universal.
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') window.addEventListener('online', () => void flushOutbox())
}

export interface OutboxView {
  items: OutboxItem[]
  pending: number
  failed: number
  isSending: (key: string) => boolean
}

const view = (ownerId: string | undefined): OutboxView => {
  const items = ownerId ? outboxItems().filter((i) => i.ownerId === ownerId) : []
  const sending = new Set(busy)
  return {
    items,
    pending: items.filter((i) => i.status === 'pending').length,
    failed: items.filter((i) => i.status === 'failed').length,
    isSending: (key) => sending.has(key),
  }
}

/** This person's queued check-ins, kept current as they are stored, sent, or fail. */
export function useOutbox(ownerId: string | undefined): OutboxView {
  const [state, setState] = useState(() => view(ownerId))
  useEffect(() => {
    setState(view(ownerId))
    return subscribeOutbox(() => setState(view(ownerId)))
  }, [ownerId])
  return state
}
