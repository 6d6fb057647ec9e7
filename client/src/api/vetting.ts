import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  VettingApplicationSchema, VettingQueueSchema,
  type DecisionBody, type QueueStatus, type RecordChecksBody, type VettingApplication, type VettingQueueQuery,
} from '@qstx/shared'
import { request } from './http'
import { queryKeys } from './query-keys'

export interface QueueQuery {
  status: QueueStatus
  /** Absent: oldest first (the server's default). */
  sort?: VettingQueueQuery['sort']
  page: number
  pageSize: number
}

/** A page of the queue as the queue page asks for it (home asks for the first, and the page opens on it at once). */
export const queueQuery = (status: QueueStatus, page = 1): QueueQuery => ({ status, page, pageSize: 20 })

export const fetchQueue = (q: QueueQuery) => request('/api/vetting/queue', VettingQueueSchema, { body: { ...q } })
const applicationPath = (id: string) => `/api/vetting/applications/${encodeURIComponent(id)}`

/** Applications in my region by status, oldest first, with the count per status (the filter chips). */
export const useVettingQueue = (q: QueueQuery, enabled = true) =>
  // The previous list stays on screen while another status loads: the chips and their counts do not flash.
  useQuery({ queryKey: queryKeys.vettingQueue(q), queryFn: () => fetchQueue(q), enabled, staleTime: 0, placeholderData: keepPreviousData })

/** One application, ID number and phone masked; each open is recorded in the audit trail. */
export const useApplication = (id: string | undefined) =>
  useQuery({
    queryKey: queryKeys.vettingApplication(id ?? ''),
    queryFn: () => request(applicationPath(id!), VettingApplicationSchema),
    enabled: !!id,
  })

function useApplicationMutation<V>(fn: (variables: V) => Promise<VettingApplication>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (application) => {
      client.setQueryData(queryKeys.vettingApplication(application.id), application)
      void client.invalidateQueries({ queryKey: queryKeys.vetting, predicate: (query) => query.queryKey[1] === 'queue' })
    },
  })
}

export const useRecordChecks = (id: string) =>
  useApplicationMutation((body: RecordChecksBody) => request(`${applicationPath(id)}/checks`, VettingApplicationSchema, { method: 'PATCH', body }))

export const useDecide = (id: string) =>
  useApplicationMutation((body: DecisionBody) => request(`${applicationPath(id)}/decision`, VettingApplicationSchema, { method: 'POST', body }))
