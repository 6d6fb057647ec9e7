/**
 * Care activities (shared/care/activities.ts): recording one with its children and volunteers in one
 * transaction, the region's list, one activity, its photos, and the village director's decision on
 * each volunteer's hours — the same rule as check-ins: once, points under the rule in force, the
 * volunteer told, only confirmed service counting.
 */
import {
  ACTIVITY_PHOTOS_MAX, ACTIVITY_PHOTO_MAX_BYTES, CHECKIN_PAGES, chinaDate, isWithinRegion, pointsFor, regionAncestry, regionPrefix,
  type CreateActivityBody,
} from '@qstx/shared'
import type { Db } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import { recordAudit, type AuditContext } from '../../lib/audit'
import type { Clock } from '../../lib/clock'
import { notify } from '../../lib/notify'
import { regionNames } from '../children/repository'
import { assertInScope, assertMayConfirm, assertMayRead, assertMayRecord, assertNotOwnService, assertVillage, mayNameChildren, volunteerFits } from './policy'
import * as repo from './repository'

const day = (d: Date) => d.toISOString().slice(0, 10)

/** JPEG starts FF D8 FF, PNG with its 8-byte signature: the bytes must be what the type says. */
function imageBytes(contentType: string, base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64')
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  if ((contentType === 'image/jpeg' && !jpeg) || (contentType === 'image/png' && !png) || bytes.length > ACTIVITY_PHOTO_MAX_BYTES) throw new AppError('PHOTO_INVALID')
  return bytes
}

