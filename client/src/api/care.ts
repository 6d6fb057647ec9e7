/**
 * Issue #17's requests: a child's entrusted care and psychological concerns, care activities, and
 * directors' staffing and training. A write refreshes everything under ['care'] and the duty
 * calendar (['duty']), whose rows carry the re-assessments and water-safety tasks.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  ActivityListSchema, ActivitySchema, ConcernCreatedSchema, ConcernListSchema, DirectorTrainingsSchema, EntrustedCareSchema, IdSchema, StaffingSchema,
  VolunteerOptionsSchema,
  type CarerChangeBody, type ConcernEventBody, type CreateActivityBody, type CreateConcernBody, type EntrustedStepBody, type RecordTrainingBody,
} from '@qstx/shared'
import { queryOf, request } from './http'
import { queryKeys } from './query-keys'

const enc = encodeURIComponent
const Created = z.object({ id: z.string() })

function useCareWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.care }), client.invalidateQueries({ queryKey: queryKeys.duty }), client.invalidateQueries({ queryKey: queryKeys.children })]),
  })
}

export const useEntrustedCare = (childId: string) =>
  useQuery({ queryKey: queryKeys.entrusted(childId), queryFn: () => request(`/api/children/${enc(childId)}/entrusted-care`, EntrustedCareSchema), enabled: childId !== '' })
export const useEntrustedStep = (childId: string) =>
  useCareWrite((body: EntrustedStepBody) => request(`/api/children/${enc(childId)}/entrusted-care/steps`, Created, { method: 'POST', body }))
export const useCarerChange = (childId: string) =>
  useCareWrite((body: CarerChangeBody) => request(`/api/children/${enc(childId)}/entrusted-care/carer`, Created, { method: 'POST', body }))

export const useConcerns = (childId: string, enabled: boolean) =>
  useQuery({ queryKey: queryKeys.concerns(childId), queryFn: () => request(`/api/children/${enc(childId)}/concerns`, ConcernListSchema), enabled: enabled && childId !== '' })
export const useRecordConcern = (childId: string) =>
  useCareWrite((body: CreateConcernBody) => request(`/api/children/${enc(childId)}/concerns`, ConcernCreatedSchema, { method: 'POST', body }))
export const useConcernEvent = () =>
  useCareWrite(({ id, body }: { id: string; body: ConcernEventBody }) => request(`/api/concerns/${enc(id)}/events`, Created, { method: 'POST', body }))

export const useActivities = (q: { year?: number; page: number; pageSize: number }) =>
  useQuery({ queryKey: queryKeys.activities(q), queryFn: () => request('/api/activities', ActivityListSchema, { body: queryOf(q) }), placeholderData: keepPreviousData })
export const useActivity = (id: string) =>
  useQuery({ queryKey: queryKeys.activity(id), queryFn: () => request(`/api/activities/${enc(id)}`, ActivitySchema), enabled: id !== '' })
export const useCreateActivity = () =>
  useCareWrite((body: CreateActivityBody) => request('/api/activities', z.object({ id: IdSchema }), { method: 'POST', body }))
export const useVolunteerOptions = (villageCode: string | null) =>
  useQuery({
    queryKey: queryKeys.volunteerOptions(villageCode ?? ''),
    queryFn: () => request('/api/activities/volunteer-options', VolunteerOptionsSchema, { body: { villageCode: villageCode! } }),
    enabled: !!villageCode,
  })
export const useActivityPhoto = (id: string, photoId: string) =>
  useQuery({
    queryKey: queryKeys.activityPhoto(id, photoId),
    queryFn: () => request(`/api/activities/${enc(id)}/photos/${enc(photoId)}`, z.object({ contentType: z.string(), dataBase64: z.string() })),
    staleTime: Infinity,
  })
export const useAddPhoto = (id: string) =>
  useCareWrite((body: { contentType: 'image/jpeg' | 'image/png'; dataBase64: string }) =>
    request(`/api/activities/${enc(id)}/photos`, z.object({ id: IdSchema }), { method: 'POST', body: { ...body, noChildFaces: true } }))
export const useDecideService = (id: string) =>
  useCareWrite(({ serviceId, decision, note }: { serviceId: string; decision: 'confirm' | 'dispute'; note?: string }) =>
    request(`/api/activities/${enc(id)}/services/${enc(serviceId)}/decision`, z.object({ id: IdSchema, status: z.string() }), { method: 'POST', body: { decision, ...(note ? { note } : {}) } }))

export const useStaffing = (regionCode: string | null) =>
  useQuery({ queryKey: queryKeys.staffing(regionCode), queryFn: () => request('/api/staffing', StaffingSchema, { body: regionCode ? { regionCode } : {} }) })
export const useDirectorTrainings = (userId: string | null) =>
  useQuery({ queryKey: ['care', 'trainings', userId], queryFn: () => request(`/api/staffing/directors/${enc(userId!)}/trainings`, DirectorTrainingsSchema), enabled: !!userId })
export const useRecordTraining = () =>
  useCareWrite((body: RecordTrainingBody) => request('/api/staffing/trainings', z.object({ recorded: z.number() }), { method: 'POST', body }))
export const useAssignDirector = () =>
  useCareWrite(({ childId, directorUserId }: { childId: string; directorUserId: string | null }) =>
    request(`/api/children/${enc(childId)}/director`, z.object({ childId: IdSchema, directorUserId: IdSchema.nullable() }), { method: 'PUT', body: { directorUserId } }))
