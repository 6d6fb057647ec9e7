/**
 * The honour board (好人榜) of a region: volunteers who chose to appear, by points from confirmed
 * check-ins in the region's villages — never a child, and the real name only when the volunteer
 * chose it (otherwise 王阿姨, as the children call her). Recognition is meant to be seen, so anyone
 * signed in with a role may read any region's board; what it shows is only what people consented to.
 */
import { HOURS_LABEL, honourName, hoursOf, regionPrefix } from '@qstx/shared'
import type { Db } from '../../db/prisma'
import type { ScopedActor } from '../../lib/actor'
import { AppError, notFound } from '../../lib/app-error'
import type { Clock } from '../../lib/clock'
import { assertCan } from './policy'
import * as repo from './repository'

/** China's 1 January 00:00 of `year`, as an instant. */
const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000)

export function createHonourService({ prisma, clock }: { prisma: Db; clock: Clock }) {
  async function board(actor: ScopedActor, q: { regionCode: string; year?: number | undefined }) {
    assertCan(actor, 'honour.read')
    const region = await repo.regionName(prisma, q.regionCode)
    if (!region) throw notFound()
    const rows = await repo.honourBoard(prisma, regionPrefix(q.regionCode), q.year ? { from: yearStart(q.year), to: yearStart(q.year + 1) } : null)
    return {
      regionCode: q.regionCode,
      regionName: region.name,
      year: q.year ?? null,
      hoursLabel: HOURS_LABEL,
      items: rows.map((r, i) => ({
        rank: i + 1,
        name: honourName({ realName: r.realName, gender: r.gender, kind: r.kind }, r.showFullName),
        hours: hoursOf(r.minutes),
        points: r.points,
        checkins: r.checkins,
      })),
    }
  }

  async function ownVolunteer(actor: ScopedActor) {
    assertCan(actor, 'honour.opt_in')
    const v = await repo.volunteerOfUser(prisma, actor.userId)
    if (!v) throw new AppError('VOLUNTEER_PROFILE_MISSING')
    return v
  }

  const settingOf = (v: NonNullable<Awaited<ReturnType<typeof repo.volunteerOfUser>>>, optIn: boolean, showFullName: boolean) => ({
    optIn, showFullName, displayName: honourName({ realName: v.realName, gender: v.gender, kind: v.kind }, showFullName),
  })

  async function setting(actor: ScopedActor) {
    const v = await ownVolunteer(actor)
    return settingOf(v, !!v.honourOptIn, v.honourOptIn?.showFullName ?? false)
  }

  /** Opting in records when (consent has a time); opting out removes the row at once. */
  async function setSetting(actor: ScopedActor, body: { optIn: boolean; showFullName: boolean }) {
    const v = await ownVolunteer(actor)
    if (body.optIn) await repo.optIn(prisma, v.id, body.showFullName, clock.now())
    else await repo.optOut(prisma, v.id)
    return settingOf(v, body.optIn, body.optIn && body.showFullName)
  }

  return { board, setting, setSetting }
}