export function createActivityService({ prisma, clock }: { prisma: Db; clock: Clock }) {
  async function create(actor: ScopedActor, body: CreateActivityBody, ctx: AuditContext) {
    assertMayRecord(actor)
    assertVillage(actor, body.villageCode)
    if (body.heldOn > chinaDate(clock.now())) throw new AppError('VALIDATION_FAILED', '活动日期不能晚于今天', { heldOn: '活动日期不能晚于今天' })
    if (body.childIds.length && !mayNameChildren(actor)) throw new AppError('VALIDATION_FAILED', '您的角色只能填写参加人数，不能关联儿童档案', { childIds: '只能填写参加人数' })
    return prisma.$transaction(async (tx) => {
      const children = await repo.openChildren(tx, body.childIds)
      if (children.length !== body.childIds.length || children.some((c) => !isWithinRegion(c.villageCode, actor.regionCode))) {
        throw new AppError('VALIDATION_FAILED', '有儿童档案不在您的辖区或已结案', { childIds: '有儿童档案不在您的辖区或已结案' })
      }
      const volunteers = await repo.volunteersByIds(tx, body.volunteers.map((v) => v.volunteerId))
      if (volunteers.length !== body.volunteers.length || volunteers.some((v) => !volunteerFits(actor, body.villageCode, v))) {
        throw new AppError('VALIDATION_FAILED', '有志愿者不在可选名单中（须已通过审核并在本地服务）', { volunteers: '有志愿者不在可选名单中' })
      }
      const now = clock.now()
      const { id } = await repo.insertActivity(tx, {
        villageCode: body.villageCode, heldOn: new Date(`${body.heldOn}T00:00:00Z`), kind: body.kind, title: body.title, place: body.place,
        organiser: body.organiser, content: body.content || null, childrenReached: body.childrenReached, recordedById: actor.userId, recordedRole: actor.role, createdAt: now,
      })
      if (body.childIds.length) await repo.linkChildren(tx, id, body.childIds)
      if (body.volunteers.length) await repo.insertServices(tx, id, body.volunteers)
      await recordAudit(tx, ctx, { action: 'activity.create', result: 'success', targetType: 'activity', targetId: id })
      return { id }
    })
  }

  async function list(actor: ScopedActor, q: { regionCode?: string | undefined; year?: number | undefined; kind?: CreateActivityBody['kind'] | undefined; page: number; pageSize: number }) {
    assertMayRead(actor)
    const region = q.regionCode ?? actor.regionCode
    assertInScope(actor, region)
    const { items, total } = await repo.page(prisma, regionPrefix(region), q)
    const names = await regionNames(prisma, items.map((a) => a.villageCode))
    return {
      items: items.map((a) => ({
        id: a.id, villageCode: a.villageCode, villageName: names.get(a.villageCode)!, heldOn: day(a.heldOn), kind: a.kind, title: a.title, childrenReached: a.childrenReached,
        volunteers: a.services.length, pendingServices: a.services.filter((s) => s.status === 'pending').length,
      })),
      total, page: q.page, pageSize: q.pageSize,
    }
  }

  async function get(actor: ScopedActor, id: string) {
    assertMayRead(actor)
    const a = await repo.findActivity(prisma, id)
    assertInScope(actor, a?.villageCode)
    const names = await regionNames(prisma, [a!.villageCode])
    const linked = a!.children.map((c) => c.child)
    return {
      id: a!.id, villageCode: a!.villageCode, villageName: names.get(a!.villageCode)!, heldOn: day(a!.heldOn), kind: a!.kind, title: a!.title,
      childrenReached: a!.childrenReached, place: a!.place, organiser: a!.organiser, content: a!.content,
      children: mayNameChildren(actor) ? linked.filter((c) => isWithinRegion(c.villageCode, actor.regionCode)).map((c) => ({ id: c.id, name: c.name })) : null,
      linkedChildren: linked.length,
      services: a!.services.map((s) => ({ id: s.id, volunteerName: s.volunteer.realName ?? '', minutes: s.minutes, status: s.status, decisionNote: s.decisionNote, points: s.points })),
      photos: a!.photos.map((p) => ({ id: p.id, createdAt: p.createdAt.toISOString() })),
      recordedByName: a!.recordedBy.displayName,
      createdAt: a!.createdAt.toISOString(),
    }
  }

  async function addPhoto(actor: ScopedActor, id: string, body: { contentType: 'image/jpeg' | 'image/png'; dataBase64: string }, ctx: AuditContext) {
    assertMayRecord(actor)
    return prisma.$transaction(async (tx) => {
      const a = await repo.activityHead(tx, id)
      assertInScope(actor, a?.villageCode)
      if (a!._count.photos >= ACTIVITY_PHOTOS_MAX) throw new AppError('ACTIVITY_PHOTOS_FULL')
      const bytes = imageBytes(body.contentType, body.dataBase64)
      const photo = await repo.insertPhoto(tx, { activityId: id, contentType: body.contentType, data: new Uint8Array(bytes), byteSize: bytes.length, createdById: actor.userId, createdAt: clock.now() })
      await recordAudit(tx, ctx, { action: 'activity.photo.add', result: 'success', targetType: 'activity', targetId: id })
      return photo
    })
  }

  async function photo(actor: ScopedActor, id: string, photoId: string) {
    assertMayRead(actor)
    const a = await repo.activityHead(prisma, id)
    assertInScope(actor, a?.villageCode)
    const p = await repo.findPhoto(prisma, id, photoId)
    if (!p) throw notFound()
    return { contentType: p.contentType as 'image/jpeg' | 'image/png', dataBase64: Buffer.from(p.data).toString('base64') }
  }

  async function decide(actor: ScopedActor, id: string, serviceId: string, body: { decision: 'confirm' | 'dispute'; note?: string | undefined }, ctx: AuditContext) {
    assertMayConfirm(actor)
    return prisma.$transaction(async (tx) => {
      const s = await repo.findService(tx, id, serviceId)
      assertInScope(actor, s?.activity.villageCode)
      assertNotOwnService(actor, s!.volunteer.userId)
      const confirm = body.decision === 'confirm'
      const decided = await repo.decideIfPending(tx, serviceId, {
        status: confirm ? 'confirmed' : 'disputed', decidedAt: clock.now(), decidedById: actor.userId, decisionNote: body.note || null,
        points: confirm ? pointsFor(s!.minutes, s!.activity.villageCode) : null,
      })
      if (!decided) throw new AppError('ACTIVITY_SERVICE_DECIDED')
      await recordAudit(tx, ctx, { action: `activity.service.${body.decision}`, result: 'success', targetType: 'activity_service', targetId: serviceId })
      await notify(tx, {
        recipientUserId: s!.volunteer.userId, kind: `activity.service.${confirm ? 'confirmed' : 'disputed'}`,
        title: confirm ? '您的活动服务已确认' : '您的活动服务记录有疑问',
        body: confirm ? '服务时长和积分已记入（平台记录）' : '儿童主任对这条记录有疑问，请联系活动组织者',
        page: CHECKIN_PAGES.mine,
      })
      return { id: serviceId, status: confirm ? ('confirmed' as const) : ('disputed' as const) }
    })
  }

  /** Whom the recorder may name as having served (a picker, never a search of every volunteer). */
  async function volunteerOptions(actor: ScopedActor, villageCode: string) {
    assertMayRecord(actor)
    assertVillage(actor, villageCode)
    const where = actor.role === 'group_leader'
      ? { teamId: actor.teamId ?? '00000000-0000-0000-0000-000000000000' }
      : { OR: [{ serviceRegionCode: { in: regionAncestry(villageCode) } }, { serviceRegionCode: { startsWith: regionPrefix(actor.regionCode) } }] }
    const rows = await repo.volunteerCandidates(prisma, where)
    return { items: rows.filter((v) => volunteerFits(actor, villageCode, v)).map((v) => ({ volunteerId: v.id, name: v.realName ?? '', teamName: v.team?.name ?? null })) }
  }

  return { create, list, get, addPhoto, photo, decide, volunteerOptions }
}
