import { z } from 'zod'

export const HealthResponseSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['up', 'down']),
    version: z.string(),
    uptimeSeconds: z.number(),
  })
  .meta({ id: 'Health' })
export type HealthResponse = z.infer<typeof HealthResponseSchema>
