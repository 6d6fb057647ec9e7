import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { StaffListResponseSchema } from '@qstx/shared'
import { request, requestNoContent } from './http'
import { queryKeys } from './query-keys'

export const fetchStaff = async () => (await request('/api/role-assignments', StaffListResponseSchema)).items

export const removeRole = (assignmentId: string) =>
  requestNoContent(`/api/role-assignments/${encodeURIComponent(assignmentId)}`, { method: 'DELETE' })

export const useStaff = () => useQuery({ queryKey: queryKeys.staff, queryFn: fetchStaff })

export function useRemoveRole() {
  const client = useQueryClient()
  return useMutation({ mutationFn: removeRole, onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.staff }) })
}
