import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  CreatedReportSchema, HotlineListResponseSchema, MyReportListResponseSchema, ReportDetailSchema, ReportListResponseSchema,
  hotlinesFor, type AddReportEventBody, type CreateReportBody,
} from '@qstx/shared'
import { request } from './http'
import { queryKeys } from './query-keys'

const NO_REGION = '000000000000'

/**
 * The numbers to call now. The shared table answers at once (no network, no wait in a village with
 * one bar of signal); the server's list replaces it when it arrives, in case the numbers changed.
 */
export const useHotlines = (regionCode: string | undefined) =>
  useQuery({
    queryKey: queryKeys.hotlines(regionCode ?? NO_REGION),
    queryFn: async () =>
      (await request('/api/safeguarding/hotlines', HotlineListResponseSchema, { body: regionCode ? { regionCode } : {} })).items,
    placeholderData: hotlinesFor(regionCode ?? NO_REGION),
    staleTime: Infinity,
  })

export function useCreateReport() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateReportBody) => request('/api/safeguarding/reports', CreatedReportSchema, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['safeguarding'] }),
  })
}

/** The stage of each report I raised; never who handles it or how. */
export const useMyReports = () =>
  useQuery({ queryKey: queryKeys.myReports, queryFn: async () => (await request('/api/safeguarding/reports/mine', MyReportListResponseSchema)).items })

/** Handlers: the reports of their region. */
export const useReports = (enabled = true) =>
  useQuery({ queryKey: queryKeys.reports, queryFn: async () => (await request('/api/safeguarding/reports', ReportListResponseSchema)).items, enabled })

/** Handlers: one report with the reporter and its handling log (the read is audited). */
export const useReport = (id: string) =>
  useQuery({ queryKey: queryKeys.report(id), queryFn: () => request(`/api/safeguarding/reports/${encodeURIComponent(id)}`, ReportDetailSchema), enabled: id !== '' })

export function useAddReportEvent(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: AddReportEventBody) =>
      request(`/api/safeguarding/reports/${encodeURIComponent(id)}/events`, ReportDetailSchema, { method: 'POST', body }),
    onSuccess: (detail) => {
      client.setQueryData(queryKeys.report(id), detail)
      void client.invalidateQueries({ queryKey: queryKeys.reports })
    },
  })
}
