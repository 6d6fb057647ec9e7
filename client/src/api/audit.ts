import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { AuditListResponseSchema } from '@qstx/shared'
import { request } from './http'
import { queryKeys } from './query-keys'

export interface AuditFilters {
  /** An action or an action prefix (`invitation.` matches every invitation action). */
  action?: string
  from?: string
  to?: string
  page: number
  pageSize: number
}

export function fetchAudit(filters: AuditFilters) {
  // Only set values go into the query string (an `undefined` would be sent as the word).
  const query: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') query[key] = value
  return request('/api/audit', AuditListResponseSchema, { body: query })
}

/** One page of the audit trail; the previous page stays on screen while the next one loads. */
export const useAudit = (filters: AuditFilters) =>
  useQuery({ queryKey: queryKeys.audit(filters), queryFn: () => fetchAudit(filters), placeholderData: keepPreviousData })
