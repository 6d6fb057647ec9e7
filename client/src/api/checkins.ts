import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  CheckinCreatedSchema, HonourBoardSchema, HonourSettingSchema, MyCheckinsSchema, MyPairingsSchema, StaffCheckinListSchema, StaffCheckinSchema,
  type CreateCheckinBody,
} from '@qstx/shared'
import { request } from './http'
import { queryKeys } from './query-keys'

/**
 * POST /api/checkins with the check-in's own Idempotency-Key: the outbox (offline/sync.ts) is the
 * only caller, so a check-in sent at once and one sent from the queue later take the same path.
 */
export const postCheckin = (body: CreateCheckinBody, idempotencyKey: string) =>
  request('/api/checkins', CheckinCreatedSchema, { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } })

/** The volunteer's record: platform-recorded hours and points (confirmed only), counts, check-ins, next due per pairing. */
export const useMyCheckins = (enabled = true) =>
  useQuery({ queryKey: queryKeys.myCheckins, queryFn: () => request('/api/checkins/mine', MyCheckinsSchema), enabled })

/**
 * The volunteer's pairings (GET /api/pairings/mine): which children a check-in may be recorded for,
 * with the child's id (for 我担心这个孩子) and the start date (no check-in before it). Kept long:
 * a village without signal must not take the form away once it has been opened.
 */
export const useCheckinPairings = (enabled = true) =>
  useQuery({
    queryKey: queryKeys.checkinPairings,
    queryFn: async () => (await request('/api/pairings/mine', MyPairingsSchema)).items,
    enabled,
    gcTime: Infinity,
  })

/** The staff lists' page (the queue and the 14-day list). */
export const CHECKIN_PAGE_SIZE = 50

/** The director's queue: pending check-ins of the village, oldest first. */
export const useCheckinQueue = (page: number, enabled = true) =>
  useQuery({
    queryKey: queryKeys.checkinQueue(page),
    queryFn: () => request('/api/checkins/queue', StaffCheckinListSchema, { body: { page, pageSize: CHECKIN_PAGE_SIZE } }),
    enabled,
    staleTime: 0,
    placeholderData: keepPreviousData,
  })

/** Coordinators and supervisors: check-ins of their region still unconfirmed after 14 days (oldest first, or newest). */
export const useUnconfirmedCheckins = (page: number, enabled = true, sort: 'oldest' | 'newest' = 'oldest') =>
  useQuery({
    queryKey: [...queryKeys.unconfirmedCheckins(page), sort],
    queryFn: () => request('/api/checkins/unconfirmed', StaffCheckinListSchema, { body: { page, pageSize: CHECKIN_PAGE_SIZE, sort } }),
    enabled,
    placeholderData: keepPreviousData,
  })

export type Decision = { id: string; kind: 'confirm' } | { id: string; kind: 'dispute'; reason: string }

/** Confirm (counts for hours and points) or dispute with a reason; either way the queue changes. */
export function useDecideCheckin() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (d: Decision) =>
      request(`/api/checkins/${encodeURIComponent(d.id)}/${d.kind}`, StaffCheckinSchema, { method: 'POST', body: d.kind === 'dispute' ? { reason: d.reason } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.checkins }),
  })
}

/** A region's honour board: opted-in volunteers only, by points; no child anywhere on it. */
export const useHonourBoard = (regionCode: string | undefined, year: number | null) =>
  useQuery({
    queryKey: queryKeys.honourBoard(regionCode ?? '', year),
    queryFn: () => request('/api/honour-board', HonourBoardSchema, { body: { regionCode: regionCode!, ...(year ? { year } : {}) } }),
    enabled: !!regionCode,
    placeholderData: keepPreviousData,
  })

/** A volunteer's own choice: on the board or not, and by the full name or as 王阿姨. */
export const useHonourSetting = (enabled = true) =>
  useQuery({ queryKey: queryKeys.honourSetting, queryFn: () => request('/api/honour-board/me', HonourSettingSchema), enabled })

export function useSetHonourSetting() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { optIn: boolean; showFullName: boolean }) => request('/api/honour-board/me', HonourSettingSchema, { method: 'PUT', body }),
    onSuccess: (setting) => {
      client.setQueryData(queryKeys.honourSetting, setting)
      void client.invalidateQueries({ queryKey: ['checkins', 'honour'] })
    },
  })
}
