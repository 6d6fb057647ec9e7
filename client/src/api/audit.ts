import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { AuditListResponseSchema } from '@qstx/shared'
import { queryOf, request } from './http'
import { queryKeys } from './query-keys'

export interface AuditFilters {
  /** An action or an action prefix (`invitation.` matches every invitation action). */
  action?: string
  from?: string
  to?: string
  /** Absent: newest first (the server's default). */
  sort?: 'newest' | 'oldest'
  page: number
  pageSize: number
}

export function fetchAudit(filters: AuditFilters) {
  return request('/api/audit', AuditListResponseSchema, { body: queryOf(filters) })
}

/** One page of the audit trail; the previous page stays on screen while the next one loads. */
export const useAudit = (filters: AuditFilters) =>
  useQuery({ queryKey: queryKeys.audit(filters), queryFn: () => fetchAudit(filters), placeholderData: keepPreviousData })
