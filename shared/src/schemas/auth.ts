import { z } from 'zod'
import { ROLES } from '../roles'
import { RegionCodeSchema, TextSchema } from './common'

export const RoleSchema = z.enum(ROLES).meta({ id: 'Role' })

/** Demo and test sign-in; the route does not exist in production. */
export const DevLoginBodySchema = z
  .union([
    z.strictObject({ persona: TextSchema.min(1).max(64) }),
    z.strictObject({ role: RoleSchema, regionCode: RegionCodeSchema }),
  ])
  .meta({ id: 'DevLoginBody' })
export type DevLoginBody = z.infer<typeof DevLoginBodySchema>

export const PersonaSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    role: RoleSchema,
    regionCode: RegionCodeSchema,
    regionName: z.string(),
    description: z.string(),
  })
  .meta({ id: 'Persona' })
export type Persona = z.infer<typeof PersonaSchema>
export const PersonaListResponseSchema = z.object({ items: z.array(PersonaSchema) }).meta({ id: 'PersonaList' })

export const RoleAssignmentSchema = z
  .object({ id: z.uuid(), role: RoleSchema, regionCode: RegionCodeSchema, regionName: z.string() })
  .meta({ id: 'RoleAssignment' })

export const SessionResponseSchema = z
  .object({
    token: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Session' })
export type SessionResponse = z.infer<typeof SessionResponseSchema>

export const MeResponseSchema = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    activeRole: RoleAssignmentSchema.nullable(),
    roles: z.array(RoleAssignmentSchema),
  })
  .meta({ id: 'Me' })
export type MeResponse = z.infer<typeof MeResponseSchema>
