import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { DirectorVisitListResponseSchema, DutyCalendarResponseSchema, IdSchema, type CreateDirectorVisitBody } from '@qstx/shared'
import { request } from './http'
import { queryKeys } from './query-keys'

export type DutyFilter = 'overdue' | 'due_soon' | 'attention' | 'entrusted' | 'water'

export interface DutyQuery {
  status?: DutyFilter
  mine?: 'true'
  page: number
  pageSize: number
}

/** The calendar's first page as its page opens (every child, soonest first): home shows its head and counts. */
export const CALENDAR_FIRST_PAGE: DutyQuery = { page: 1, pageSize: 50 }

/** Who is due and overdue for the director's contact or home visit, in my region (with the counts). */
export const useDutyCalendar = (q: DutyQuery, enabled = true) =>
  useQuery({
    queryKey: queryKeys.dutyCalendar(q),
    queryFn: () => request('/api/duty/calendar', DutyCalendarResponseSchema, { body: { ...q } }),
    enabled,
    staleTime: 0,
    placeholderData: keepPreviousData,
  })

const visitsPath = (childId: string) => `/api/children/${encodeURIComponent(childId)}/visits`

/** A child's recorded contacts and home visits, newest first. */
export const useDirectorVisits = (childId: string) =>
  useQuery({
    queryKey: queryKeys.directorVisits(childId),
    queryFn: async () => (await request(visitsPath(childId), DirectorVisitListResponseSchema)).items,
    enabled: childId !== '',
  })

/** Records a contact or home visit; the calendar and the child's list both change. */
export function useRecordVisit(childId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateDirectorVisitBody) => request(visitsPath(childId), z.object({ id: IdSchema }), { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.duty }),
  })
}
