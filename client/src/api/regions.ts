import { useQuery } from '@tanstack/react-query'
import { RegionListResponseSchema, RegionSchema } from '@qstx/shared'
import { request } from './http'
import { queryKeys } from './query-keys'

export const fetchRegionChildren = async (code: string) =>
  (await request(`/api/regions/${encodeURIComponent(code)}/children`, RegionListResponseSchema)).items

/** The administrative divisions directly inside a region; reference data that does not change in a session. */
export const useRegionChildren = (code: string, enabled = true) =>
  useQuery({ queryKey: queryKeys.regionChildren(code), queryFn: () => fetchRegionChildren(code), enabled, staleTime: Infinity })

/** One region by code (e.g. the county above a township, to name who reviews an application). */
export const useRegion = (code: string | null) =>
  useQuery({
    queryKey: queryKeys.region(code ?? ''),
    queryFn: () => request(`/api/regions/${encodeURIComponent(code!)}`, RegionSchema),
    enabled: code !== null,
    staleTime: Infinity,
  })
