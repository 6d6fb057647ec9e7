/**
 * A volunteer's own application: save a draft, submit it, edit the profile, withdraw. Self-service
 * — the record is found by the signed-in user's id, never by an id from the client, so there is no
 * other person's record to reach. Every write is one transaction; a refused write leaves nothing.
 */
import { DRAFT_STATUSES, type VolunteerFieldsBody, type VolunteerProfile } from '@qstx/shared'
import type { Db, Tx } from '../../db/prisma'
import { AppError } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import type { Keyring } from '../../lib/crypto'
import { activateWhereRoleless, grantRole, revokeRole } from '../../lib/role-grants'
import type { WechatClient } from '../../wechat/client'
import { assertComplete, buildChanges, phoneFromBody } from './fields'
import { assertMayEdit, assertMaySubmit, assertMayWithdraw } from './policy'
import { profileView } from './present'
import * as repo from './repository'
import { transition } from './status'

/** What a changed name or ID number undoes: checks made of the old identity prove nothing now. */
export const IDENTITY_CHECKS_RESET = { identityVerified: false, identityVerifiedOn: null, criminalRecordResult: null, criminalRecordCheckedOn: null } as const
const REVET_REASON = '修改了姓名或身份证号，需要重新核验身份'

/** A unique-index race on the ID number (two sign-ups at once) says the same as the pre-check. */
function idNumberRace(err: unknown): never {
  if ((err as { code?: string })?.code === 'P2002') throw new AppError('ID_NUMBER_TAKEN', undefined, { idNumber: '该身份证号已经报过名' })
  throw err
}

interface Deps {
  prisma: Db
  clock: Clock
  keyring: Keyring
  wechat: WechatClient
}

export function createVolunteerService({ prisma, keyring, wechat }: Deps) {
  async function load(tx: Tx, userId: string) {
    const v = await repo.findByUser(tx, userId)
    if (!v) throw new AppError('VOLUNTEER_PROFILE_MISSING')
    return v
  }
  const audit = (tx: Tx, ctx: AuditContext, action: string, v: repo.VolunteerRow) =>
    recordAudit(tx, ctx, { action, result: 'success', targetType: 'volunteer', targetId: v.id, regionCode: ctx.regionCode ?? v.serviceRegionCode })

  async function me(userId: string): Promise<VolunteerProfile> {
    return profileView(prisma, keyring, await load(prisma, userId))
  }

  /**
   * Saves the fields sent (absent fields keep their saved value). 'draft' works while the
   * application is a draft or waits for more information, creating it on first use; 'edit' works
   * on a submitted or approved one too, which must stay complete.
   */
  async function save(userId: string, body: VolunteerFieldsBody, ctx: AuditContext, mode: 'draft' | 'edit'): Promise<VolunteerProfile> {
    const phone = await phoneFromBody(wechat, body)
    return prisma
      .$transaction(async (tx) => {
        let v = await repo.findByUser(tx, userId)
        if (!v && mode === 'edit') throw new AppError('VOLUNTEER_PROFILE_MISSING')
        v ??= await repo.createDraft(tx, userId, ctx.at)
        assertMayEdit(v.status, mode)

        const changes = await buildChanges(tx, { keyring, now: ctx.at }, v, body, phone)
        const vetted = v.status !== 'draft'
        const data = changes.identityChanged && vetted ? { ...changes.data, ...IDENTITY_CHECKS_RESET } : changes.data
        if (!(await repo.updateIfStatus(tx, v.id, v.status, data))) throw new AppError('VOLUNTEER_STATUS_CONFLICT')
        if (changes.acceptances.length) await repo.addAcceptances(tx, v.id, changes.acceptances, ctx.at)

        if (changes.identityChanged && v.status === 'approved') {
          await transition(tx, { volunteer: v, event: 'revet', reason: REVET_REASON, ctx })
        } else if (changes.identityChanged && vetted) {
          await repo.insertEvent(tx, { volunteerId: v.id, at: ctx.at, actorUserId: ctx.actorUserId, actorRole: ctx.actorRole, type: 'identity_changed', reason: REVET_REASON })
        } else if (changes.regionChanged && v.status === 'approved') {
          // The role follows the service area: a coordinator sees the volunteers of their region.
          await revokeRole(tx, userId, 'volunteer', ctx.at)
          const role = await grantRole(tx, { userId, role: 'volunteer', regionCode: changes.data.serviceRegionCode as string })
          await activateWhereRoleless(tx, userId, role.id)
          await recordAudit(tx, ctx, { action: 'role.grant', result: 'success', targetType: 'role_assignment', targetId: role.id, regionCode: role.regionCode })
        }
        const after = (await repo.findById(tx, v.id))!
        if (mode === 'edit' && !DRAFT_STATUSES.includes(after.status)) assertComplete(after)
        await audit(tx, ctx, mode === 'draft' ? 'volunteer.draft.save' : 'volunteer.update', after)
        return profileView(tx, keyring, after)
      })
      .catch(idNumberRace)
  }

  async function submit(userId: string, ctx: AuditContext): Promise<VolunteerProfile> {
    return prisma.$transaction(async (tx) => {
      const v = await load(tx, userId)
      assertMaySubmit(v.status)
      assertComplete(v)
      // The first submission keeps its place in the queue when more information was asked for.
      await transition(tx, { volunteer: v, event: 'submit', reason: null, ctx, data: { submittedAt: v.submittedAt ?? ctx.at } })
      return profileView(tx, keyring, (await repo.findById(tx, v.id))!)
    })
  }

  /** Leaving keeps everything: the application, its history and the acceptances stay on file. */
  async function withdraw(userId: string, reason: string, ctx: AuditContext): Promise<VolunteerProfile> {
    return prisma.$transaction(async (tx) => {
      const v = await load(tx, userId)
      assertMayWithdraw(v.status)
      await transition(tx, { volunteer: v, event: 'withdraw', reason, ctx })
      return profileView(tx, keyring, (await repo.findById(tx, v.id))!)
    })
  }

  return {
    me,
    saveDraft: (userId: string, body: VolunteerFieldsBody, ctx: AuditContext) => save(userId, body, ctx, 'draft'),
    update: (userId: string, body: VolunteerFieldsBody, ctx: AuditContext) => save(userId, body, ctx, 'edit'),
    submit,
    withdraw,
  }
}
