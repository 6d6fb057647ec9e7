import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  ChildCardSchema, ChildFullViewSchema, ChildListResponseSchema, ChildViewSchema, ChildWriteResponseSchema, HandoverResultSchema,
  HistoryResponseSchema, RevealResponseSchema, TransferListResponseSchema, TransferSchema, YearRecordListResponseSchema,
  YearRecordSummarySchema, type ChildListQuery, type CloseChildBody, type CreateChildBody, type RequestTransferBody, type RevealBody, type UpdateChildBody,
} from '@qstx/shared'
import { queryOf, request } from './http'
import { queryKeys } from './query-keys'

const at = (id: string, rest = '') => `/api/children/${encodeURIComponent(id)}${rest}`

export type ChildListSort = ChildListQuery['sort']

/** The list's filters as the server reads them (all strings in the query string); unset = absent. */
export interface ChildListFilters {
  q?: string
  category?: 'left_behind' | 'in_difficulty'
  risk?: 'low' | 'medium' | 'high' | 'critical'
  specialAttention?: 'any'
  nearWater?: 'true'
  agingOut?: 'true'
  paired?: 'true' | 'false'
  /** Files of this year still to complete before the hand-over. */
  toComplete?: number
  sort?: ChildListSort
  page: number
  pageSize: number
}

export function fetchChildren(filters: ChildListFilters) {
  return request('/api/children', ChildListResponseSchema, { body: queryOf(filters) })
}

/** One page of the desk list; the previous page stays on screen while the next one loads. */
export const useChildren = (filters: ChildListFilters, enabled = true) =>
  useQuery({ queryKey: queryKeys.childList(filters), queryFn: () => fetchChildren(filters), placeholderData: keepPreviousData, enabled })

/** The file in the view this role gets (full or working); every read is audited by the server. */
export const useChild = (id: string, enabled = true) =>
  useQuery({ queryKey: queryKeys.child(id), queryFn: () => request(at(id), ChildViewSchema), enabled: enabled && id !== '' })

/** A paired volunteer's card of the child; 404 for anyone else (no existence oracle). */
export const useChildCard = (id: string, enabled = true) =>
  useQuery({ queryKey: queryKeys.childCard(id), queryFn: () => request(at(id, '/card'), ChildCardSchema), enabled: enabled && id !== '' })

export const useChildHistory = (id: string, enabled: boolean) =>
  useQuery({ queryKey: queryKeys.childHistory(id), queryFn: async () => (await request(at(id, '/history'), HistoryResponseSchema)).items, enabled })

export const useChildYears = (id: string, enabled: boolean) =>
  useQuery({ queryKey: queryKeys.childYears(id), queryFn: async () => (await request(at(id, '/years'), YearRecordListResponseSchema)).items, enabled })

/** After any write: the list, the file, its history and years may all have changed. */
function useInvalidateChildren() {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: queryKeys.children })
}

export function useCreateChild() {
  const invalidate = useInvalidateChildren()
  return useMutation({
    mutationFn: (body: CreateChildBody) => request('/api/children', ChildWriteResponseSchema, { method: 'POST', body }),
    onSuccess: invalidate,
  })
}

export function useUpdateChild(id: string) {
  const invalidate = useInvalidateChildren()
  return useMutation({
    mutationFn: (body: UpdateChildBody) => request(at(id), ChildWriteResponseSchema, { method: 'PATCH', body }),
    onSuccess: invalidate,
  })
}

/** Shows one masked field in full. Not cached: the value lives only in the page that asked. */
export const useReveal = (id: string) =>
  useMutation({ mutationFn: (body: RevealBody) => request(at(id, '/reveal'), RevealResponseSchema, { method: 'POST', body }) })

export function useCloseChild(id: string) {
  const invalidate = useInvalidateChildren()
  return useMutation({
    mutationFn: (body: CloseChildBody) => request(at(id, '/close'), ChildFullViewSchema, { method: 'POST', body }),
    onSuccess: invalidate,
  })
}

export function useCompleteYear(id: string) {
  const invalidate = useInvalidateChildren()
  return useMutation({
    mutationFn: (year: number) => request(at(id, '/complete'), YearRecordSummarySchema, { method: 'POST', body: { year } }),
    onSuccess: invalidate,
  })
}

export function useHandover() {
  const invalidate = useInvalidateChildren()
  return useMutation({
    mutationFn: (year: number) => request('/api/children/handover', HandoverResultSchema, { method: 'POST', body: { year } }),
    onSuccess: invalidate,
  })
}

export const useTransfers = () =>
  useQuery({ queryKey: queryKeys.childTransfers, queryFn: async () => (await request('/api/children/transfers', TransferListResponseSchema)).items })

export function useRequestTransfer() {
  const invalidate = useInvalidateChildren()
  return useMutation({
    mutationFn: (body: RequestTransferBody) => request('/api/children/transfers', TransferSchema, { method: 'POST', body }),
    onSuccess: invalidate,
  })
}

type TransferDecision = { id: string; decision: 'accept' } | { id: string; decision: 'decline'; reason: string } | { id: string; decision: 'cancel' }

export function useDecideTransfer() {
  const invalidate = useInvalidateChildren()
  return useMutation({
    mutationFn: (d: TransferDecision) =>
      request(`/api/children/transfers/${encodeURIComponent(d.id)}/${d.decision}`, TransferSchema, {
        method: 'POST',
        ...(d.decision === 'decline' ? { body: { reason: d.reason } } : {}),
      }),
    onSuccess: invalidate,
  })
}
