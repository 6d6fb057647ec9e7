import { z } from 'zod'

export const HealthResponseSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['up', 'down']),
    /** `cached`: sessions come from this process's cache, kept true by LISTEN/NOTIFY; `direct`: read per request while LISTEN is down. */
    sessions: z.enum(['cached', 'direct']),
    version: z.string(),
    uptimeSeconds: z.number(),
  })
  .meta({ id: 'Health' })
export type HealthResponse = z.infer<typeof HealthResponseSchema>
