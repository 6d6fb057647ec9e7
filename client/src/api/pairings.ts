import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  MyPairingsSchema, PairingDetailSchema, PairingListSchema, PriorityChildrenSchema, SuggestionsSchema,
  type ApprovePairingBody, type EndPairingBody, type PairingDetail, type PairingState, type PausePairingBody, type ProposePairingBody, type Role,
} from '@qstx/shared'
import { queryOf, request } from './http'
import { queryKeys } from './query-keys'

const at = (id: string, rest = '') => `/api/pairings/${encodeURIComponent(id)}${rest}`

/** The ledger's filters as the server reads them (query-string values); unset = absent. */
export interface LedgerQuery {
  state?: PairingState
  regionCode?: string
  volunteerId?: string
  childId?: string
  teamId?: string
  stale?: 'true'
  page: number
  pageSize: number
}

export const LEDGER_PAGE_SIZE = 20
export const PRIORITY_PAGE_SIZE = 20

/**
 * The ledger page home asks for, as the ledger page opens from home's link: what waits for the
 * coordinator's approval, or for the director's acknowledgement; the whole ledger for the others.
 * Every answer carries the per-state counts and the stale count, so one request serves home.
 */
export function ledgerHomeQuery(role: Role): LedgerQuery {
  const state = role === 'coordinator' ? 'acknowledged' : role === 'child_director' ? 'proposed' : undefined
  return { ...(state ? { state } : {}), page: 1, pageSize: LEDGER_PAGE_SIZE }
}

export const fetchLedger = (q: LedgerQuery) => request('/api/pairings', PairingListSchema, { body: queryOf(q) })

/** One page of the ledger with the count per state and the stale count; the previous page stays while the next loads. */
export const useLedger = (q: LedgerQuery, enabled = true) =>
  useQuery({ queryKey: queryKeys.pairingLedger(q), queryFn: () => fetchLedger(q), enabled, staleTime: 0, placeholderData: keepPreviousData })

/** 重点儿童未结对: priority children of my region without a live pairing. */
export const usePriorityChildren = (page: number, pageSize: number, enabled = true) =>
  useQuery({
    queryKey: [...queryKeys.priorityChildren(page), pageSize],
    queryFn: () => request('/api/pairings/priority-children', PriorityChildrenSchema, { body: { page, pageSize } }),
    enabled,
    staleTime: 0,
    placeholderData: keepPreviousData,
  })

/** The child's working summary and the ranked volunteers with reasons (the server audits each look). */
export const useSuggestions = (childId: string) =>
  useQuery({
    queryKey: queryKeys.pairingSuggestions(childId),
    queryFn: () => request('/api/pairings/suggestions', SuggestionsSchema, { body: { childId } }),
    enabled: childId !== '',
    staleTime: 0,
  })

/** One pairing with its events (audited). */
export const usePairing = (id: string) =>
  useQuery({ queryKey: queryKeys.pairing(id), queryFn: () => request(at(id), PairingDetailSchema), enabled: id !== '', staleTime: 0 })

export const useMyPairings = (enabled = true) =>
  useQuery({ queryKey: queryKeys.myPairings, queryFn: () => request('/api/pairings/mine', MyPairingsSchema), enabled, staleTime: 0 })

/** After a write: the answer is the pairing as it now stands; every list (and the children's paired flags) may have changed. */
function usePairingWritten() {
  const client = useQueryClient()
  return (p: PairingDetail) => {
    client.setQueryData(queryKeys.pairing(p.id), p)
    void client.invalidateQueries({ queryKey: queryKeys.pairings, predicate: (query) => query.queryKey[1] !== 'detail' })
    void client.invalidateQueries({ queryKey: queryKeys.children })
  }
}

export function useProposePairing() {
  const written = usePairingWritten()
  return useMutation({
    mutationFn: (body: ProposePairingBody) => request('/api/pairings', PairingDetailSchema, { method: 'POST', body }),
    onSuccess: written,
  })
}

/** Every step after the proposal, with the body each one takes (shared schemas). */
export type PairingStep =
  | { step: 'acknowledge'; body: { note?: string | null } }
  | { step: 'approve'; body: ApprovePairingBody }
  | { step: 'decline'; body: { reason: string } }
  | { step: 'pause'; body: PausePairingBody }
  | { step: 'resume'; body: { note?: string | null } }
  | { step: 'end'; body: EndPairingBody }

export function usePairingStep(id: string) {
  const written = usePairingWritten()
  return useMutation({
    mutationFn: ({ step, body }: PairingStep) => request(at(id, `/${step}`), PairingDetailSchema, { method: 'POST', body: { ...body } }),
    onSuccess: written,
  })
}

