import { z } from 'zod'
import { RoleSchema } from './auth'
import { IdSchema, InstantSchema, PageNumberSchema, RegionCodeSchema, TextSchema } from './common'

export const WechatSignInBodySchema = z.strictObject({ code: TextSchema.min(1).max(128) }).meta({ id: 'WechatSignInBody' })

export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{3,31}$/
export const UsernameSchema = TextSchema
  .toLowerCase()
  .regex(USERNAME_PATTERN, { message: '用户名为4–32位小写字母、数字或 . _ -，以字母开头' })

/** Minimum password rules for desk sign-in: long enough, letters and digits. */
export const NewPasswordSchema = z
  .string()
  .min(10, { message: '密码至少10位' })
  .max(128, { message: '密码最多128位' })
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: '密码须同时包含字母和数字' })

export const PasswordSignInBodySchema = z
  .strictObject({ username: TextSchema.toLowerCase().min(1).max(64), password: z.string().min(1).max(128) })
  .meta({ id: 'PasswordSignInBody' })

export const SwitchRoleBodySchema = z.strictObject({ roleAssignmentId: IdSchema }).meta({ id: 'SwitchRoleBody' })

export const CreateInvitationBodySchema = z
  .strictObject({
    role: RoleSchema,
    regionCode: RegionCodeSchema,
    note: TextSchema.max(60).optional(),
  })
  .meta({ id: 'CreateInvitationBody' })
export type CreateInvitationBody = z.infer<typeof CreateInvitationBodySchema>

export const InvitationSchema = z
  .object({
    id: IdSchema,
    role: RoleSchema,
    regionCode: RegionCodeSchema,
    regionName: z.string(),
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    status: z.enum(['pending', 'redeemed', 'revoked', 'expired']),
  })
  .meta({ id: 'Invitation' })
export type Invitation = z.infer<typeof InvitationSchema>

/** The code is shown once, at creation; only its hash is stored. */
export const CreatedInvitationSchema = InvitationSchema.extend({ code: z.string(), link: z.string() }).meta({ id: 'CreatedInvitation' })
export const InvitationListResponseSchema = z.object({ items: z.array(InvitationSchema) }).meta({ id: 'InvitationList' })

export const INVITATION_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{10}$/
export const InvitationCodeSchema = TextSchema
  .toUpperCase()
  .regex(INVITATION_CODE_PATTERN, { message: '邀请码为10位字母或数字' })

/**
 * Redeeming: a signed-in user (WeChat on the mini-program) sends only the code; someone at a desk
 * without an account also chooses a display name, username and password.
 */
export const RedeemInvitationBodySchema = z
  .strictObject({
    code: InvitationCodeSchema,
    displayName: TextSchema.min(2, { message: '请填写姓名' }).max(20).optional(),
    username: UsernameSchema.optional(),
    password: NewPasswordSchema.optional(),
  })
  .meta({ id: 'RedeemInvitationBody' })
export type RedeemInvitationBody = z.infer<typeof RedeemInvitationBodySchema>

export const AuditQuerySchema = z.strictObject({
  actorUserId: IdSchema.optional(),
  action: TextSchema.max(64).optional(),
  targetType: TextSchema.max(32).optional(),
  targetId: TextSchema.max(64).optional(),
  from: InstantSchema().optional(),
  to: InstantSchema().optional(),
  sort: z.enum(['newest', 'oldest']).default('newest'),
  page: PageNumberSchema,
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
})

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actorUserId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorRole: RoleSchema.nullable(),
    regionCode: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    fieldsRevealed: z.array(z.string()),
    result: z.string(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' })
export const AuditListResponseSchema = z
  .object({ items: z.array(AuditEntrySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'AuditList' })

export const StaffEntrySchema = z
  .object({
    id: IdSchema,
    role: RoleSchema,
    regionCode: RegionCodeSchema,
    regionName: z.string(),
    userId: IdSchema,
    displayName: z.string(),
    disabled: z.boolean(),
    since: z.iso.datetime(),
  })
  .meta({ id: 'StaffEntry' })
export const StaffListResponseSchema = z.object({ items: z.array(StaffEntrySchema) }).meta({ id: 'StaffList' })
